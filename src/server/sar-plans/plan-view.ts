import type { Context } from '../platform/context.ts';
import { regionDay } from '../platform/clock.ts';
import { notFound } from '../platform/errors.ts';
import { sarPolicy, type SarActor } from './policy.ts';
import { nameOf, presentAgency, presentCompany, presentCopy, presentShip } from './present.ts';
import { carriedState, companyModule, exerciseDue, fieldChanges, isValid, shipModule } from './plan-state.ts';
import {
  carriedModules,
  companiesByIds,
  copiesOfPlans,
  currentRccModules,
  exercisesOfPlans,
  findAgencies,
  findPlan,
  findRevision,
  findShip,
  lastExerciseDays,
  rccModulesByIds,
  recognitionsOfPlans,
  type Agency,
  type PlanRow,
} from './queries.ts';
import { sarShips } from './schema.ts';
import { inArray } from 'drizzle-orm';

/** What every view of plans needs at once: the agencies, their current modules, what each plan carries, its recognitions and exercises. */
async function planFacts(ctx: Context, rows: PlanRow[]) {
  const ids = rows.map((r) => r.id);
  const [agencies, current, carried, recognitions, lastExercises, ships] = await Promise.all([
    findAgencies(ctx.db),
    currentRccModules(ctx.db),
    carriedModules(ctx.db, ids),
    recognitionsOfPlans(ctx.db, ids),
    lastExerciseDays(ctx.db, ids),
    ids.length ? ctx.db.select().from(sarShips).where(inArray(sarShips.id, rows.map((r) => r.shipId))) : Promise.resolve([]),
  ]);
  return { agencies, current, carried, recognitions, lastExercises, ships: new Map(ships.map((s) => [s.id, s])) };
}

type Facts = Awaited<ReturnType<typeof planFacts>>;

function summaryOf(ctx: Context, row: PlanRow, facts: Facts) {
  const { agencies } = facts;
  const owner = agencies.find((a) => a.id === row.ownerUnitId)!;
  const ship = facts.ships.get(row.shipId)!;
  const state = carriedState(facts.carried.get(row.id), facts.current, agencies.map((a) => a.id));
  const recognisedBy = facts.recognitions.filter((r) => r.planId === row.id && r.revision === row.revision && row.status === 'issued').map((r) => agencies.find((a) => a.id === r.unitId)?.code ?? '');
  const due = exerciseDue({ status: row.status, firstIssuedDay: row.firstIssuedAt ? regionDay(row.firstIssuedAt) : null }, facts.lastExercises.get(row.id) ?? null, regionDay(ctx.clock.now()));
  return {
    id: row.id,
    reference: row.reference,
    status: row.status,
    revision: row.revision,
    owner: presentAgency(owner),
    ship: { id: ship.id, name: nameOf(ship), imoNumber: ship.imoNumber, isSample: ship.isSample },
    valid: isValid(state),
    outdatedAgencies: state.filter((s) => !s.current).map((s) => agencies.find((a) => a.id === s.unitId)!.code),
    recognisedBy,
    exerciseDueOn: due.dueOn,
    exerciseOverdue: due.overdue,
    issuedAt: row.issuedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export type PlanSummary = ReturnType<typeof summaryOf>;

/** Plans as lists show them: validity, recognition and the next exercise worked out for each. */
export async function presentPlanSummaries(ctx: Context, rows: PlanRow[]) {
  const facts = await planFacts(ctx, rows);
  return rows.map((r) => summaryOf(ctx, r, facts));
}

/** The other two agencies, whose recognition an issued plan awaits. */
export const otherAgencies = (agencies: Agency[], ownerUnitId: string) => agencies.filter((a) => a.id !== ownerUnitId);

/** A plan in full: its four modules, what changed since it was issued, its copies, recognitions and exercises. */
export async function planDetail(ctx: Context, actor: SarActor, id: string) {
  const row = await findPlan(ctx.db, id);
  if (!row) throw notFound('sar_plan');
  const facts = await planFacts(ctx, [row]);
  const summary = summaryOf(ctx, row, facts);
  const { agencies, current } = facts;
  const ship = (await findShip(ctx.db, row.shipId))!;
  const company = (await companiesByIds(ctx.db, [ship.companyId])).get(ship.companyId)!;
  const carried = facts.carried.get(row.id) ?? new Map<string, string>();
  const carriedRows = await rccModulesByIds(ctx.db, [...carried.values()]);
  const modules = agencies.flatMap((a) => {
    const m = carriedRows.get(carried.get(a.id) ?? '');
    const now = current.get(a.id);
    if (!m || !now) return [];
    return [{ agency: presentAgency(a), version: m.version, currentVersion: now.version, current: m.id === now.id, moduleId: m.id, content: m.content, isSample: m.isSample, changes: m.id === now.id ? [] : fieldChanges(m.content, now.content) }];
  });
  const revision = row.revision > 0 ? await findRevision(ctx.db, row.id, row.revision) : undefined;
  const doc = revision?.document as { company?: unknown; ship?: unknown } | undefined;
  const registerChanges = doc
    ? [...fieldChanges(doc.company, companyModule(company)).map((c) => ({ module: 'company' as const, ...c })), ...fieldChanges(doc.ship, shipModule(ship)).map((c) => ({ module: 'ship' as const, ...c }))]
    : [];
  const [copies, recognitions, exercises] = await Promise.all([copiesOfPlans(ctx.db, [row.id]), recognitionsOfPlans(ctx.db, [row.id]), exercisesOfPlans(ctx.db, [row.id])]);
  const byId = new Map(agencies.map((a) => [a.id, a]));
  const edit = sarPolicy.editPlan(actor, row);
  const recognisedHere = recognitions.some((r) => r.revision === row.revision && r.unitId === actor.agencyUnitId);
  return {
    ...summary,
    company: presentCompany(company, { mayEdit: sarPolicy.keepRegister(actor, company.place) }),
    shipModule: presentShip(ship, company, { mayEdit: sarPolicy.keepRegister(actor, ship.place), planId: row.id }),
    modules,
    facilities: row.facilities,
    notes: row.notes,
    registerChanges,
    copies: copies.map((c) => presentCopy(c, row.reference, byId, sarPolicy.acknowledgeCopy(actor, row, c) && (c.withdrawnAt === null && (c.supersededAt !== null || c.acknowledgedAt === null)))),
    recognitions: recognitions.map((r) => ({ agency: presentAgency(byId.get(r.unitId)!), revision: r.revision, recognisedBy: r.recognisedBy, recognisedAt: r.recognisedAt.toISOString(), comment: r.comment })),
    awaitingRecognitionFrom: row.status === 'issued' ? otherAgencies(agencies, row.ownerUnitId).filter((a) => !summary.recognisedBy.includes(a.code)).map((a) => a.code) : [],
    exercises: exercises.map((e) => ({ id: e.id, kind: e.kind, heldOn: e.heldOn, participants: e.participants, findings: e.findings, followUpActions: e.followUpActions.map((f) => ({ ...f, dueOn: f.dueOn ?? null })), recordedBy: e.recordedBy, createdAt: e.createdAt.toISOString() })),
    withdrawnAt: row.withdrawnAt?.toISOString() ?? null,
    withdrawReason: row.withdrawReason,
    may: {
      edit: edit && row.status !== 'withdrawn',
      issue: edit && row.status !== 'withdrawn',
      withdraw: edit && row.status === 'issued',
      recognise: sarPolicy.recognise(actor, row) && row.status === 'issued' && summary.valid && !recognisedHere,
      recordExercise: edit && row.status === 'issued',
    },
  };
}

export type PlanDetail = Awaited<ReturnType<typeof planDetail>>;
