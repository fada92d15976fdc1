import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/open.ts';
import type { Context, Viewer } from '../platform/context.ts';
import { notFound } from '../platform/errors.ts';
import { tellUnit } from '../mail/outbox.ts';
import { hostsParty, nodeById, unitById } from '../exchange/queries.ts';
import type { ExchangeHandler, ExchangeSpec } from '../exchange/runtime.ts';
import { sendMessage } from '../exchange/send.ts';
import { schoolPolicy } from './policy.ts';
import { authorityUnits, schoolActorOf, schoolsByIds, type PairRow, type SchoolRow } from './queries.ts';
import { schools, sisterPairEvents, sisterPairs } from './schema.ts';
import { tellCoordinators } from './tell-schools.ts';
import { indexPair, indexSchool } from './search-index.ts';

/** The steps of pairing that cross from one side to the other (clause 1: 雙向交流). */
export type CrossSideStep = 'proposed' | 'consented' | 'declined' | 'withdrawn' | 'endorsed';

const whoIsTold = (step: CrossSideStep): ('approver' | 'officer')[] => (step === 'consented' || step === 'endorsed' ? ['approver', 'officer'] : ['officer']);

/** What the other side's node needs to hold the pair too: the pair as it now is and both schools as registered. */
function schoolSnapshot(s: SchoolRow) {
  const { code, partyCode, nameZh, nameEn, level, sector, district, address, features, preferences, isSample } = s;
  return { code, partyCode, nameZh, nameEn, level, sector, district, address, features, preferences, isSample };
}
function pairSnapshot(p: PairRow) {
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return { id: p.id, status: p.status, origin: p.origin, proposedBy: p.proposedBy, proposedByParty: p.proposedByParty, message: p.message, hkConsentBy: p.hkConsentBy, hkConsentAt: iso(p.hkConsentAt), gdConsentBy: p.gdConsentBy, gdConsentAt: iso(p.gdConsentAt), hkEndorsedBy: p.hkEndorsedBy, hkEndorsedAt: iso(p.hkEndorsedAt), gdEndorsedBy: p.gdEndorsedBy, gdEndorsedAt: iso(p.gdEndorsedAt), startedOn: p.startedOn, endedOn: p.endedOn, statusReason: p.statusReason, createdAt: p.createdAt.toISOString() };
}

/**
 * THE seam between the two sides. Every proposal, consent, decline, withdrawal and endorsement
 * passes through here: it is recorded in the pair's history and sent, through the exchange
 * between nodes, to the other side's education authority. On one node for both sides the
 * message comes back to this node and finds the step already there; on a node per government
 * the other side's node makes its copy of the pair and tells its authority and school.
 */
export async function deliverToOtherSide(
  tx: DbOrTx,
  ctx: Context,
  options: { pair: PairRow; step: CrossSideStep; fromSide: 'HK' | 'GD'; actor: { id: string; label: string }; comment?: string | null; title: string },
) {
  const { pair, step, fromSide, actor } = options;
  const toSide = fromSide === 'HK' ? 'GD' : 'HK';
  const at = ctx.clock.now();
  await tx.insert(sisterPairEvents).values({ pairId: pair.id, kind: step, side: fromSide, actorId: actor.id, actor: actor.label, comment: options.comment ?? null, at });
  const authorities = await authorityUnits(tx);
  const [from, to] = [authorities.find((u) => u.partyCode === fromSide), authorities.find((u) => u.partyCode === toSide)];
  if (!from || !to) throw notFound('education authority');
  const both = await schoolsByIds(tx, [pair.hkSchoolId, pair.gdSchoolId]);
  await sendMessage(tx, ctx, {
    kind: 'schools.pair_step',
    from: await unitById(tx, from.id),
    to: await unitById(tx, to.id),
    subject: { type: 'sister_pair', id: pair.id },
    payload: { step, side: fromSide, actor: actor.label, comment: options.comment ?? null, at: at.toISOString(), title: options.title, pair: pairSnapshot(pair), hk: schoolSnapshot(both.get(pair.hkSchoolId)!), gd: schoolSnapshot(both.get(pair.gdSchoolId)!) },
  });
  // On this node: the other side's authority and school, if they are here too (one node for both sides).
  await tellOtherSide(tx, ctx, { pair, step, toSide, title: options.title, exceptUserId: actor.id });
}

async function tellOtherSide(tx: DbOrTx, ctx: Context, options: { pair: PairRow; step: CrossSideStep; toSide: 'HK' | 'GD'; title: string; exceptUserId?: string }) {
  const { pair, step, toSide } = options;
  const link = `/schools/pairs/${pair.id}`;
  const what = `sister_pair_${step}`;
  for (const unit of (await authorityUnits(tx)).filter((u) => u.partyCode === toSide)) {
    await tellUnit(tx, ctx, { unitId: unit.id, roles: whoIsTold(step), what, title: options.title, link, exceptUserIds: options.exceptUserId ? [options.exceptUserId] : [] });
  }
  await tellCoordinators(tx, ctx, { schoolIds: [toSide === 'HK' ? pair.hkSchoolId : pair.gdSchoolId], what, title: options.title, link, exceptUserId: options.exceptUserId });
}

/**
 * A school registered or changed by its side's authority is shared with the other side's (the
 * matching and proposals need it): its registry entry without its contacts, which stay with its
 * side until it pairs.
 */
export async function shareSchool(tx: DbOrTx, ctx: Context, school: SchoolRow) {
  const authorities = await authorityUnits(tx);
  const from = authorities.find((u) => u.partyCode === school.partyCode);
  const to = authorities.find((u) => u.partyCode !== school.partyCode);
  if (!from || !to) return;
  await sendMessage(tx, ctx, { kind: 'schools.school', from: await unitById(tx, from.id), to: await unitById(tx, to.id), subject: { type: 'school', id: school.id }, payload: { school: schoolSnapshot(school) } });
}

/** The other side's school, registered or changed there: this node's copy follows. A school of a side this node hosts is never changed from outside. */
const receiveSchool: ExchangeHandler = async (tx, ctx, message) => {
  const s = (message.payload as { school: Snapshot['hk'] }).school;
  if (hostsParty(ctx, s.partyCode)) return;
  const copy = await schoolCopy(tx, ctx, s);
  const [updated] = await tx.update(schools).set({ ...s, updatedAt: ctx.clock.now() }).where(eq(schools.id, copy.id)).returning();
  await indexSchool(tx, ctx, updated);
};

/** A step that stays on one side (the pair going dormant, an activity): recorded in the history only. */
export async function recordPairStep(tx: DbOrTx, ctx: Context, options: { pairId: string; kind: string; side: string | null; actor: { id: string; label: string }; comment?: string | null }) {
  await tx.insert(sisterPairEvents).values({ pairId: options.pairId, kind: options.kind, side: options.side, actorId: options.actor.id, actor: options.actor.label, comment: options.comment ?? null, at: ctx.clock.now() });
}

type Snapshot = { step: CrossSideStep; side: 'HK' | 'GD'; actor: string; comment: string | null; at: string; title: string; pair: ReturnType<typeof pairSnapshot>; hk: ReturnType<typeof schoolSnapshot>; gd: ReturnType<typeof schoolSnapshot> };

/** The other side's school as this node knows it: added from the message when this node does not hold it (it is that side's registry's). */
async function schoolCopy(tx: DbOrTx, ctx: Context, s: Snapshot['hk']): Promise<SchoolRow> {
  const [existing] = await tx.select().from(schools).where(eq(schools.code, s.code));
  if (existing) return existing;
  const now = ctx.clock.now();
  const [row] = await tx.insert(schools).values({ ...s, createdAt: now, updatedAt: now }).returning();
  return row;
}

/**
 * A pairing step taken on the other side's node: this node's copy of the pair follows (made on
 * the proposal), the step enters its history once, and this side's authority and school are told.
 */
const receivePairStep: ExchangeHandler = async (tx, ctx, message) => {
  const m = message.payload as Snapshot;
  const at = new Date(m.at);
  const [seen] = await tx
    .select({ id: sisterPairEvents.id })
    .from(sisterPairEvents)
    .where(and(eq(sisterPairEvents.pairId, m.pair.id), eq(sisterPairEvents.kind, m.step), eq(sisterPairEvents.side, m.side), eq(sisterPairEvents.at, at)));
  if (seen) return;
  const [hk, gd] = [await schoolCopy(tx, ctx, m.hk), await schoolCopy(tx, ctx, m.gd)];
  const date = (v: string | null) => (v ? new Date(v) : null);
  const state = {
    status: m.pair.status,
    origin: m.pair.origin,
    proposedBy: m.pair.proposedBy,
    proposedByParty: m.pair.proposedByParty,
    message: m.pair.message,
    hkConsentBy: m.pair.hkConsentBy,
    hkConsentAt: date(m.pair.hkConsentAt),
    gdConsentBy: m.pair.gdConsentBy,
    gdConsentAt: date(m.pair.gdConsentAt),
    hkEndorsedBy: m.pair.hkEndorsedBy,
    hkEndorsedAt: date(m.pair.hkEndorsedAt),
    gdEndorsedBy: m.pair.gdEndorsedBy,
    gdEndorsedAt: date(m.pair.gdEndorsedAt),
    startedOn: m.pair.startedOn,
    endedOn: m.pair.endedOn,
    statusReason: m.pair.statusReason,
    updatedAt: ctx.clock.now(),
  };
  const [pair] = await tx
    .insert(sisterPairs)
    .values({ id: m.pair.id, hkSchoolId: hk.id, gdSchoolId: gd.id, createdAt: new Date(m.pair.createdAt), ...state })
    .onConflictDoUpdate({ target: sisterPairs.id, set: state })
    .returning();
  const node = (await nodeById(tx, message.from.node))?.name ?? 'another node';
  await tx.insert(sisterPairEvents).values({ pairId: pair.id, kind: m.step, side: m.side, actorId: null, actor: `${m.actor} (${node})`, comment: m.comment, at });
  await indexPair(tx, ctx, pair, hk, gd);
  await tellOtherSide(tx, ctx, { pair, step: m.step, toSide: m.side === 'HK' ? 'GD' : 'HK', title: m.title });
};

/** Who may read a pair's exchange record: who may read the pair. */
const readable = async (db: DbOrTx, viewer: Viewer, id: string) => {
  try {
    const actor = await schoolActorOf(db, viewer);
    if (!schoolPolicy.takesPart(actor)) return false;
    const [pair] = await db.select().from(sisterPairs).where(eq(sisterPairs.id, id));
    if (!pair) return false;
    const both = await schoolsByIds(db, [pair.hkSchoolId, pair.gdSchoolId]);
    return schoolPolicy.readPair(actor, pair, both.get(pair.hkSchoolId)!, both.get(pair.gdSchoolId)!);
  } catch {
    return false;
  }
};

export const schoolsExchange: ExchangeSpec = { handlers: { 'schools.pair_step': receivePairStep, 'schools.school': receiveSchool }, subjects: { sister_pair: readable } };
