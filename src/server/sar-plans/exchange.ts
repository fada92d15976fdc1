import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../db/open.ts';
import type { Context, Viewer } from '../platform/context.ts';
import { notFound } from '../platform/errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { tellUnit } from '../mail/outbox.ts';
import { nodeById, unitByCode } from '../exchange/queries.ts';
import type { ExchangeHandler, ExchangeSpec } from '../exchange/runtime.ts';
import { sendMessage } from '../exchange/send.ts';
import type { Envelope } from '../exchange/signed.ts';
import { flagPlansCarrying } from './plan-flags.ts';
import { currentRccModules, findAgencies, sarActorOf, setCarriedModules, type Agency, type CompanyRow, type CopyRow, type ExerciseRow, type PlanRow, type RccModuleRow, type RecognitionRow, type ShipRow } from './queries.ts';
import { sarPolicy } from './policy.ts';
import { rccModules, sarCompanies, sarExercises, sarPlanCopies, sarPlanRecognitions, sarPlanRevisions, sarPlans, sarShips } from './schema.ts';

// What one agency sends the other two (M24–M25): a new version of its Module 3, an issued plan
// with their controlled copies and the request to recognise it, a recognition, a copy's receipt
// or withdrawal, an exercise, a plan's withdrawal. Each goes out as a message in the change's
// transaction; on arrival a handler makes this node's copy match, once. On one node for every
// party (the default) the message comes back to this node and finds the change already there.

/** Sends a message from an agency to each of the other two. */
async function toOtherAgencies(tx: DbOrTx, ctx: Context, options: { kind: string; fromUnitId: string; agencies: Agency[]; subject: { type: string; id: string }; payload: Record<string, unknown> }) {
  const from = options.agencies.find((a) => a.id === options.fromUnitId)!;
  for (const to of options.agencies.filter((a) => a.id !== options.fromUnitId)) {
    await sendMessage(tx, ctx, { kind: options.kind, from, to, subject: options.subject, payload: options.payload });
  }
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

export async function sendRccModule(tx: DbOrTx, ctx: Context, options: { module: RccModuleRow; agencies: Agency[] }) {
  const m = options.module;
  await toOtherAgencies(tx, ctx, {
    kind: 'sar.rcc_module_issued',
    fromUnitId: m.unitId,
    agencies: options.agencies,
    subject: { type: 'rcc_module', id: m.id },
    payload: { module: { id: m.id, version: m.version, content: m.content, changeNote: m.changeNote, isSample: m.isSample, issuedAt: m.issuedAt.toISOString(), issuedBy: m.issuedBy } },
  });
}

const planPayload = (p: PlanRow) => ({ id: p.id, reference: p.reference, shipId: p.shipId, status: p.status, revision: p.revision, facilities: p.facilities, notes: p.notes, firstIssuedAt: iso(p.firstIssuedAt), issuedAt: iso(p.issuedAt), createdAt: p.createdAt.toISOString() });
const copyPayload = (c: CopyRow) => ({ id: c.id, revision: c.revision, number: c.number, holder: c.holder, holderUnit: c.holderUnitId, holderName: c.holderName, issuedAt: c.issuedAt.toISOString() });

/** The issued revision goes to the other two agencies: their controlled copies, and the request to recognise it (clause 2). */
export async function sendPlanIssued(
  tx: DbOrTx,
  ctx: Context,
  options: { plan: PlanRow; document: Record<string, unknown>; copies: CopyRow[]; company: CompanyRow; ship: ShipRow; owner: Agency; agencies: Agency[]; viewer: Viewer },
) {
  const { plan, company, ship, agencies } = options;
  const unitCode = new Map(agencies.map((a) => [a.id, a.code]));
  await toOtherAgencies(tx, ctx, {
    kind: 'sar.plan_issued',
    fromUnitId: options.owner.id,
    agencies,
    subject: { type: 'sar_plan', id: plan.id },
    payload: {
      actor: options.viewer.displayName,
      plan: planPayload(plan),
      document: options.document,
      company: { ...company, createdAt: company.createdAt.toISOString(), updatedAt: company.updatedAt.toISOString() },
      ship: { ...ship, createdAt: ship.createdAt.toISOString(), updatedAt: ship.updatedAt.toISOString() },
      copies: options.copies.map((c) => ({ ...copyPayload(c), holderUnit: c.holderUnitId ? unitCode.get(c.holderUnitId) : null })),
    },
  });
}

export async function sendPlanWithdrawn(tx: DbOrTx, ctx: Context, options: { plan: PlanRow; agencies: Agency[]; reason: string; at: Date; viewer: Viewer }) {
  await toOtherAgencies(tx, ctx, { kind: 'sar.plan_withdrawn', fromUnitId: options.plan.ownerUnitId, agencies: options.agencies, subject: { type: 'sar_plan', id: options.plan.id }, payload: { at: options.at.toISOString(), reason: options.reason, actor: options.viewer.displayName } });
}

export async function sendRecognition(tx: DbOrTx, ctx: Context, options: { plan: PlanRow; recognition: RecognitionRow; agencies: Agency[] }) {
  const r = options.recognition;
  await toOtherAgencies(tx, ctx, {
    kind: 'sar.plan_recognised',
    fromUnitId: r.unitId,
    agencies: options.agencies,
    subject: { type: 'sar_plan', id: options.plan.id },
    payload: { recognition: { id: r.id, revision: r.revision, recognisedBy: r.recognisedBy, recognisedAt: r.recognisedAt.toISOString(), comment: r.comment } },
  });
}

export async function sendCopyStep(tx: DbOrTx, ctx: Context, options: { plan: PlanRow; copy: CopyRow; step: 'receipt' | 'withdrawal'; agencies: Agency[] }) {
  const c = options.copy;
  await toOtherAgencies(tx, ctx, {
    kind: options.step === 'receipt' ? 'sar.copy_acknowledged' : 'sar.copy_withdrawn',
    fromUnitId: c.holderUnitId ?? options.plan.ownerUnitId,
    agencies: options.agencies,
    subject: { type: 'sar_plan', id: options.plan.id },
    payload: { copyId: c.id, at: iso(options.step === 'receipt' ? c.acknowledgedAt : c.withdrawnAt), by: options.step === 'receipt' ? c.acknowledgedBy : c.withdrawnBy },
  });
}

export async function sendExercise(tx: DbOrTx, ctx: Context, options: { plan: PlanRow; exercise: ExerciseRow; agencies: Agency[] }) {
  const e = options.exercise;
  await toOtherAgencies(tx, ctx, {
    kind: 'sar.exercise_recorded',
    fromUnitId: options.plan.ownerUnitId,
    agencies: options.agencies,
    subject: { type: 'sar_plan', id: options.plan.id },
    payload: { exercise: { id: e.id, kind: e.kind, heldOn: e.heldOn, participants: e.participants, findings: e.findings, followUpActions: e.followUpActions, recordedBy: e.recordedBy, createdAt: e.createdAt.toISOString() } },
  });
}

/** The arrival as this node's audit trail records it: by the sending node. */
async function recordArrival(tx: DbOrTx, ctx: Context, message: Envelope, entry: { action: 'rcc_module.issued' | 'sar_plan.issued' | 'sar_plan.withdrawn' | 'sar_plan.recognised' | 'sar_copy.acknowledged' | 'sar_copy.withdrawal_acknowledged' | 'sar_exercise.recorded'; entityType: 'rcc_module' | 'sar_plan' | 'sar_plan_copy' | 'sar_exercise'; entityId: string; data?: Record<string, unknown> }) {
  const node = (await nodeById(tx, message.from.node))?.name ?? 'another node';
  const unit = message.from.unit ? await unitByCode(tx, message.from.unit) : null;
  await recordAudit(tx, ctx.clock, { actor: { id: null, label: `node:${node}` }, ...entry, unitId: unit?.id ?? null, data: { ...entry.data, messageId: message.id, fromNode: message.from.node } });
}

async function tellRecipient(tx: DbOrTx, ctx: Context, message: Envelope, what: string, title: string, link: string) {
  const unit = message.to.unit ? await unitByCode(tx, message.to.unit) : null;
  if (unit) await tellUnit(tx, ctx, { unitId: unit.id, roles: ['officer', 'approver'], what, title, link });
}

/** Another agency's new Module 3 version: this node keeps it (once), and flags and tells the owners of the plans here that carry the version it supersedes. */
const receiveRccModule: ExchangeHandler = async (tx, ctx, message) => {
  const m = (message.payload as { module: { id: string; version: number; content: RccModuleRow['content']; changeNote: string | null; isSample: boolean; issuedAt: string; issuedBy: string } }).module;
  const [existing] = await tx.select({ id: rccModules.id }).from(rccModules).where(eq(rccModules.id, m.id));
  if (existing) return;
  const unit = await unitByCode(tx, message.from.unit ?? '');
  if (!unit) throw notFound('unit');
  const previous = (await currentRccModules(tx)).get(unit.id);
  await tx.insert(rccModules).values({ id: m.id, unitId: unit.id, version: m.version, content: m.content, changeNote: m.changeNote, isSample: m.isSample, issuedAt: new Date(m.issuedAt), issuedBy: m.issuedBy });
  const flagged = previous && previous.version < m.version ? await flagPlansCarrying(tx, ctx, previous) : [];
  await recordArrival(tx, ctx, message, { action: 'rcc_module.issued', entityType: 'rcc_module', entityId: m.id, data: { version: m.version, plansFlagged: flagged } });
};

type IssuedPayload = {
  actor: string;
  plan: ReturnType<typeof planPayload>;
  document: Record<string, unknown> & { modules: { agency: string; moduleId: string }[] };
  company: Omit<CompanyRow, 'createdAt' | 'updatedAt'> & { createdAt: string; updatedAt: string };
  ship: Omit<ShipRow, 'createdAt' | 'updatedAt'> & { createdAt: string; updatedAt: string };
  copies: (ReturnType<typeof copyPayload> & { holderUnit: string | null })[];
};

/** An issued revision of another agency's plan: this node's copy of the company, ship, plan, revision and copies (once). */
const receivePlanIssued: ExchangeHandler = async (tx, ctx, message) => {
  const p = message.payload as IssuedPayload;
  const [done] = await tx.select({ id: sarPlanRevisions.id }).from(sarPlanRevisions).where(and(eq(sarPlanRevisions.planId, p.plan.id), eq(sarPlanRevisions.revision, p.plan.revision)));
  if (done) return;
  const owner = await unitByCode(tx, message.from.unit ?? '');
  if (!owner) throw notFound('unit');
  const at = new Date(p.plan.issuedAt ?? message.at);
  const dated = <T extends { createdAt: string; updatedAt: string }>(r: T) => ({ ...r, createdAt: new Date(r.createdAt), updatedAt: new Date(r.updatedAt) });
  await tx.insert(sarCompanies).values(dated(p.company)).onConflictDoUpdate({ target: sarCompanies.id, set: { ...dated(p.company), id: undefined } });
  await tx.insert(sarShips).values(dated(p.ship)).onConflictDoUpdate({ target: sarShips.id, set: { ...dated(p.ship), id: undefined } });
  const values = { ...p.plan, ownerUnitId: owner.id, firstIssuedAt: p.plan.firstIssuedAt ? new Date(p.plan.firstIssuedAt) : null, issuedAt: at, createdAt: new Date(p.plan.createdAt), updatedAt: ctx.clock.now() };
  await tx.insert(sarPlans).values(values).onConflictDoUpdate({ target: sarPlans.id, set: { status: 'issued', revision: p.plan.revision, facilities: p.plan.facilities, notes: p.plan.notes, issuedAt: at, firstIssuedAt: values.firstIssuedAt, updatedAt: values.updatedAt } });
  const modules = await tx.select().from(rccModules);
  const carried = p.document.modules.map((m) => modules.find((r) => r.id === m.moduleId));
  // A module this node has not received yet: refused, and the message is delivered again later.
  if (carried.some((m) => !m)) throw notFound('rcc_module');
  await setCarriedModules(tx, p.plan.id, carried.map((m) => m!));
  await tx.insert(sarPlanRevisions).values({ planId: p.plan.id, revision: p.plan.revision, document: p.document, issuedAt: at, issuedBy: p.actor });
  await tx.update(sarPlanCopies).set({ supersededAt: at }).where(and(eq(sarPlanCopies.planId, p.plan.id), isNull(sarPlanCopies.supersededAt)));
  for (const c of p.copies) {
    const holder = c.holderUnit ? await unitByCode(tx, c.holderUnit) : null;
    await tx
      .insert(sarPlanCopies)
      .values({ id: c.id, planId: p.plan.id, revision: c.revision, number: c.number, holder: c.holder, holderUnitId: holder?.id ?? null, holderName: c.holderName, issuedAt: new Date(c.issuedAt) })
      .onConflictDoNothing();
  }
  await recordArrival(tx, ctx, message, { action: 'sar_plan.issued', entityType: 'sar_plan', entityId: p.plan.id, data: { reference: p.plan.reference, revision: p.plan.revision } });
  await tellRecipient(tx, ctx, message, 'sar_plan_issued', `${p.plan.reference} R${p.plan.revision} ${p.ship.nameEn}`, `/sar-plans/plans/${p.plan.id}`);
};

const receivePlanWithdrawn: ExchangeHandler = async (tx, ctx, message) => {
  const id = message.subject?.id ?? '';
  const [plan] = await tx.select().from(sarPlans).where(eq(sarPlans.id, id)).for('update');
  if (!plan) throw notFound('sar_plan');
  if (plan.status === 'withdrawn') return;
  const { at, reason } = message.payload as { at: string; reason: string };
  await tx.update(sarPlanCopies).set({ supersededAt: new Date(at) }).where(and(eq(sarPlanCopies.planId, id), isNull(sarPlanCopies.supersededAt)));
  await tx.update(sarPlans).set({ status: 'withdrawn', withdrawnAt: new Date(at), withdrawReason: reason, updatedAt: ctx.clock.now() }).where(eq(sarPlans.id, id));
  await recordArrival(tx, ctx, message, { action: 'sar_plan.withdrawn', entityType: 'sar_plan', entityId: id, data: { reference: plan.reference } });
};

const receiveRecognition: ExchangeHandler = async (tx, ctx, message) => {
  const r = (message.payload as { recognition: { id: string; revision: number; recognisedBy: string; recognisedAt: string; comment: string | null } }).recognition;
  const [existing] = await tx.select({ id: sarPlanRecognitions.id }).from(sarPlanRecognitions).where(eq(sarPlanRecognitions.id, r.id));
  if (existing) return;
  const unit = await unitByCode(tx, message.from.unit ?? '');
  const [plan] = await tx.select().from(sarPlans).where(eq(sarPlans.id, message.subject?.id ?? ''));
  if (!unit || !plan) throw notFound('sar_plan');
  await tx.insert(sarPlanRecognitions).values({ id: r.id, planId: plan.id, revision: r.revision, unitId: unit.id, recognisedBy: r.recognisedBy, recognisedAt: new Date(r.recognisedAt), comment: r.comment }).onConflictDoNothing();
  await recordArrival(tx, ctx, message, { action: 'sar_plan.recognised', entityType: 'sar_plan', entityId: plan.id, data: { reference: plan.reference, revision: r.revision } });
  if (message.to.unit && (await unitByCode(tx, message.to.unit))?.id === plan.ownerUnitId) await tellRecipient(tx, ctx, message, 'sar_plan_recognised', `${plan.reference} R${r.revision}`, `/sar-plans/plans/${plan.id}`);
};

const receiveCopyStep =
  (step: 'receipt' | 'withdrawal'): ExchangeHandler =>
  async (tx, ctx, message) => {
    const { copyId, at, by } = message.payload as { copyId: string; at: string; by: string };
    const [copy] = await tx.select().from(sarPlanCopies).where(eq(sarPlanCopies.id, copyId)).for('update');
    if (!copy) throw notFound('sar_plan_copy');
    if (step === 'receipt' ? copy.acknowledgedAt : copy.withdrawnAt) return;
    await tx
      .update(sarPlanCopies)
      .set(step === 'receipt' ? { acknowledgedAt: new Date(at), acknowledgedBy: by } : { withdrawnAt: new Date(at), withdrawnBy: by })
      .where(eq(sarPlanCopies.id, copyId));
    await recordArrival(tx, ctx, message, { action: step === 'receipt' ? 'sar_copy.acknowledged' : 'sar_copy.withdrawal_acknowledged', entityType: 'sar_plan_copy', entityId: copyId, data: { planId: copy.planId } });
  };

const receiveExercise: ExchangeHandler = async (tx, ctx, message) => {
  const e = (message.payload as { exercise: Omit<ExerciseRow, 'planId' | 'createdAt'> & { createdAt: string } }).exercise;
  const [existing] = await tx.select({ id: sarExercises.id }).from(sarExercises).where(eq(sarExercises.id, e.id));
  if (existing) return;
  const planId = message.subject?.id ?? '';
  await tx.insert(sarExercises).values({ ...e, planId, createdAt: new Date(e.createdAt) });
  await recordArrival(tx, ctx, message, { action: 'sar_exercise.recorded', entityType: 'sar_exercise', entityId: e.id, data: { planId } });
};

/** Who may read a plan's or a module's exchange record: the three agencies, as they read every plan. */
const readable = async (db: DbOrTx, viewer: Viewer, id: string) => {
  if (!sarPolicy.read(await sarActorOf(db, viewer))) return false;
  const agencies = await findAgencies(db);
  const [plan] = await db.select({ id: sarPlans.id }).from(sarPlans).where(eq(sarPlans.id, id));
  const [module] = plan ? [plan] : await db.select({ id: rccModules.id }).from(rccModules).where(eq(rccModules.id, id));
  return agencies.length === 3 && Boolean(module);
};

export const sarExchange: ExchangeSpec = {
  handlers: {
    'sar.rcc_module_issued': receiveRccModule,
    'sar.plan_issued': receivePlanIssued,
    'sar.plan_withdrawn': receivePlanWithdrawn,
    'sar.plan_recognised': receiveRecognition,
    'sar.copy_acknowledged': receiveCopyStep('receipt'),
    'sar.copy_withdrawn': receiveCopyStep('withdrawal'),
    'sar.exercise_recorded': receiveExercise,
  },
  subjects: { sar_plan: readable, rcc_module: readable },
};
