import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { AuditAction } from '../../shared/audit-actions.ts';
import type { Tx } from '../db/open.ts';
import { regionDay } from '../platform/clock.ts';
import type { Context, Viewer } from '../platform/context.ts';
import { AppError, forbidden, notFound } from '../platform/errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { tellUnit } from '../mail/outbox.ts';
import { schoolPolicy, type SchoolActor } from './policy.ts';
import { authorityUnits, evidenceStatuses, pairById, schoolById, schoolsByIds, standingStatuses, type PairRow, type SchoolRow } from './queries.ts';
import { presentPair, type PairAbilities } from './present.ts';
import { actorOf, invalid, requireSchoolActor } from './registry.ts';
import { deliverToOtherSide, recordPairStep, type CrossSideStep } from './exchange.ts';
import { indexPair } from './search-index.ts';
import { sisterPairs } from './schema.ts';
import type { proposeBody } from './schemas.ts';

type Side = 'HK' | 'GD';
const pairTitle = (hk: SchoolRow, gd: SchoolRow) => `${hk.nameZh} – ${gd.nameZh}`;

export function abilitiesOf(actor: SchoolActor, pair: PairRow, hk: SchoolRow, gd: SchoolRow): PairAbilities {
  const side = schoolPolicy.consent(actor, pair);
  const consented = side === 'HK' ? pair.hkConsentAt : side === 'GD' ? pair.gdConsentAt : null;
  const endorsed = actor.side === 'HK' ? pair.hkEndorsedAt : pair.gdEndorsedAt;
  return {
    consent: pair.status === 'proposed' && side !== null && !consented,
    endorse: pair.status === 'consented' && actor.side !== null && !endorsed && schoolPolicy.endorse(actor, pair, actor.side),
    withdraw: ['proposed', 'consented'].includes(pair.status) && schoolPolicy.withdraw(actor, pair),
    changeStatus: ['active', 'dormant'].includes(pair.status) && schoolPolicy.changeStatus(actor, pair, hk, gd),
    contribute: ['active', 'dormant'].includes(pair.status) && schoolPolicy.contribute(actor, pair),
    addEvidence: (evidenceStatuses as readonly string[]).includes(pair.status) && schoolPolicy.addEvidence(actor, pair),
    review: schoolPolicy.review(actor, hk, gd),
  };
}

/**
 * A school proposes a sister school of the other side, or an authority suggests a match; the
 * proposing school's consent is given by proposing. No second pair of the same two schools
 * while one stands, and sample schools pair only with sample schools.
 */
export async function proposePair(ctx: Context, options: { viewer: Viewer; input: z.infer<typeof proposeBody> }) {
  const { viewer, input } = options;
  const actor = await requireSchoolActor(ctx, viewer);
  const [hk, gd] = await Promise.all([schoolById(ctx.db, input.hkSchoolId), schoolById(ctx.db, input.gdSchoolId)]);
  if (!hk || hk.partyCode !== 'HK') throw invalid('hkSchoolId');
  if (!gd || gd.partyCode !== 'GD') throw invalid('gdSchoolId');
  if (hk.isSample !== gd.isSample) throw invalid('gdSchoolId', 'sample_mix');
  if (!schoolPolicy.propose(actor, hk, gd)) throw forbidden('may propose only for one’s own school, or as the authority of one of the two sides');
  const bySchool = actor.schoolId !== null;
  const side = actor.side as Side;
  try {
    return await ctx.db.transaction(async (tx) => {
      const [standing] = await tx
        .select({ id: sisterPairs.id })
        .from(sisterPairs)
        .where(and(eq(sisterPairs.hkSchoolId, hk.id), eq(sisterPairs.gdSchoolId, gd.id), inArray(sisterPairs.status, [...standingStatuses])));
      if (standing) throw new AppError('conflict', { params: { what: 'sister_pair' } });
      const now = ctx.clock.now();
      const consent = bySchool ? (side === 'HK' ? { hkConsentBy: viewer.userId, hkConsentAt: now } : { gdConsentBy: viewer.userId, gdConsentAt: now }) : {};
      const [pair] = await tx
        .insert(sisterPairs)
        .values({ hkSchoolId: hk.id, gdSchoolId: gd.id, status: 'proposed', origin: bySchool ? 'school' : 'authority', proposedBy: viewer.userId, proposedByParty: side, message: input.message ?? null, ...consent, createdAt: now, updatedAt: now })
        .returning();
      await recordAudit(tx, ctx.clock, { actor: actorOf(viewer), action: 'sister_pair.proposed', entityType: 'sister_pair', entityId: pair.id, unitId: viewer.unitId, data: { hk: hk.code, gd: gd.code, origin: pair.origin } });
      await deliverToOtherSide(tx, ctx, { pair, step: 'proposed', fromSide: side, actor: actorOf(viewer), comment: input.message, title: pairTitle(hk, gd) });
      await indexPair(tx, ctx, pair, hk, gd);
      return pair.id;
    });
  } catch (error) {
    // Two proposals of the same two schools at once: the index lets one through.
    if ((error as { code?: string; cause?: { code?: string } }).code === '23505' || (error as { cause?: { code?: string } }).cause?.code === '23505') throw new AppError('conflict', { params: { what: 'sister_pair' } });
    throw error;
  }
}

type Plan = { check: boolean; from: string[]; set: Partial<PairRow>; action: AuditAction; crossSide?: { step: CrossSideStep; side: Side }; comment?: string | null; after?: (tx: Tx, pair: PairRow) => Promise<void> };

/**
 * One step of a pair, in one transaction: lock the pair, check who and from which status,
 * change it, and record the step (history — across the seam when it crosses sides — audit,
 * search index).
 */
async function transition(ctx: Context, options: { viewer: Viewer; id: string }, plan: (pair: PairRow, actor: SchoolActor, hk: SchoolRow, gd: SchoolRow, now: Date) => Plan) {
  const { viewer, id } = options;
  const actor = await requireSchoolActor(ctx, viewer);
  return ctx.db.transaction(async (tx) => {
    const current = await pairById(tx, id, { forUpdate: true });
    if (!current) throw notFound('sister_pair');
    const schoolMap = await schoolsByIds(tx, [current.hkSchoolId, current.gdSchoolId]);
    const [hk, gd] = [schoolMap.get(current.hkSchoolId)!, schoolMap.get(current.gdSchoolId)!];
    if (!schoolPolicy.readPair(actor, current, hk, gd)) throw notFound('sister_pair');
    const now = ctx.clock.now();
    const step = plan(current, actor, hk, gd, now);
    if (!step.check) throw forbidden(`may not take the step ${step.action} on this pair`);
    if (!step.from.includes(current.status)) throw new AppError('conflict', { params: { what: 'sister_pair_status' } });
    const [pair] = await tx
      .update(sisterPairs)
      .set({ ...step.set, updatedAt: now })
      .where(eq(sisterPairs.id, id))
      .returning();
    await recordAudit(tx, ctx.clock, { actor: actorOf(viewer), action: step.action, entityType: 'sister_pair', entityId: id, unitId: viewer.unitId, data: { from: current.status, to: pair.status, comment: step.comment ?? null } });
    if (step.crossSide) await deliverToOtherSide(tx, ctx, { pair, step: step.crossSide.step, fromSide: step.crossSide.side, actor: actorOf(viewer), comment: step.comment, title: pairTitle(hk, gd) });
    else await recordPairStep(tx, ctx, { pairId: id, kind: step.action.split('.')[1], side: actor.side, actor: actorOf(viewer), comment: step.comment });
    await step.after?.(tx, pair);
    await indexPair(tx, ctx, pair, hk, gd);
    return pair;
  });
}

/** Clause 1 (雙方自願): the other school consents through its coordinator; with both consents the pair awaits each authority's endorsement. */
export const consentToPair = (ctx: Context, options: { viewer: Viewer; id: string; comment?: string | null }) =>
  transition(ctx, options, (pair, actor, hk, gd, now) => {
    const side = schoolPolicy.consent(actor, pair);
    const already = side === 'HK' ? pair.hkConsentAt : pair.gdConsentAt;
    const both = side === 'HK' ? !!pair.gdConsentAt : !!pair.hkConsentAt;
    return {
      check: side !== null && !already,
      from: ['proposed'],
      set: { ...(side === 'HK' ? { hkConsentBy: actor.viewer.userId, hkConsentAt: now } : { gdConsentBy: actor.viewer.userId, gdConsentAt: now }), status: both ? 'consented' : 'proposed' },
      action: 'sister_pair.consented',
      crossSide: { step: 'consented', side: side ?? 'HK' },
      comment: options.comment,
      // Both consents given: each side's approvers are asked to endorse (the other side is told through the seam).
      after: async (tx, updated) => {
        if (updated.status !== 'consented') return;
        for (const unit of (await authorityUnits(tx)).filter((u) => u.partyCode === side)) await tellUnit(tx, ctx, { unitId: unit.id, roles: ['approver'], what: 'sister_pair_consented', title: pairTitle(hk, gd), link: `/schools/pairs/${updated.id}` });
      },
    };
  });

export const declinePair = (ctx: Context, options: { viewer: Viewer; id: string; reason: string }) =>
  transition(ctx, options, (pair, actor) => {
    const side = schoolPolicy.consent(actor, pair);
    const already = side === 'HK' ? pair.hkConsentAt : pair.gdConsentAt;
    return { check: side !== null && !already, from: ['proposed'], set: { status: 'declined', statusReason: options.reason }, action: 'sister_pair.declined', crossSide: { step: 'declined', side: side ?? 'HK' }, comment: options.reason };
  });

export const withdrawPair = (ctx: Context, options: { viewer: Viewer; id: string; reason: string }) =>
  transition(ctx, options, (pair, actor) => ({
    check: schoolPolicy.withdraw(actor, pair),
    from: ['proposed', 'consented'],
    set: { status: 'withdrawn', statusReason: options.reason },
    action: 'sister_pair.withdrawn',
    crossSide: { step: 'withdrawn', side: actor.side as Side },
    comment: options.reason,
  }));

/**
 * Each side's education authority endorses, by an approver who did not prepare the match (four
 * eyes). With both endorsements the pair is active from that day: a lasting entity.
 */
export const endorsePair = (ctx: Context, options: { viewer: Viewer; id: string; comment?: string | null }) =>
  transition(ctx, options, (pair, actor, _hk, _gd, now) => {
    const side = actor.side as Side;
    const already = side === 'HK' ? pair.hkEndorsedAt : pair.gdEndorsedAt;
    const both = side === 'HK' ? !!pair.gdEndorsedAt : !!pair.hkEndorsedAt;
    return {
      check: !!side && !already && schoolPolicy.endorse(actor, pair, side) && !!pair.hkConsentAt && !!pair.gdConsentAt,
      from: ['consented'],
      set: { ...(side === 'HK' ? { hkEndorsedBy: actor.viewer.userId, hkEndorsedAt: now } : { gdEndorsedBy: actor.viewer.userId, gdEndorsedAt: now }), ...(both ? { status: 'active', startedOn: regionDay(now) } : {}) },
      action: 'sister_pair.endorsed',
      crossSide: { step: 'endorsed', side },
      comment: options.comment,
    };
  });

export const makePairDormant = (ctx: Context, options: { viewer: Viewer; id: string; reason: string }) =>
  transition(ctx, options, (_pair, actor, hk, gd) => ({ check: schoolPolicy.changeStatus(actor, _pair, hk, gd), from: ['active'], set: { status: 'dormant', statusReason: options.reason }, action: 'sister_pair.dormant', comment: options.reason }));

export const reactivatePair = (ctx: Context, options: { viewer: Viewer; id: string; comment?: string | null }) =>
  transition(ctx, options, (_pair, actor, hk, gd) => ({ check: schoolPolicy.changeStatus(actor, _pair, hk, gd), from: ['dormant'], set: { status: 'active', statusReason: null }, action: 'sister_pair.reactivated', comment: options.comment }));

/** A pair ends with a reason and keeps its history, activities and reports. */
export const endPair = (ctx: Context, options: { viewer: Viewer; id: string; reason: string }) =>
  transition(ctx, options, (_pair, actor, hk, gd, now) => ({ check: schoolPolicy.changeStatus(actor, _pair, hk, gd), from: ['active', 'dormant'], set: { status: 'ended', statusReason: options.reason, endedOn: regionDay(now) }, action: 'sister_pair.ended', comment: options.reason }));

/** A pair and whether the viewer may see it (or what of it `readable` is about): not found for anyone else. */
export async function readablePair(ctx: Context, actor: SchoolActor, id: string, readable: typeof schoolPolicy.readPair = schoolPolicy.readPair) {
  const pair = await pairById(ctx.db, id);
  if (!pair) throw notFound('sister_pair');
  const schoolMap = await schoolsByIds(ctx.db, [pair.hkSchoolId, pair.gdSchoolId]);
  const [hk, gd] = [schoolMap.get(pair.hkSchoolId)!, schoolMap.get(pair.gdSchoolId)!];
  if (!readable(actor, pair, hk, gd)) throw notFound('sister_pair');
  return { pair, hk, gd };
}

export const presentPairFor = (actor: SchoolActor, pair: PairRow, hk: SchoolRow, gd: SchoolRow) => presentPair(pair, hk, gd, abilitiesOf(actor, pair, hk, gd));
