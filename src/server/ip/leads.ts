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
import { enforcementUnits, ipActorOf, leadById, leadEvents, leadsOfUnit, partiesOfLead, type LeadSeen } from './queries.ts';
import { deliverToOtherSide, type LeadStep } from './exchange.ts';
import { ipLeadParties, ipLeadPasses, ipLeads } from './schema.ts';
import { actorOf, invalid } from './revisions.ts';
import type { answerBody, leadBody, passOnBody } from './schemas.ts';

// Enforcement intelligence (M21, items 2–4: 完善情報合作交換機制): a lead from one side's
// enforcement unit to one of the other side's, acknowledged and answered with its outcome.
// Confidential: the two units (and those the addressee passed it on to, as its handling code
// allows) alone see it; for anyone else it does not exist (404), and the audit trail keeps its
// reference and steps, not its contents. The parties' personal data is kept apart (ip_lead_parties).

export async function actor(ctx: Context, viewer: Viewer): Promise<IpActor> {
  return (await ipActorOf(ctx.db, viewer))!;
}

/** The enforcement units a lead may be addressed to: those of the other side. */
export async function listLeadRecipients(ctx: Context, options: { viewer: Viewer }) {
  const a = await actor(ctx, options.viewer);
  if (!a.enforcement) throw forbidden('not an enforcement unit of the IP agreement');
  return (await enforcementUnits(ctx.db)).filter((u) => ipPolicy.sendLead(a, { partyCode: u.partyCode, enforcement: true }));
}

/** The enforcement units of the addressee's side a lead may be passed on to, if its handling code allows. */
async function passOnCandidates(ctx: Context, a: IpActor, row: LeadSeen) {
  if (!ipPolicy.passOnLead(a, row) || row.status === 'sent') return [];
  return (await enforcementUnits(ctx.db)).filter((u) => !row.passedToUnitIds.includes(u.id) && ipPolicy.passOnLeadTo(a, row, { ...u, enforcement: true }));
}

export async function presentLead(ctx: Context, a: IpActor, row: LeadSeen) {
  const [names, history, candidates] = await Promise.all([unitRefs(ctx.db, [row.fromUnitId, row.toUnitId, ...row.passedToUnitIds]), leadEvents(ctx.db, row.id), passOnCandidates(ctx, a, row)]);
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
    passedTo: row.passedToUnitIds.map((id) => names.get(id)!),
    history: history.map((h) => ({ kind: h.kind, unitId: h.unitId, actor: h.actor, comment: h.comment, at: h.at.toISOString() })),
    passOnTo: candidates.map(({ id, code, partyCode, name }) => ({ id, code, partyCode, name })),
    can: {
      acknowledge: row.status === 'sent' && ipPolicy.acknowledgeLead(a, row),
      answer: row.status === 'acknowledged' && ipPolicy.answerLead(a, row),
      passOn: candidates.length > 0,
      viewParties: ipPolicy.viewLeadParties(a, row),
    },
  };
}

/** A lead the viewer may read, or not found. */
export async function readableLead(ctx: Context, a: IpActor, id: string) {
  const row = await leadById(ctx.db, id);
  if (!row || !ipPolicy.readLead(a, row)) throw notFound('ip_lead');
  return row;
}

export async function getLead(ctx: Context, options: { viewer: Viewer; id: string }) {
  const a = await actor(ctx, options.viewer);
  return presentLead(ctx, a, await readableLead(ctx, a, options.id));
}

export async function listLeads(ctx: Context, options: { viewer: Viewer; box: 'sent' | 'received'; status?: string }) {
  const a = await actor(ctx, options.viewer);
  if (!options.viewer.unitId) return [];
  const rows = (await leadsOfUnit(ctx.db, options.viewer.unitId, options.box, options.status)).filter((r) => ipPolicy.readLead(a, r));
  return Promise.all(rows.map((r) => presentLead(ctx, a, r)));
}

/** An enforcement unit sends a lead to one of the other side's; it gets its reference (HK-IPL-2026-0001) on sending. */
export async function sendLead(ctx: Context, options: { viewer: Viewer; input: z.infer<typeof leadBody> }) {
  // The parties' personal data is written to its own table, never to the lead (nor to the audit trail).
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
    const parties = input.parties.length
      ? await tx
          .insert(ipLeadParties)
          .values(input.parties.map((p, position) => ({ leadId: lead.id, position, role: p.role, name: p.name, idNumber: p.idNumber ?? null, address: p.address ?? null, company: p.company ?? null })))
          .returning()
      : [];
    await recordAudit(tx, ctx.clock, { actor: actorOf(viewer), action: 'ip_lead.sent', entityType: 'ip_lead', entityId: lead.id, unitId: viewer.unitId, data: { reference, toUnitId: to.id, parties: parties.length } });
    await deliverToOtherSide(tx, ctx, { lead, step: 'sent', fromUnitId: lead.fromUnitId, toUnitIds: [lead.toUnitId], actor: actorOf(viewer), parties });
    return lead.id;
  });
}

type Plan = { check: boolean; from: string[]; set: Partial<typeof ipLeads.$inferInsert>; action: AuditAction; step: LeadStep; comment?: string | null; data?: Record<string, unknown> };

/** One step of a lead: lock it, not found for any other unit, check who and from which status, record it across the seam. */
async function transition(ctx: Context, options: { viewer: Viewer; id: string }, plan: (row: LeadSeen, a: IpActor, now: Date) => Plan) {
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
    await deliverToOtherSide(tx, ctx, { lead: { ...lead, passedToUnitIds: current.passedToUnitIds }, step: step.step, fromUnitId: lead.toUnitId, toUnitIds: [lead.fromUnitId], actor: actorOf(viewer), comment: step.comment });
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

/**
 * The addressee passes a lead on to another enforcement unit of its own side, only if the sender's
 * handling code allows it (`may_pass_on_with_consent`) and once it has acknowledged the lead. The
 * step is in the lead's history, audited, and goes to the sender and to the new unit.
 */
export async function passOnLead(ctx: Context, options: { viewer: Viewer; id: string; input: z.infer<typeof passOnBody> }) {
  const { viewer, id, input } = options;
  const a = await actor(ctx, viewer);
  const to = (await enforcementUnits(ctx.db)).find((u) => u.id === input.toUnitId);
  return ctx.db.transaction(async (tx) => {
    const current = await leadById(tx, id, { forUpdate: true });
    if (!current || !ipPolicy.readLead(a, current)) throw notFound('ip_lead');
    if (!ipPolicy.passOnLead(a, current)) throw forbidden(`the handling code ${current.handlingCode} does not let this viewer pass the lead on`);
    if (!to) throw invalid('toUnitId', 'not_enforcement_unit');
    if (!ipPolicy.passOnLeadTo(a, current, { ...to, enforcement: true })) throw invalid('toUnitId', 'pass_on_own_side');
    if (current.status === 'sent') throw new AppError('conflict', { params: { what: 'ip_lead_status' } });
    if (current.passedToUnitIds.includes(to.id)) throw new AppError('conflict', { params: { what: 'ip_lead_passed' } });
    const now = ctx.clock.now();
    await tx.insert(ipLeadPasses).values({ leadId: id, unitId: to.id, passedBy: viewer.username, at: now });
    const [lead] = await tx.update(ipLeads).set({ updatedAt: now }).where(eq(ipLeads.id, id)).returning();
    await recordAudit(tx, ctx.clock, { actor: actorOf(viewer), action: 'ip_lead.passed_on', entityType: 'ip_lead', entityId: id, unitId: viewer.unitId, data: { reference: lead.reference, toUnitId: to.id, handlingCode: lead.handlingCode } });
    await deliverToOtherSide(tx, ctx, { lead: { ...lead, passedToUnitIds: [...current.passedToUnitIds, to.id] }, step: 'passed_on', fromUnitId: lead.toUnitId, toUnitIds: [lead.fromUnitId, to.id], actor: actorOf(viewer), comment: input.comment ?? null });
    return lead;
  });
}

/** The parties' personal data of a lead, for a viewer cleared for it (else the lead, or its parties, do not exist: 404); every view audited. */
export async function viewLeadParties(ctx: Context, options: { viewer: Viewer; id: string }) {
  const a = await actor(ctx, options.viewer);
  const lead = await readableLead(ctx, a, options.id);
  if (!ipPolicy.viewLeadParties(a, lead)) throw notFound('ip_lead_parties');
  const parties = await partiesOfLead(ctx.db, lead.id);
  await ctx.db.transaction((tx) =>
    recordAudit(tx, ctx.clock, { actor: actorOf(options.viewer), action: 'ip_lead.parties_viewed', entityType: 'ip_lead', entityId: lead.id, unitId: options.viewer.unitId, data: { reference: lead.reference, parties: parties.length } }),
  );
  return parties.map(({ role, name, idNumber, address, company }) => ({ role, name, idNumber, address, company }));
}

/** A lead; with `include=parties`, and only for a viewer cleared for them, its parties' personal data too (the view audited). */
export async function getLeadWith(ctx: Context, options: { viewer: Viewer; id: string; include?: 'parties' }) {
  const a = await actor(ctx, options.viewer);
  const row = await readableLead(ctx, a, options.id);
  const lead = await presentLead(ctx, a, row);
  if (options.include !== 'parties' || !ipPolicy.viewLeadParties(a, row)) return lead;
  return { ...lead, parties: await viewLeadParties(ctx, options) };
}
