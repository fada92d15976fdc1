import type { DbOrTx } from '../db/open.ts';
import type { Context } from '../platform/context.ts';
import { tellUnit } from '../mail/outbox.ts';
import { authorityUnits, type PairRow } from './queries.ts';
import { sisterPairEvents } from './schema.ts';
import { tellCoordinators } from './tell-schools.ts';

/** The steps of pairing that cross from one side to the other (clause 1: 雙向交流). */
export type CrossSideStep = 'proposed' | 'consented' | 'declined' | 'withdrawn' | 'endorsed';

/**
 * THE seam between the two sides. Every proposal, consent, decline, withdrawal and endorsement
 * passes through here and nowhere else: today both sides share this node, so it records the
 * step in the pair's history and tells the other side (its education authority and the other
 * school's coordinators); when the federation's exchange module lands, this function sends the
 * step as a signed message to the other side's node instead, and nothing else changes.
 */
export async function deliverToOtherSide(
  tx: DbOrTx,
  ctx: Context,
  options: { pair: PairRow; step: CrossSideStep; fromSide: 'HK' | 'GD'; actor: { id: string; label: string }; comment?: string | null; title: string },
) {
  const { pair, step, fromSide, actor } = options;
  const toSide = fromSide === 'HK' ? 'GD' : 'HK';
  await tx.insert(sisterPairEvents).values({ pairId: pair.id, kind: step, side: fromSide, actorId: actor.id, actor: actor.label, comment: options.comment ?? null, at: ctx.clock.now() });
  const link = `/schools/pairs/${pair.id}`;
  const what = `sister_pair_${step}`;
  for (const unit of (await authorityUnits(tx)).filter((u) => u.partyCode === toSide)) {
    await tellUnit(tx, ctx, { unitId: unit.id, roles: step === 'consented' || step === 'endorsed' ? ['approver', 'officer'] : ['officer'], what, title: options.title, link, exceptUserIds: [actor.id] });
  }
  await tellCoordinators(tx, ctx, { schoolIds: [toSide === 'HK' ? pair.hkSchoolId : pair.gdSchoolId], what, title: options.title, link, exceptUserId: actor.id });
}

/** A step that stays on one side (the pair going dormant, an activity): recorded in the history only. */
export async function recordPairStep(tx: DbOrTx, ctx: Context, options: { pairId: string; kind: string; side: string | null; actor: { id: string; label: string }; comment?: string | null }) {
  await tx.insert(sisterPairEvents).values({ pairId: options.pairId, kind: options.kind, side: options.side, actorId: options.actor.id, actor: options.actor.label, comment: options.comment ?? null, at: ctx.clock.now() });
}
