import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { DbOrTx } from '../db/open.ts';
import type { Context, Viewer } from '../platform/context.ts';
import { regionDay } from '../platform/clock.ts';
import { AppError, forbidden, notFound } from '../platform/errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { tellUnit } from '../mail/outbox.ts';
import { sarPolicy, type SarActor } from './policy.ts';
import { nameOf } from './present.ts';
import { carriedModules, companiesByIds, currentRccModules, findAgencies, findPlan, findShip, setCarriedModules, type Agency, type PlanRow } from './queries.ts';
import { carriedState, companyModule, isValid, shipModule } from './plan-state.ts';
import { otherAgencies } from './plan-view.ts';
import { actorOf, requireSarActor } from './register.ts';
import { sarExercises, sarPlanCopies, sarPlanRecognitions, sarPlanRevisions, sarPlans } from './schema.ts';
import type { exerciseBody } from './schemas.ts';
import { sendExercise, sendPlanIssued, sendPlanWithdrawn, sendRecognition } from './exchange.ts';

type Step = { tx: DbOrTx; plan: PlanRow; actor: SarActor; agencies: Agency[]; now: Date };

/**
 * One step of a plan, in one transaction: the plan locked, the policy checked, the step refused
 * from a state that does not allow it (409), then the step itself.
 */
async function transition<T>(ctx: Context, options: { viewer: Viewer; id: string; from: readonly string[]; allowed: (actor: SarActor, plan: PlanRow) => boolean; denied: string; run: (step: Step) => Promise<T> }) {
  const actor = await requireSarActor(ctx, options.viewer);
  return ctx.db.transaction(async (tx) => {
    const plan = await findPlan(tx, options.id, { lock: true });
    if (!plan) throw notFound('sar_plan');
    if (!options.allowed(actor, plan)) throw forbidden(options.denied);
    if (!options.from.includes(plan.status)) throw new AppError('conflict', { params: { what: 'sar_plan_status' } });
    return options.run({ tx, plan, actor, agencies: await findAgencies(tx), now: ctx.clock.now() });
  });
}

/**
 * Issues the plan as a new revision: it takes every agency's current Module 3 and the company's
 * and ship's modules as they are, makes five numbered controlled copies (the three agencies, the
 * company, the ship) and supersedes the copies of the revision before, whose withdrawal each
 * holder acknowledges. The other two agencies receive their copies and are asked to recognise it.
 */
export async function issuePlan(ctx: Context, options: { viewer: Viewer; id: string }) {
  const { viewer } = options;
  return transition(ctx, {
    ...options,
    from: ['draft', 'issued'],
    allowed: sarPolicy.editPlan,
    denied: 'the plan’s owner issues it',
    run: async ({ tx, plan, agencies, now }) => {
      const current = await currentRccModules(tx);
      const modules = agencies.map((a) => current.get(a.id));
      if (modules.some((m) => !m)) throw new AppError('conflict', { params: { what: 'rcc_modules_missing' } });
      const ship = (await findShip(tx, plan.shipId))!;
      const company = (await companiesByIds(tx, [ship.companyId])).get(ship.companyId)!;
      const revision = plan.revision + 1;
      await setCarriedModules(tx, plan.id, modules.map((m) => m!));
      const document = {
        reference: plan.reference,
        revision,
        company: companyModule(company),
        ship: shipModule(ship),
        modules: agencies.map((a, i) => ({ agency: a.code, moduleId: modules[i]!.id, version: modules[i]!.version, content: modules[i]!.content })),
        facilities: plan.facilities,
        notes: plan.notes,
      };
      await tx.insert(sarPlanRevisions).values({ planId: plan.id, revision, document, issuedAt: now, issuedBy: viewer.displayName });
      const superseded = await tx
        .update(sarPlanCopies)
        .set({ supersededAt: now })
        .where(and(eq(sarPlanCopies.planId, plan.id), isNull(sarPlanCopies.supersededAt)))
        .returning({ id: sarPlanCopies.id });
      const owner = agencies.find((a) => a.id === plan.ownerUnitId)!;
      const holders = [
        { holder: 'owner_agency', holderUnitId: owner.id, holderName: owner.name.en },
        ...otherAgencies(agencies, owner.id).map((a, i) => ({ holder: `agency_${i + 2}`, holderUnitId: a.id, holderName: a.name.en })),
        { holder: 'company', holderUnitId: null, holderName: `${nameOf(company).asWritten} ${company.nameEn}` },
        { holder: 'ship', holderUnitId: null, holderName: `${nameOf(ship).asWritten} ${ship.nameEn} (IMO ${ship.imoNumber})` },
      ];
      const copies = await tx
        .insert(sarPlanCopies)
        .values(holders.map((h, i) => ({ planId: plan.id, revision, number: i + 1, ...h, issuedAt: now })))
        .returning();
      await tx
        .update(sarPlans)
        .set({ status: 'issued', revision, issuedAt: now, firstIssuedAt: plan.firstIssuedAt ?? now, updatedAt: now })
        .where(eq(sarPlans.id, plan.id));
      await recordAudit(tx, ctx.clock, {
        actor: actorOf(viewer),
        action: 'sar_plan.issued',
        entityType: 'sar_plan',
        entityId: plan.id,
        unitId: owner.id,
        data: { reference: plan.reference, revision, modules: Object.fromEntries(document.modules.map((m) => [m.agency, m.version])), copiesSuperseded: superseded.length },
      });
      await sendPlanIssued(tx, ctx, { plan: { ...plan, status: 'issued', revision, issuedAt: now, firstIssuedAt: plan.firstIssuedAt ?? now }, document, copies, company, ship, owner, agencies, viewer });
      for (const other of otherAgencies(agencies, owner.id)) {
        await tellUnit(tx, ctx, { unitId: other.id, roles: ['officer', 'approver'], what: 'sar_plan_issued', title: `${plan.reference} R${revision} ${ship.nameEn}`, link: `/sar-plans/plans/${plan.id}` });
      }
      return revision;
    },
  });
}

/** The owner withdraws an issued plan (the ship leaves the service), with a reason; every copy still held is to be acknowledged withdrawn. */
export async function withdrawPlan(ctx: Context, options: { viewer: Viewer; id: string; reason: string }) {
  const { viewer, reason } = options;
  return transition(ctx, {
    ...options,
    from: ['issued'],
    allowed: sarPolicy.editPlan,
    denied: 'the plan’s owner withdraws it',
    run: async ({ tx, plan, agencies, now }) => {
      await tx.update(sarPlanCopies).set({ supersededAt: now }).where(and(eq(sarPlanCopies.planId, plan.id), isNull(sarPlanCopies.supersededAt)));
      await tx.update(sarPlans).set({ status: 'withdrawn', withdrawnAt: now, withdrawReason: reason, updatedAt: now }).where(eq(sarPlans.id, plan.id));
      await recordAudit(tx, ctx.clock, { actor: actorOf(viewer), action: 'sar_plan.withdrawn', entityType: 'sar_plan', entityId: plan.id, unitId: plan.ownerUnitId, data: { reference: plan.reference, revision: plan.revision } });
      await sendPlanWithdrawn(tx, ctx, { plan, agencies, reason, at: now, viewer });
    },
  });
}

/**
 * Another agency recognises the plan's current revision (clause 2: 互相認可), recording who and
 * when. Only an issued plan that carries every agency's current Module 3 is recognised, once per
 * agency and revision; the owner does not recognise its own plan.
 */
export async function recognisePlan(ctx: Context, options: { viewer: Viewer; id: string; comment?: string | null }) {
  const { viewer } = options;
  return transition(ctx, {
    ...options,
    from: ['issued'],
    allowed: sarPolicy.recognise,
    denied: 'each of the other two agencies recognises a plan',
    run: async ({ tx, plan, actor, agencies, now }) => {
      const state = carriedState((await carriedModules(tx, [plan.id])).get(plan.id), await currentRccModules(tx), agencies.map((a) => a.id));
      if (!isValid(state)) throw new AppError('conflict', { params: { what: 'sar_plan_invalid' } });
      const [done] = await tx
        .select({ id: sarPlanRecognitions.id })
        .from(sarPlanRecognitions)
        .where(and(eq(sarPlanRecognitions.planId, plan.id), eq(sarPlanRecognitions.revision, plan.revision), eq(sarPlanRecognitions.unitId, actor.agencyUnitId!)));
      if (done) throw new AppError('conflict', { params: { what: 'sar_plan_recognised' } });
      const [row] = await tx
        .insert(sarPlanRecognitions)
        .values({ planId: plan.id, revision: plan.revision, unitId: actor.agencyUnitId!, recognisedBy: viewer.displayName, recognisedAt: now, comment: options.comment ?? null })
        .returning();
      await recordAudit(tx, ctx.clock, { actor: actorOf(viewer), action: 'sar_plan.recognised', entityType: 'sar_plan', entityId: plan.id, unitId: actor.agencyUnitId, data: { reference: plan.reference, revision: plan.revision } });
      await sendRecognition(tx, ctx, { plan, recognition: row, agencies });
      await tellUnit(tx, ctx, { unitId: plan.ownerUnitId, roles: ['officer', 'approver'], what: 'sar_plan_recognised', title: `${plan.reference} R${plan.revision}`, link: `/sar-plans/plans/${plan.id}` });
    },
  });
}

/** The owner records an exercise of an issued plan, with its participants, findings and follow-up actions; the other agencies receive it. */
export async function recordExercise(ctx: Context, options: { viewer: Viewer; id: string; input: z.infer<typeof exerciseBody> }) {
  const { viewer, input } = options;
  if (input.heldOn > regionDay(ctx.clock.now())) throw new AppError('validation.failed', { fields: [{ field: 'heldOn', code: 'in_future' }] });
  return transition(ctx, {
    ...options,
    from: ['issued'],
    allowed: sarPolicy.editPlan,
    denied: 'the plan’s owner records its exercises',
    run: async ({ tx, plan, agencies, now }) => {
      const [row] = await tx
        .insert(sarExercises)
        .values({ planId: plan.id, kind: input.kind, heldOn: input.heldOn, participants: input.participants, findings: input.findings, followUpActions: input.followUpActions.map((f) => ({ ...f, dueOn: f.dueOn ?? null })), recordedBy: viewer.displayName, createdAt: now })
        .returning();
      await recordAudit(tx, ctx.clock, { actor: actorOf(viewer), action: 'sar_exercise.recorded', entityType: 'sar_exercise', entityId: row.id, unitId: plan.ownerUnitId, data: { reference: plan.reference, kind: row.kind, heldOn: row.heldOn } });
      await sendExercise(tx, ctx, { plan, exercise: row, agencies });
      return row.id;
    },
  });
}
