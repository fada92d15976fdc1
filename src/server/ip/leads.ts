import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { AuditAction } from '../../shared/audit-actions.ts';
import { regionYear } from '../platform/clock.ts';
import type { Context, Viewer } from '../platform/context.ts';
import { AppError, forbidden, notFound } from '../platform/errors.ts';
import { nextReference } from '../platform/reference-numbers.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { unitRefs } from '../units/unit-refs.ts';
import { ipPolicy, type IpActor } from './policy.ts';
import { enforcementUnits, ipActorOf, leadById, leadEvents, leadsOfUnit, type LeadRow } from './queries.ts';
import { deliverToOtherSide, type LeadStep } from './exchange.ts';
import { ipLeads } from './schema.ts';
import { actorOf, invalid } from './revisions.ts';
import type { answerBody, leadBody } from './schemas.ts';

// Enforcement intelligence (M21, items 2–4: 完善情報合作交換機制): a lead from one side's
// enforcement unit to one of the other side's, acknowledged and answered with its outcome.
// Confidential: the two units alone see it; for anyone else it does not exist (404), and the
// audit trail keeps its reference and steps, not its contents.

async function actor(ctx: Context, viewer: Viewer): Promise<IpActor> {
  return (await ipActorOf(ctx.db, viewer))!;
}

/** The enforcement units a lead may be addressed to: those of the other side. */
export async function listLeadRecipients(ctx: Context, options: { viewer: Viewer }) {
  const a = await actor(ctx, options.viewer);
  if (!a.enforcement) throw forbidden('not an enforcement unit of the IP agreement');
  return (await enforcementUnits(ctx.db)).filter((u) => ipPolicy.sendLead(a, { partyCode: u.partyCode, enforcement: true }));
}

async function presentLead(ctx: Context, a: IpActor, row: LeadRow) {
  const [names, history] = await Promise.all([unitRefs(ctx.db, [row.fromUnitId, row.toUnitId]), leadEvents(ctx.db, row.id)]);
  return {
    id: row.id,
    reference: row.reference,
    from: names.get(row.fromUnitId)!,
    to: names.get(row.toUnitId)!,
    channel: row.channel,
    goods: row.goods,
    brands: row.brands,
    quantity: row.quantity,
    route: row.route,
    summary: row.summary,
    riskLevel: row.riskLevel,
    riskAssessment: row.riskAssessment,
    handlingCode: row.handlingCode,
    status: row.status,
    outcome: row.outcome,
    feedback: row.feedback,
    sentBy: row.sentBy,
    sentAt: row.sentAt.toISOString(),
    acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
    answeredAt: row.answeredAt?.toISOString() ?? null,
    history: history.map((h) => ({ kind: h.kind, unitId: h.unitId, actor: h.actor, comment: h.comment, at: h.at.toISOString() })),
    can: { acknowledge: row.status === 'sent' && ipPolicy.acknowledgeLead(a, row), answer: row.status === 'acknowledged' && ipPolicy.answerLead(a, row) },
  };
}

export async function getLead(ctx: Context, options: { viewer: Viewer; id: string }) {
  const a = await actor(ctx, options.viewer);
  const row = await leadById(ctx.db, options.id);
  if (!row || !ipPolicy.readLead(a, row)) throw notFound('ip_lead');
  return presentLead(ctx, a, row);
}

export async function listLeads(ctx: Context, options: { viewer: Viewer; box: 'sent' | 'received'; status?: string }) {
  const a = await actor(ctx, options.viewer);
  if (!options.viewer.unitId) return [];
  const rows = (await leadsOfUnit(ctx.db, options.viewer.unitId, options.box, options.status)).filter((r) => ipPolicy.readLead(a, r));
  return Promise.all(rows.map((r) => presentLead(ctx, a, r)));
}

/** An enforcement unit sends a lead to one of the other side's; it gets its reference (HK-IPL-2026-0001) on sending. */
export async function sendLead(ctx: Context, options: { viewer: Viewer; input: z.infer<typeof leadBody> }) {
  const { viewer, input } = options;
  const a = await actor(ctx, viewer);
  if (!a.enforcement) throw forbidden('not an enforcement unit of the IP agreement');
  const to = (await enforcementUnits(ctx.db)).find((u) => u.id === input.toUnitId);
  if (!to) throw invalid('toUnitId', 'not_enforcement_unit');
  if (!ipPolicy.sendLead(a, { partyCode: to.partyCode, enforcement: true })) throw invalid('toUnitId', 'same_side');
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const reference = await nextReference(tx, { partyCode: a.party!, series: 'IPL', year: regionYear(now) });
    const [lead] = await tx
      .insert(ipLeads)
      .values({ reference, fromUnitId: viewer.unitId!, toUnitId: to.id, channel: input.channel, goods: input.goods, brands: input.brands, quantity: input.quantity ?? null, route: input.route ?? null, summary: input.summary, riskLevel: input.riskLevel, riskAssessment: input.riskAssessment ?? null, handlingCode: input.handlingCode, status: 'sent', sentBy: viewer.username, sentAt: now, updatedAt: now })
      .returning();
    await recordAudit(tx, ctx.clock, { actor: actorOf(viewer), action: 'ip_lead.sent', entityType: 'ip_lead', entityId: lead.id, unitId: viewer.unitId, data: { reference, toUnitId: to.id } });
    await deliverToOtherSide(tx, ctx, { lead, step: 'sent', fromUnitId: lead.fromUnitId, toUnitId: lead.toUnitId, actor: actorOf(viewer) });
    return lead.id;
  });
}

type Plan = { check: boolean; from: string[]; set: Partial<typeof ipLeads.$inferInsert>; action: AuditAction; step: LeadStep; comment?: string | null; data?: Record<string, unknown> };

/** One step of a lead: lock it, not found for any other unit, check who and from which status, record it across the seam. */
async function transition(ctx: Context, options: { viewer: Viewer; id: string }, plan: (row: LeadRow, a: IpActor, now: Date) => Plan) {
  const { viewer, id } = options;
  const a = await actor(ctx, viewer);
  return ctx.db.transaction(async (tx) => {
    const current = await leadById(tx, id, { forUpdate: true });
    if (!current || !ipPolicy.readLead(a, current)) throw notFound('ip_lead');
    const now = ctx.clock.now();
    const step = plan(current, a, now);
    if (!step.check) throw forbidden(`may not take the step ${step.action} on this lead`);
    if (!step.from.includes(current.status)) throw new AppError('conflict', { params: { what: 'ip_lead_status' } });
    const [lead] = await tx
      .update(ipLeads)
      .set({ ...step.set, updatedAt: now })
      .where(eq(ipLeads.id, id))
      .returning();
    await recordAudit(tx, ctx.clock, { actor: actorOf(viewer), action: step.action, entityType: 'ip_lead', entityId: id, unitId: viewer.unitId, data: { reference: lead.reference, from: current.status, to: lead.status, ...step.data } });
    // The answer goes back to the sender: the step crosses from the addressee to the sending unit.
    await deliverToOtherSide(tx, ctx, { lead, step: step.step, fromUnitId: lead.toUnitId, toUnitId: lead.fromUnitId, actor: actorOf(viewer), comment: step.comment });
    return lead;
  });
}

export const acknowledgeLead = (ctx: Context, options: { viewer: Viewer; id: string; comment?: string | null }) =>
  transition(ctx, options, (row, a, now) => ({
    check: ipPolicy.acknowledgeLead(a, row),
    from: ['sent'],
    set: { status: 'acknowledged', acknowledgedBy: a.viewer.username, acknowledgedAt: now },
    action: 'ip_lead.acknowledged',
    step: 'acknowledged',
    comment: options.comment ?? null,
  }));

/** The addressee's feedback on the outcome (seizure, case opened, no action…), once acknowledged. */
export const answerLead = (ctx: Context, options: { viewer: Viewer; id: string; input: z.infer<typeof answerBody> }) =>
  transition(ctx, options, (row, a, now) => ({
    check: ipPolicy.answerLead(a, row),
    from: ['acknowledged'],
    set: { status: 'answered', outcome: options.input.outcome, feedback: options.input.feedback, answeredBy: a.viewer.username, answeredAt: now },
    action: 'ip_lead.answered',
    step: 'answered',
    comment: options.input.feedback,
    data: { outcome: options.input.outcome },
  }));
