import { eq, inArray } from 'drizzle-orm';
import type { Context, Viewer } from '../platform/context.ts';
import { recordAudit, systemActor } from '../audit/record-audit.ts';
import { tellUnit } from '../mail/outbox.ts';
import { forbidden } from '../platform/errors.ts';
import { actsAsOfficer } from '../units/acting.ts';
import { companiesByIds, copiesOfPlans, findAgencies, listPlanRows, type Agency } from './queries.ts';
import { presentPlanSummaries, otherAgencies } from './plan-view.ts';
import { companyModule, fieldChanges, shipModule } from './plan-state.ts';
import { copyLabel, copyState, presentAgency } from './present.ts';
import { requireSarActor } from './register.ts';
import { sarPlanRevisions, sarReminders, sarShips } from './schema.ts';

/**
 * What needs an agency (M25): its plans due for revision (carrying a superseded Module 3, or
 * their company or ship changed since issue, or never issued), controlled copies not
 * acknowledged (its own, and the company's and ship's of its plans), its plans not yet recognised
 * by both other agencies, others' plans awaiting its recognition, and its exercises overdue.
 */
export async function dashboardOf(ctx: Context, agency: Agency, agencies: Agency[]) {
  const rows = (await listPlanRows(ctx.db)).filter((r) => r.status !== 'withdrawn' || r.ownerUnitId === agency.id);
  const summaries = new Map((await presentPlanSummaries(ctx, rows)).map((s) => [s.id, s]));
  const own = rows.filter((r) => r.ownerUnitId === agency.id);
  const item = (id: string, detail: string | null = null) => {
    const s = summaries.get(id)!;
    return { planId: id, reference: s.reference, ship: s.ship.name, isSample: s.ship.isSample, detail };
  };

  const issuedOwn = own.filter((r) => r.status === 'issued');
  const revisions = issuedOwn.length ? await ctx.db.select().from(sarPlanRevisions).where(inArray(sarPlanRevisions.planId, issuedOwn.map((r) => r.id))) : [];
  const ships = issuedOwn.length ? await ctx.db.select().from(sarShips).where(inArray(sarShips.id, issuedOwn.map((r) => r.shipId))) : [];
  const companies = await companiesByIds(ctx.db, ships.map((s) => s.companyId));
  const registerChanged = new Set(
    issuedOwn
      .filter((r) => {
        const doc = revisions.find((v) => v.planId === r.id && v.revision === r.revision)?.document as { company?: unknown; ship?: unknown } | undefined;
        const ship = ships.find((s) => s.id === r.shipId);
        if (!doc || !ship) return false;
        return fieldChanges(doc.ship, shipModule(ship)).length > 0 || fieldChanges(doc.company, companyModule(companies.get(ship.companyId)!)).length > 0;
      })
      .map((r) => r.id),
  );
  const plansDue = own
    .filter((r) => r.status !== 'withdrawn')
    .map((r) => {
      const reasons: ('module_superseded' | 'register_changed' | 'never_issued')[] = [];
      if (summaries.get(r.id)!.outdatedAgencies.length) reasons.push('module_superseded');
      if (registerChanged.has(r.id)) reasons.push('register_changed');
      if (r.status === 'draft') reasons.push('never_issued');
      return { ...item(r.id, summaries.get(r.id)!.outdatedAgencies.join(', ') || null), reasons };
    })
    .filter((i) => i.reasons.length);

  const copies = await copiesOfPlans(ctx.db, rows.map((r) => r.id));
  const copiesUnacknowledged = copies
    .filter((c) => {
      const plan = rows.find((r) => r.id === c.planId)!;
      const state = copyState(c);
      return (state === 'awaiting_receipt' || state === 'awaiting_withdrawal') && (c.holderUnitId ?? plan.ownerUnitId) === agency.id;
    })
    .map((c) => ({ ...item(c.planId, c.holderName), copyId: c.id, label: copyLabel(summaries.get(c.planId)!.reference, c), state: copyState(c) }));

  const others = otherAgencies(agencies, agency.id);
  const plansNotRecognised = issuedOwn
    .map((r) => ({ ...item(r.id), awaiting: others.map((a) => a.code).filter((code) => !summaries.get(r.id)!.recognisedBy.includes(code)) }))
    .filter((i) => i.awaiting.length);
  const awaitingMyRecognition = rows
    .filter((r) => r.status === 'issued' && r.ownerUnitId !== agency.id && summaries.get(r.id)!.valid && !summaries.get(r.id)!.recognisedBy.includes(agency.code))
    .map((r) => item(r.id, summaries.get(r.id)!.owner.code));
  const exercisesOverdue = own.filter((r) => summaries.get(r.id)!.exerciseOverdue).map((r) => ({ ...item(r.id), dueOn: summaries.get(r.id)!.exerciseDueOn! }));
  return { agency: presentAgency(agency), plansDue, copiesUnacknowledged, plansNotRecognised, awaitingMyRecognition, exercisesOverdue };
}

export async function getDashboard(ctx: Context, options: { viewer: Viewer }) {
  const actor = await requireSarActor(ctx, options.viewer);
  const agencies = await findAgencies(ctx.db);
  return dashboardOf(ctx, agencies.find((a) => a.id === actor.agencyUnitId)!, agencies);
}

/**
 * E-mails each agency whose dashboard shows something, at most once a week, as the notifications'
 * alerts do (in each officer's language). Returns how many agencies were reminded.
 */
export async function remindAgencies(ctx: Context): Promise<number> {
  const agencies = await findAgencies(ctx.db);
  const now = ctx.clock.now();
  const weekAgo = new Date(now.getTime() - 7 * 86_400_000);
  let reminded = 0;
  for (const agency of agencies) {
    const board = await dashboardOf(ctx, agency, agencies);
    const counts = { plansDue: board.plansDue.length, copiesUnacknowledged: board.copiesUnacknowledged.length, plansNotRecognised: board.plansNotRecognised.length, awaitingMyRecognition: board.awaitingMyRecognition.length, exercisesOverdue: board.exercisesOverdue.length };
    if (Object.values(counts).every((n) => n === 0)) continue;
    const told = await ctx.db.transaction(async (tx) => {
      const [last] = await tx.select().from(sarReminders).where(eq(sarReminders.unitId, agency.id)).for('update');
      if (last && last.remindedAt > weekAgo) return false;
      await tx.insert(sarReminders).values({ unitId: agency.id, remindedAt: now }).onConflictDoUpdate({ target: sarReminders.unitId, set: { remindedAt: now } });
      // One title for every reader's language: how many items wait (the dashboard names them in each language).
      const title = String(Object.values(counts).reduce((sum, n) => sum + n, 0));
      await tellUnit(tx, ctx, { unitId: agency.id, roles: ['officer', 'approver'], what: 'sar_dashboard', title, link: '/sar-plans' });
      await recordAudit(tx, ctx.clock, { actor: systemActor, action: 'sar_plan.reminded', entityType: 'sar_plan', entityId: agency.id, unitId: agency.id, data: counts });
      return true;
    });
    if (told) reminded++;
  }
  return reminded;
}

/** An agency's officer asks for the reminders now (they also run hourly, each agency at most weekly). */
export async function remindNow(ctx: Context, options: { viewer: Viewer }) {
  const actor = await requireSarActor(ctx, options.viewer);
  if (!actsAsOfficer(actor.viewer)) throw forbidden('an agency’s officer sends reminders');
  return remindAgencies(ctx);
}
