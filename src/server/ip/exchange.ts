import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/open.ts';
import type { Context, Viewer } from '../platform/context.ts';
import { notFound } from '../platform/errors.ts';
import { tellUnit } from '../mail/outbox.ts';
import { nodeById, unitByCode, unitById } from '../exchange/queries.ts';
import type { ExchangeHandler, ExchangeSpec } from '../exchange/runtime.ts';
import { sendMessage } from '../exchange/send.ts';
import type { LeadRow } from './queries.ts';
import { ipLeadEvents, ipLeads } from './schema.ts';

/** The steps of a lead that cross from one side's enforcement unit to the other's (items 2–4). */
export type LeadStep = 'sent' | 'acknowledged' | 'answered';

/** The lead as the other unit's node keeps it: its content and state, its units by code. */
function leadSnapshot(lead: LeadRow) {
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  const { id, reference, channel, goods, brands, quantity, route, summary, riskLevel, riskAssessment, handlingCode, status, outcome, feedback, isSample, sentBy, acknowledgedBy, answeredBy } = lead;
  return { id, reference, channel, goods, brands, quantity, route, summary, riskLevel, riskAssessment, handlingCode, status, outcome, feedback, isSample, sentBy, sentAt: lead.sentAt.toISOString(), acknowledgedBy, acknowledgedAt: iso(lead.acknowledgedAt), answeredBy, answeredAt: iso(lead.answeredAt) };
}

const tell = (tx: DbOrTx, ctx: Context, options: { lead: LeadRow; step: LeadStep; toUnitId: string; exceptUserIds?: string[] }) =>
  tellUnit(tx, ctx, { unitId: options.toUnitId, roles: ['officer', 'approver'], what: `ip_lead_${options.step}`, title: options.lead.reference, link: `/ip/leads/${options.lead.id}`, exceptUserIds: options.exceptUserIds ?? [] });

/**
 * THE seam between the two sides' enforcement units. Every lead sent, acknowledged and answered
 * is recorded in the lead's history and goes, through the exchange between nodes, to the other
 * unit's node as the lead now is. The e-mail carries only the lead's reference: the lead itself is
 * read in Liaison by the two units alone.
 */
export async function deliverToOtherSide(
  tx: DbOrTx,
  ctx: Context,
  options: { lead: LeadRow; step: LeadStep; fromUnitId: string; toUnitId: string; actor: { id: string; label: string }; comment?: string | null },
) {
  const { lead, step, fromUnitId, toUnitId, actor } = options;
  const at = ctx.clock.now();
  await tx.insert(ipLeadEvents).values({ leadId: lead.id, kind: step, unitId: fromUnitId, actorId: actor.id, actor: actor.label, comment: options.comment ?? null, at });
  const [from, to] = [await unitById(tx, fromUnitId), await unitById(tx, toUnitId)];
  await sendMessage(tx, ctx, { kind: 'ip.lead_step', from, to, subject: { type: 'ip_lead', id: lead.id }, payload: { step, actor: actor.label, comment: options.comment ?? null, at: at.toISOString(), lead: { ...leadSnapshot(lead), fromUnit: (await unitById(tx, lead.fromUnitId)).code, toUnit: (await unitById(tx, lead.toUnitId)).code } } });
  // On this node, the other unit if it is here (one node for both sides).
  await tell(tx, ctx, { lead, step, toUnitId, exceptUserIds: [actor.id] });
}

type Payload = { step: LeadStep; actor: string; comment: string | null; at: string; lead: ReturnType<typeof leadSnapshot> & { fromUnit: string; toUnit: string } };

/** A lead's step taken on the other unit's node: this node's copy follows, its history gets the step once, and the unit here is told. */
const receiveLeadStep: ExchangeHandler = async (tx, ctx, message) => {
  const m = message.payload as Payload;
  const at = new Date(m.at);
  const actingUnit = await unitByCode(tx, message.from.unit ?? '');
  const [fromUnit, toUnit] = [await unitByCode(tx, m.lead.fromUnit), await unitByCode(tx, m.lead.toUnit)];
  if (!actingUnit || !fromUnit || !toUnit) throw notFound('unit');
  const [seen] = await tx
    .select({ id: ipLeadEvents.id })
    .from(ipLeadEvents)
    .where(and(eq(ipLeadEvents.leadId, m.lead.id), eq(ipLeadEvents.kind, m.step), eq(ipLeadEvents.unitId, actingUnit.id), eq(ipLeadEvents.at, at)));
  if (seen) return;
  const date = (v: string | null) => (v ? new Date(v) : null);
  const { fromUnit: _from, toUnit: _to, sentAt, acknowledgedAt, answeredAt, ...fields } = m.lead;
  const state = { ...fields, sentAt: new Date(sentAt), acknowledgedAt: date(acknowledgedAt), answeredAt: date(answeredAt), updatedAt: ctx.clock.now() };
  const [lead] = await tx
    .insert(ipLeads)
    .values({ ...state, fromUnitId: fromUnit.id, toUnitId: toUnit.id })
    .onConflictDoUpdate({ target: ipLeads.id, set: state })
    .returning();
  const node = (await nodeById(tx, message.from.node))?.name ?? 'another node';
  await tx.insert(ipLeadEvents).values({ leadId: lead.id, kind: m.step, unitId: actingUnit.id, actorId: null, actor: `${m.actor} (${node})`, comment: m.comment, at });
  await tell(tx, ctx, { lead, step: m.step, toUnitId: actingUnit.id === lead.fromUnitId ? lead.toUnitId : lead.fromUnitId });
};

/** A lead's exchange record is read by the two units that read the lead. */
const readable = async (db: DbOrTx, viewer: Viewer, id: string) => {
  const [lead] = await db.select({ fromUnitId: ipLeads.fromUnitId, toUnitId: ipLeads.toUnitId }).from(ipLeads).where(eq(ipLeads.id, id));
  return !!lead && viewer.unitId !== null && (viewer.unitId === lead.fromUnitId || viewer.unitId === lead.toUnitId);
};

export const ipExchange: ExchangeSpec = { handlers: { 'ip.lead_step': receiveLeadStep }, subjects: { ip_lead: readable } };
