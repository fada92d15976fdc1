import { and, asc, desc, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/open.ts';
import { agreementUnits, commitmentStatusChanges, commitments, searchDocuments, units } from '../db/schema.ts';
import { queryExpression } from '../search/normalise.ts';
import type { Viewer } from '../platform/context.ts';
import { ipModule } from '../../shared/modules/ip.ts';
import { ipAuthorities, ipInstrumentRelations, ipInstruments, ipLeadEvents, ipLeadParties, ipLeadPasses, ipLeads, ipRevisions, ipUpdates } from './schema.ts';
import type { IpActor } from './policy.ts';

export type InstrumentRow = typeof ipInstruments.$inferSelect;
export type RevisionRow = typeof ipRevisions.$inferSelect;
export type AuthorityRow = typeof ipAuthorities.$inferSelect;
export type UpdateRow = typeof ipUpdates.$inferSelect;
export type LeadRow = typeof ipLeads.$inferSelect;
/** A lead with the units its addressee passed it on to: what the read rule needs. */
export type LeadSeen = LeadRow & { passedToUnitIds: string[] };
export type LeadPartyRow = typeof ipLeadParties.$inferSelect;

/** Item 2 names the enforcement units (clause 2.2): Hong Kong Customs and Guangdong's customs, police, copyright and industry-and-commerce authorities. */
const ENFORCEMENT_CLAUSE = '2.2';

/** Who the viewer is under the IP agreement. */
export async function ipActorOf(db: DbOrTx, viewer: Viewer | null): Promise<IpActor | null> {
  if (!viewer) return null;
  if (!viewer.unitId) return { viewer, party: null, ipUnit: false, enforcement: false };
  const [designated] = await db
    .select({ clauseKey: agreementUnits.clauseKey })
    .from(agreementUnits)
    .where(and(eq(agreementUnits.agreementCode, ipModule.agreement), eq(agreementUnits.unitId, viewer.unitId)));
  return { viewer, party: viewer.partyCode, ipUnit: !!designated, enforcement: designated?.clauseKey === ENFORCEMENT_CLAUSE };
}

/** The enforcement units of both sides, for addressing leads. */
export async function enforcementUnits(db: DbOrTx) {
  return db
    .select({ id: units.id, code: units.code, partyCode: units.partyCode, name: units.name })
    .from(agreementUnits)
    .innerJoin(units, eq(units.id, agreementUnits.unitId))
    .where(and(eq(agreementUnits.agreementCode, ipModule.agreement), eq(agreementUnits.clauseKey, ENFORCEMENT_CLAUSE)))
    .orderBy(asc(units.partyCode), asc(units.code));
}

/** The IP units of a party: told of revisions awaiting review. */
export async function ipUnitsOfParty(db: DbOrTx, partyCode: string) {
  return db
    .select({ id: units.id })
    .from(agreementUnits)
    .innerJoin(units, eq(units.id, agreementUnits.unitId))
    .where(and(eq(agreementUnits.agreementCode, ipModule.agreement), eq(units.partyCode, partyCode)));
}

export type InstrumentFilter = { q?: string; jurisdiction?: string; subject?: string; type?: string; status?: string; limit: number; offset: number };

/** Published instruments by filter; `q` in either script through the search index's bigrams (專利 finds 专利). */
export async function listInstrumentRows(db: DbOrTx, filter: InstrumentFilter) {
  const expression = filter.q ? queryExpression(filter.q) : null;
  if (filter.q && !expression) return { rows: [], total: 0 };
  const where = and(
    filter.jurisdiction ? eq(ipInstruments.jurisdiction, filter.jurisdiction) : undefined,
    filter.subject ? sql`${filter.subject} = any(${ipInstruments.subjects})` : undefined,
    filter.type ? eq(ipInstruments.type, filter.type) : undefined,
    filter.status ? eq(ipInstruments.status, filter.status) : undefined,
    expression
      ? // The instrument's key, not its text: the matches are looked up along the primary key instead of casting every row (bench/ip.md).
        sql`${ipInstruments.id} in (select ${searchDocuments.refId}::uuid from ${searchDocuments} where ${searchDocuments.kind} = 'ip_instrument' and ${searchDocuments.tokens} @@ to_tsquery('simple', ${expression}))`
      : undefined,
  );
  const [rows, [{ total }]] = await Promise.all([
    db.select().from(ipInstruments).where(where).orderBy(asc(ipInstruments.jurisdiction), asc(ipInstruments.titleEn)).limit(filter.limit).offset(filter.offset),
    db.select({ total: sql<number>`count(*)::int` }).from(ipInstruments).where(where),
  ]);
  return { rows, total: Number(total) };
}

export async function instrumentByCode(db: DbOrTx, code: string): Promise<InstrumentRow | undefined> {
  const [row] = await db.select().from(ipInstruments).where(eq(ipInstruments.code, code));
  return row;
}

export async function instrumentsByCodes(db: DbOrTx, codes: string[]): Promise<Map<string, InstrumentRow>> {
  if (!codes.length) return new Map();
  const rows = await db.select().from(ipInstruments).where(inArray(ipInstruments.code, [...new Set(codes)]));
  return new Map(rows.map((r) => [r.code, r]));
}

/** An instrument's relations both ways: what it amends, repeals, implements, and what does so to it. */
export async function relationsOf(db: DbOrTx, id: string) {
  const rows = await db
    .select({ fromId: ipInstrumentRelations.fromId, toId: ipInstrumentRelations.toId, kind: ipInstrumentRelations.kind })
    .from(ipInstrumentRelations)
    .where(or(eq(ipInstrumentRelations.fromId, id), eq(ipInstrumentRelations.toId, id)));
  const others = rows.map((r) => (r.fromId === id ? r.toId : r.fromId));
  const named = others.length ? await db.select().from(ipInstruments).where(inArray(ipInstruments.id, others)) : [];
  const byId = new Map(named.map((r) => [r.id, r]));
  return rows.map((r) => ({ kind: r.kind, direction: r.fromId === id ? ('outgoing' as const) : ('incoming' as const), other: byId.get(r.fromId === id ? r.toId : r.fromId)! }));
}

/** A jurisdiction's place in the side-by-side view: the national law and Guangdong's are the Mainland's. */
const placeOf = sql<string>`case when ${ipInstruments.jurisdiction} in ('CN', 'GD') then 'mainland' else ${ipInstruments.jurisdiction} end`;

/**
 * In-force instruments of a subject, for the side-by-side view: the first `perPlace` of each place
 * (by jurisdiction, type and English title) and how many each place has. Ranked in one statement
 * over the subject's ids, then only the rows shown are read: a subject of thousands of
 * instruments is not sent whole (bench/ip.md).
 */
export async function instrumentsOnSubject(db: DbOrTx, subject: string, perPlace: number) {
  const ranked = db
    .select({
      id: ipInstruments.id,
      place: placeOf.as('place'),
      rank: sql<number>`row_number() over (partition by ${placeOf} order by ${ipInstruments.jurisdiction}, ${ipInstruments.type}, ${ipInstruments.titleEn}, ${ipInstruments.id})`.as('rank'),
      total: sql<number>`count(*) over (partition by ${placeOf})`.as('total'),
    })
    .from(ipInstruments)
    .where(and(sql`${subject} = any(${ipInstruments.subjects})`, sql`${ipInstruments.status} <> 'repealed'`))
    .as('ranked');
  const picked = await db.select().from(ranked).where(sql`${ranked.rank} <= ${perPlace}`);
  const totals = new Map(picked.map((p) => [p.place, Number(p.total)]));
  const rows = picked.length
    ? await db
        .select()
        .from(ipInstruments)
        .where(inArray(ipInstruments.id, picked.map((p) => p.id)))
        .orderBy(asc(ipInstruments.jurisdiction), asc(ipInstruments.type), asc(ipInstruments.titleEn), asc(ipInstruments.id))
    : [];
  return { rows, totals };
}

export async function latestUpdates(db: DbOrTx, options: { limit: number; offset: number; jurisdiction?: string; instrumentId?: string }) {
  return db
    .select({ update: ipUpdates, instrumentCode: ipInstruments.code })
    .from(ipUpdates)
    .leftJoin(ipInstruments, eq(ipInstruments.id, ipUpdates.instrumentId))
    .where(and(options.jurisdiction ? eq(ipUpdates.jurisdiction, options.jurisdiction) : undefined, options.instrumentId ? eq(ipUpdates.instrumentId, options.instrumentId) : undefined))
    .orderBy(desc(ipUpdates.on), desc(ipUpdates.publishedAt))
    .limit(options.limit)
    .offset(options.offset);
}

export async function authorityRows(db: DbOrTx, filter: { jurisdiction?: string; role?: string }) {
  return db
    .select()
    .from(ipAuthorities)
    .where(and(filter.jurisdiction ? eq(ipAuthorities.jurisdiction, filter.jurisdiction) : undefined, filter.role ? sql`${filter.role} = any(${ipAuthorities.roles})` : undefined))
    .orderBy(asc(ipAuthorities.position), asc(ipAuthorities.code));
}

export async function revisionById(db: DbOrTx, id: string, options: { forUpdate?: boolean } = {}): Promise<RevisionRow | undefined> {
  const query = db.select().from(ipRevisions).where(eq(ipRevisions.id, id));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

/** Revisions of the jurisdictions a side keeps, latest changed first. */
export async function revisionsOfJurisdictions(db: DbOrTx, jurisdictions: string[], status?: string) {
  if (!jurisdictions.length) return [];
  return db
    .select()
    .from(ipRevisions)
    .where(and(inArray(ipRevisions.jurisdiction, jurisdictions), status ? eq(ipRevisions.status, status) : undefined))
    .orderBy(desc(ipRevisions.updatedAt))
    .limit(200);
}

/** A revision not yet published or abandoned for the same instrument code: one at a time. */
export async function openRevisionOfCode(db: DbOrTx, code: string, exceptId?: string) {
  const [row] = await db
    .select({ id: ipRevisions.id })
    .from(ipRevisions)
    .where(and(sql`${ipRevisions.content} ->> 'code' = ${code}`, inArray(ipRevisions.status, ['draft', 'submitted', 'returned']), exceptId ? sql`${ipRevisions.id} <> ${exceptId}` : undefined));
  return row;
}

/** The work programme (M22): the agreement's numbered items (those with a clause) as commitments of the progress capability, in the agreement's order. */
export async function programmeItems(db: DbOrTx) {
  return db
    .select()
    .from(commitments)
    .where(and(eq(commitments.agreementCode, ipModule.agreement), isNotNull(commitments.clauseKey)))
    .orderBy(sql`split_part(${commitments.clauseKey}, '.', 2)::int nulls last`, asc(commitments.code));
}

export async function programmeItemByCode(db: DbOrTx, code: string) {
  const [row] = await db
    .select()
    .from(commitments)
    .where(and(eq(commitments.code, code), eq(commitments.agreementCode, ipModule.agreement)));
  return row;
}

export async function programmeTimelines(db: DbOrTx, ids: string[]) {
  if (!ids.length) return new Map<string, (typeof commitmentStatusChanges.$inferSelect)[]>();
  const rows = await db.select().from(commitmentStatusChanges).where(inArray(commitmentStatusChanges.commitmentId, ids)).orderBy(asc(commitmentStatusChanges.changedAt));
  const map = new Map<string, (typeof commitmentStatusChanges.$inferSelect)[]>();
  for (const r of rows) map.set(r.commitmentId, [...(map.get(r.commitmentId) ?? []), r]);
  return map;
}

async function withPasses(db: DbOrTx, rows: LeadRow[]): Promise<LeadSeen[]> {
  if (!rows.length) return [];
  const passes = await db.select({ leadId: ipLeadPasses.leadId, unitId: ipLeadPasses.unitId }).from(ipLeadPasses).where(inArray(ipLeadPasses.leadId, rows.map((r) => r.id)));
  return rows.map((r) => ({ ...r, passedToUnitIds: passes.filter((p) => p.leadId === r.id).map((p) => p.unitId) }));
}

export async function leadById(db: DbOrTx, id: string, options: { forUpdate?: boolean } = {}): Promise<LeadSeen | undefined> {
  const query = db.select().from(ipLeads).where(eq(ipLeads.id, id));
  const rows = options.forUpdate ? await query.for('update') : await query;
  return (await withPasses(db, rows))[0];
}

export async function leadsByIds(db: DbOrTx, ids: string[]): Promise<LeadSeen[]> {
  if (!ids.length) return [];
  return withPasses(db, await db.select().from(ipLeads).where(inArray(ipLeads.id, ids)).orderBy(desc(ipLeads.sentAt)));
}

/** A unit's leads, sent or received (addressed to it, or passed on to it), newest first. */
export async function leadsOfUnit(db: DbOrTx, unitId: string, box: 'sent' | 'received', status?: string) {
  const received = or(eq(ipLeads.toUnitId, unitId), sql`${ipLeads.id} in (select ${ipLeadPasses.leadId} from ${ipLeadPasses} where ${ipLeadPasses.unitId} = ${unitId})`);
  const rows = await db
    .select()
    .from(ipLeads)
    .where(and(box === 'sent' ? eq(ipLeads.fromUnitId, unitId) : received, status ? eq(ipLeads.status, status) : undefined))
    .orderBy(desc(ipLeads.sentAt))
    .limit(200);
  return withPasses(db, rows);
}

export async function leadEvents(db: DbOrTx, leadId: string) {
  return db.select().from(ipLeadEvents).where(eq(ipLeadEvents.leadId, leadId)).orderBy(asc(ipLeadEvents.at));
}

/** The personal data of a lead's parties, kept apart: read only after policy.viewLeadParties. */
export async function partiesOfLead(db: DbOrTx, leadId: string): Promise<LeadPartyRow[]> {
  return db.select().from(ipLeadParties).where(eq(ipLeadParties.leadId, leadId)).orderBy(asc(ipLeadParties.position));
}
