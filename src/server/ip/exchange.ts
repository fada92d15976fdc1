import type { DbOrTx } from '../db/open.ts';
import type { Context } from '../platform/context.ts';
import { tellUnit } from '../mail/outbox.ts';
import type { LeadRow } from './queries.ts';
import { ipLeadEvents } from './schema.ts';

/** The steps of a lead that cross from one side's enforcement unit to the other's (items 2–4). */
export type LeadStep = 'sent' | 'acknowledged' | 'answered';

/**
 * THE seam between the two sides' enforcement units. Every lead sent, acknowledged and answered
 * passes through here and nowhere else: today both sides share this node, so it records the step
 * in the lead's history and tells the other unit's officers; when the federation's exchange
 * module lands, this function sends the step as a signed message to the other side's node
 * instead, and nothing else changes. It carries only the lead's reference to the e-mail: the
 * lead itself is read in Liaison by the two units alone.
 */
export async function deliverToOtherSide(
  tx: DbOrTx,
  ctx: Context,
  options: { lead: LeadRow; step: LeadStep; fromUnitId: string; toUnitId: string; actor: { id: string; label: string }; comment?: string | null },
) {
  const { lead, step, fromUnitId, toUnitId, actor } = options;
  await tx.insert(ipLeadEvents).values({ leadId: lead.id, kind: step, unitId: fromUnitId, actorId: actor.id, actor: actor.label, comment: options.comment ?? null, at: ctx.clock.now() });
  await tellUnit(tx, ctx, { unitId: toUnitId, roles: ['officer', 'approver'], what: `ip_lead_${step}`, title: lead.reference, link: `/ip/leads/${lead.id}`, exceptUserIds: [actor.id] });
}
