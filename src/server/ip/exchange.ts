import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/open.ts';
import type { Context, Viewer } from '../platform/context.ts';
import { notFound } from '../platform/errors.ts';
import { tellUnit } from '../mail/outbox.ts';
import { nodeById, unitByCode, unitById } from '../exchange/queries.ts';
import type { ExchangeHandler, ExchangeSpec } from '../exchange/runtime.ts';
import { sendMessage } from '../exchange/send.ts';
import type { LeadPartyRow, LeadRow } from './queries.ts';
import { ipLeadEvents, ipLeadParties, ipLeadPasses, ipLeads } from './schema.ts';

/** The steps of a lead that cross from one enforcement unit to another (items 2–4). */
export type LeadStep = 'sent' | 'acknowledged' | 'answered' | 'passed_on';

type LeadToSend = LeadRow & { passedToUnitIds?: string[] };

/** The lead as the other unit's node keeps it: its content and state, its units by code. */
function leadSnapshot(lead: LeadRow) {
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  const { id, reference, channel, goods, brands, quantity, route, summary, riskLevel, riskAssessment, handlingCode, status, outcome, feedback, isSample, sentBy, acknowledgedBy, answeredBy } = lead;
  return { id, reference, channel, goods, brands, quantity, route, summary, riskLevel, riskAssessment, handlingCode, status, outcome, feedback, isSample, sentBy, sentAt: lead.sentAt.toISOString(), acknowledgedBy, acknowledgedAt: iso(lead.acknowledgedAt), answeredBy, answeredAt: iso(lead.answeredAt) };
}

/** The parties' personal data as it crosses: to the addressed unit's node only, never to a unit the lead is passed on to. */
const partySnapshot = ({ id, position, role, name, idNumber, address, company }: LeadPartyRow) => ({ id, position, role, name, idNumber, address, company });

const tell = (tx: DbOrTx, ctx: Context, options: { lead: LeadRow; step: LeadStep; toUnitId: string; exceptUserIds?: string[] }) =>
  tellUnit(tx, ctx, { unitId: options.toUnitId, roles: ['officer', 'approver'], what: `ip_lead_${options.step}`, title: options.lead.reference, link: `/ip/leads/${options.lead.id}`, exceptUserIds: options.exceptUserIds ?? [] });

/**
 * THE seam between the enforcement units. Every lead sent, acknowledged, answered and passed on
 * is recorded in the lead's history and goes, through the exchange between nodes, to each other
 * unit concerned (`toUnitIds`) as the lead now is. The parties' personal data goes only where it
 * is asked to (`parties`: the addressee, on sending). The e-mail carries only the lead's reference.
 */
export async function deliverToOtherSide(
  tx: DbOrTx,
  ctx: Context,
  options: { lead: LeadToSend; step: LeadStep; fromUnitId: string; toUnitIds: string[]; actor: { id: string; label: string }; comment?: string | null; parties?: LeadPartyRow[] },
) {
  const { lead, step, fromUnitId, actor } = options;
  const at = ctx.clock.now();
  await tx.insert(ipLeadEvents).values({ leadId: lead.id, kind: step, unitId: fromUnitId, actorId: actor.id, actor: actor.label, comment: options.comment ?? null, at });
  const from = await unitById(tx, fromUnitId);
  const passedTo = await Promise.all((lead.passedToUnitIds ?? []).map(async (id) => (await unitById(tx, id)).code));
  const snapshot = { ...leadSnapshot(lead), fromUnit: (await unitById(tx, lead.fromUnitId)).code, toUnit: (await unitById(tx, lead.toUnitId)).code, passedTo };
  for (const toUnitId of options.toUnitIds) {
    const parties = options.parties && toUnitId === lead.toUnitId ? options.parties.map(partySnapshot) : undefined;
    await sendMessage(tx, ctx, { kind: 'ip.lead_step', from, to: await unitById(tx, toUnitId), subject: { type: 'ip_lead', id: lead.id }, payload: { step, actor: actor.label, comment: options.comment ?? null, at: at.toISOString(), lead: snapshot, ...(parties ? { parties } : {}) } });
    // On this node, the other unit if it is here (one node for both sides).
    await tell(tx, ctx, { lead, step, toUnitId, exceptUserIds: [actor.id] });
  }
}

type Payload = {
  step: LeadStep;
  actor: string;
  comment: string | null;
  at: string;
  lead: ReturnType<typeof leadSnapshot> & { fromUnit: string; toUnit: string; passedTo?: string[] };
  parties?: ReturnType<typeof partySnapshot>[];
};

/** A lead's step taken on another unit's node: this node's copy follows, its history gets the step once, and the unit here is told. */
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
  const { fromUnit: _from, toUnit: _to, passedTo = [], sentAt, acknowledgedAt, answeredAt, ...fields } = m.lead;
  const state = { ...fields, sentAt: new Date(sentAt), acknowledgedAt: date(acknowledgedAt), answeredAt: date(answeredAt), updatedAt: ctx.clock.now() };
  const [lead] = await tx
    .insert(ipLeads)
    .values({ ...state, fromUnitId: fromUnit.id, toUnitId: toUnit.id })
    .onConflictDoUpdate({ target: ipLeads.id, set: state })
    .returning();
  const node = (await nodeById(tx, message.from.node))?.name ?? 'another node';
  for (const code of passedTo) {
    const unit = await unitByCode(tx, code);
    if (unit) await tx.insert(ipLeadPasses).values({ leadId: lead.id, unitId: unit.id, passedBy: `${m.actor} (${node})`, at }).onConflictDoNothing();
  }
  if (m.parties?.length) {
    const known = new Set((await tx.select({ id: ipLeadParties.id }).from(ipLeadParties).where(inArray(ipLeadParties.id, m.parties.map((p) => p.id)))).map((p) => p.id));
    const fresh = m.parties.filter((p) => !known.has(p.id));
    if (fresh.length) await tx.insert(ipLeadParties).values(fresh.map((p) => ({ ...p, leadId: lead.id })));
  }
  await tx.insert(ipLeadEvents).values({ leadId: lead.id, kind: m.step, unitId: actingUnit.id, actorId: null, actor: `${m.actor} (${node})`, comment: m.comment, at });
  const addressed = message.to.unit ? await unitByCode(tx, message.to.unit) : null;
  await tell(tx, ctx, { lead, step: m.step, toUnitId: addressed?.id ?? (actingUnit.id === lead.fromUnitId ? lead.toUnitId : lead.fromUnitId) });
};

/** A lead's exchange record is read by the units that read the lead. */
const readable = async (db: DbOrTx, viewer: Viewer, id: string) => {
  const [lead] = await db.select({ fromUnitId: ipLeads.fromUnitId, toUnitId: ipLeads.toUnitId }).from(ipLeads).where(eq(ipLeads.id, id));
  if (!lead || viewer.unitId === null) return false;
  if (viewer.unitId === lead.fromUnitId || viewer.unitId === lead.toUnitId) return true;
  const [passed] = await db.select({ unitId: ipLeadPasses.unitId }).from(ipLeadPasses).where(and(eq(ipLeadPasses.leadId, id), eq(ipLeadPasses.unitId, viewer.unitId)));
  return !!passed;
};

export const ipExchange: ExchangeSpec = { handlers: { 'ip.lead_step': receiveLeadStep }, subjects: { ip_lead: readable } };
