import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/open.ts';
import { agreementUnits, searchDocuments, units } from '../db/schema.ts';
import { queryExpression } from '../search/normalise.ts';
import type { Viewer } from '../platform/context.ts';
import { schoolsModule } from '../../shared/modules/schools.ts';
import { activityEvidence, annualDocuments, pairActivities, schoolCoordinators, schools, sharedMaterials, sisterPairEvents, sisterPairs } from './schema.ts';
import type { SchoolActor } from './policy.ts';

export type SchoolRow = typeof schools.$inferSelect;
export type PairRow = typeof sisterPairs.$inferSelect;

/** Statuses of a pair that still stand: no second one of the same two schools while one does. */
export const standingStatuses = ['proposed', 'consented', 'active', 'dormant'] as const;

/** Statuses of a pair whose activities take evidence files: one that is or was active (an ended pair still writes its last report). */
export const evidenceStatuses = ['active', 'dormant', 'ended'] as const;

/** Who the viewer is in the scheme: a school's coordinator, a side's education authority, or neither. */
export async function schoolActorOf(db: DbOrTx, viewer: Viewer): Promise<SchoolActor> {
  const [coordinator] = await db
    .select({ schoolId: schoolCoordinators.schoolId, side: schools.partyCode })
    .from(schoolCoordinators)
    .innerJoin(schools, eq(schools.id, schoolCoordinators.schoolId))
    .where(eq(schoolCoordinators.userId, viewer.userId));
  if (coordinator) return { viewer, schoolId: coordinator.schoolId, side: coordinator.side, authority: false };
  if (!viewer.unitId) return { viewer, schoolId: null, side: null, authority: false };
  const [designated] = await db
    .select({ unitId: agreementUnits.unitId })
    .from(agreementUnits)
    .where(and(eq(agreementUnits.agreementCode, schoolsModule.agreement), eq(agreementUnits.unitId, viewer.unitId)));
  return { viewer, schoolId: null, side: designated ? viewer.partyCode : null, authority: !!designated };
}

/** The two education authorities' units, by side: they alone find the scheme's records in search. */
export async function authorityUnits(db: DbOrTx): Promise<{ id: string; partyCode: string }[]> {
  return db
    .select({ id: units.id, partyCode: units.partyCode })
    .from(agreementUnits)
    .innerJoin(units, eq(units.id, agreementUnits.unitId))
    .where(eq(agreementUnits.agreementCode, schoolsModule.agreement));
}

export async function schoolById(db: DbOrTx, id: string): Promise<SchoolRow | undefined> {
  const [row] = await db.select().from(schools).where(eq(schools.id, id));
  return row;
}

export async function schoolsByIds(db: DbOrTx, ids: string[]): Promise<Map<string, SchoolRow>> {
  if (!ids.length) return new Map();
  const rows = await db.select().from(schools).where(inArray(schools.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}

export async function schoolsByCodes(db: DbOrTx, codes: string[]): Promise<Map<string, SchoolRow>> {
  if (!codes.length) return new Map();
  const rows = await db.select().from(schools).where(inArray(schools.code, codes));
  return new Map(rows.map((r) => [r.code, r]));
}

/** Schools that have a pair or proposal (not declined or withdrawn) with the given school. */
export async function linkedSchoolIds(db: DbOrTx, schoolId: string): Promise<Set<string>> {
  const rows = await db
    .select({ hk: sisterPairs.hkSchoolId, gd: sisterPairs.gdSchoolId })
    .from(sisterPairs)
    .where(and(or(eq(sisterPairs.hkSchoolId, schoolId), eq(sisterPairs.gdSchoolId, schoolId)), sql`${sisterPairs.status} not in ('declined', 'withdrawn')`));
  return new Set(rows.flatMap((r) => [r.hk, r.gd]).filter((id) => id !== schoolId));
}

/** Of the given schools, those in any pair or proposal (not declined or withdrawn): the other side's authority may see their contacts. */
export async function pairedSchoolIds(db: DbOrTx, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db
    .select({ hk: sisterPairs.hkSchoolId, gd: sisterPairs.gdSchoolId })
    .from(sisterPairs)
    .where(and(or(inArray(sisterPairs.hkSchoolId, ids), inArray(sisterPairs.gdSchoolId, ids)), sql`${sisterPairs.status} not in ('declined', 'withdrawn')`));
  return new Set(rows.flatMap((r) => [r.hk, r.gd]));
}

export type SchoolFilter = { side?: string; level?: string; sector?: string; district?: string; q?: string; limit: number; offset: number };

/** A page of the registry, by side, name and code, with the count (up to 10 000) in the same statement. */
/**
 * A page of the registry, by side, level, sector, district, and name in either script or code
 * (through the search index's bigrams, so 廣州 finds 广州), with the count (up to 10 000). The
 * page's ids are chosen along the narrow listing index first, then their rows read: sorting
 * whole rows of a side spilled to disk.
 */
export async function listSchoolRows(db: DbOrTx, filter: SchoolFilter): Promise<{ rows: SchoolRow[]; total: number }> {
  const expression = filter.q ? queryExpression(filter.q) : null;
  const named = filter.q
    ? or(
        eq(schools.code, filter.q),
        expression ? sql`${schools.id}::text in (select ${searchDocuments.refId} from ${searchDocuments} where ${searchDocuments.kind} = 'school' and ${searchDocuments.tokens} @@ to_tsquery('simple', ${expression}))` : undefined,
      )
    : undefined;
  const where = and(
    filter.side ? eq(schools.partyCode, filter.side) : undefined,
    filter.level ? eq(schools.level, filter.level) : undefined,
    filter.sector ? eq(schools.sector, filter.sector) : undefined,
    filter.district ? eq(schools.district, filter.district) : undefined,
    named,
  );
  const [page, [{ total }]] = await Promise.all([
    db.select({ id: schools.id }).from(schools).where(where).orderBy(asc(schools.partyCode), asc(schools.nameEn), asc(schools.id)).limit(filter.limit).offset(filter.offset),
    // Counted up to 10 000, as the other lists count: more is "more than 10 000".
    db.select({ total: sql<number>`count(*)`.mapWith(Number) }).from(db.select({ one: sql`1` }).from(schools).where(where).limit(10_000).as('capped')),
  ]);
  const byId = await schoolsByIds(db, page.map((p) => p.id));
  return { rows: page.map((p) => byId.get(p.id)!), total };
}


export async function pairById(db: DbOrTx, id: string, options: { forUpdate?: boolean } = {}): Promise<PairRow | undefined> {
  const query = db.select().from(sisterPairs).where(eq(sisterPairs.id, id));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

/** Pairs a viewer may see: a coordinator's school's, or every pair with a school of the authority's side. */
export async function pairRowsFor(db: DbOrTx, actor: SchoolActor, options: { status?: string; limit: number; offset?: number }): Promise<PairRow[]> {
  const scope = actor.schoolId
    ? or(eq(sisterPairs.hkSchoolId, actor.schoolId), eq(sisterPairs.gdSchoolId, actor.schoolId))
    : sql`exists (select 1 from ${schools} s where s.id in (${sisterPairs.hkSchoolId}, ${sisterPairs.gdSchoolId}) and s.party_code = ${actor.side})`;
  return db
    .select()
    .from(sisterPairs)
    .where(and(scope, options.status ? eq(sisterPairs.status, options.status) : undefined))
    .orderBy(desc(sisterPairs.updatedAt), desc(sisterPairs.id))
    .limit(options.limit)
    .offset(options.offset ?? 0);
}

export async function pairHistory(db: DbOrTx, pairId: string) {
  return db.select().from(sisterPairEvents).where(eq(sisterPairEvents.pairId, pairId)).orderBy(asc(sisterPairEvents.id));
}

export async function pairActivityRows(db: DbOrTx, pairId: string) {
  return db.select().from(pairActivities).where(eq(pairActivities.pairId, pairId)).orderBy(desc(pairActivities.heldOn));
}

export async function pairMaterialRows(db: DbOrTx, pairId: string) {
  return db.select().from(sharedMaterials).where(eq(sharedMaterials.pairId, pairId)).orderBy(desc(sharedMaterials.createdAt));
}

export async function pairDocumentRows(db: DbOrTx, pairId: string) {
  return db.select().from(annualDocuments).where(eq(annualDocuments.pairId, pairId)).orderBy(desc(annualDocuments.schoolYear), asc(annualDocuments.kind));
}

export async function activityOfPair(db: DbOrTx, pairId: string, activityId: string) {
  const [row] = await db.select().from(pairActivities).where(and(eq(pairActivities.id, activityId), eq(pairActivities.pairId, pairId)));
  return row;
}

/** An evidence file as listed: what it is, without its content. */
const evidenceColumns = {
  id: activityEvidence.id,
  activityId: activityEvidence.activityId,
  fileName: activityEvidence.fileName,
  mediaType: activityEvidence.mediaType,
  size: activityEvidence.size,
  sha256: activityEvidence.sha256,
  schoolId: activityEvidence.schoolId,
  uploadedBy: activityEvidence.uploadedBy,
  uploadedAt: activityEvidence.uploadedAt,
};
export type EvidenceRow = { [K in keyof typeof evidenceColumns]: (typeof activityEvidence.$inferSelect)[K] };

/** The evidence files of the given activities, oldest first. */
export async function evidenceRowsOf(db: DbOrTx, activityIds: string[]): Promise<EvidenceRow[]> {
  if (!activityIds.length) return [];
  return db.select(evidenceColumns).from(activityEvidence).where(inArray(activityEvidence.activityId, activityIds)).orderBy(asc(activityEvidence.uploadedAt), asc(activityEvidence.id));
}

/** One evidence file of an activity with its content. */
export async function evidenceFileOf(db: DbOrTx, activityId: string, evidenceId: string, options: { forUpdate?: boolean } = {}) {
  const query = db.select().from(activityEvidence).where(and(eq(activityEvidence.id, evidenceId), eq(activityEvidence.activityId, activityId)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

export async function insertEvidence(db: DbOrTx, values: typeof activityEvidence.$inferInsert): Promise<EvidenceRow> {
  const [row] = await db.insert(activityEvidence).values(values).returning(evidenceColumns);
  return row;
}

export async function deleteEvidence(db: DbOrTx, evidenceId: string) {
  await db.delete(activityEvidence).where(eq(activityEvidence.id, evidenceId));
}

/** A pair's plan or report of a school year, locked as submitting it locks it (the status read stays true until commit). */
export async function annualDocumentForUpdate(db: DbOrTx, pairId: string, schoolYear: string, kind: 'plan' | 'report') {
  const [row] = await db.select().from(annualDocuments).where(and(eq(annualDocuments.pairId, pairId), eq(annualDocuments.schoolYear, schoolYear), eq(annualDocuments.kind, kind))).for('update');
  return row;
}

/**
 * The other side's schools a school could pair with (not already in a standing pair with it),
 * best first by the score of matching.ts, computed in SQL so that only the best few leave the
 * database: level +3, a wanted sector +1, a wanted district +2, each shared theme +1, the
 * candidate looking for a school like this one +1, no sister school yet +1.
 */
export async function candidateRows(db: DbOrTx, school: SchoolRow, limit: number): Promise<SchoolRow[]> {
  const other = school.partyCode === 'HK' ? 'GD' : 'HK';
  const mine = school.partyCode === 'HK' ? sisterPairs.hkSchoolId : sisterPairs.gdSchoolId;
  const theirs = school.partyCode === 'HK' ? sisterPairs.gdSchoolId : sisterPairs.hkSchoolId;
  const wants = school.preferences;
  const levels = wants.levels.length ? wants.levels : [school.level];
  const textArray = (values: string[]) => sql`array[${sql.join([...values.map((v) => sql`${v}`), sql`''`], sql`, `)}]::text[]`;
  const score = sql`(
    case when ${schools.level} = any(${textArray(levels)}) then 3 else 0 end
    + case when ${schools.sector} = any(${textArray(wants.sectors)}) then 1 else 0 end
    + case when exists (select 1 from unnest(${textArray(wants.districts)}) d where d <> '' and position(d in ${schools.district}) > 0) then 2 else 0 end
    + (select count(*) from unnest(${textArray(wants.themes.map((t) => t.toLowerCase()))}) w where w <> '' and w in (select lower(x) from unnest(${schools.features} || array(select jsonb_array_elements_text(${schools.preferences} -> 'themes'))) x))
    + case when ${schools.preferences} -> 'levels' ? ${school.level} or exists (select 1 from jsonb_array_elements_text(${schools.preferences} -> 'districts') d where position(d in ${school.district}) > 0) then 1 else 0 end
    + case when not exists (select 1 from ${sisterPairs} p where p.hk_school_id = ${schools.id} and p.status in ('active', 'dormant'))
            and not exists (select 1 from ${sisterPairs} p where p.gd_school_id = ${schools.id} and p.status in ('active', 'dormant')) then 1 else 0 end
  )`;
  const ranked = (levelFits: boolean) =>
    db
      .select()
      .from(schools)
      .where(
        and(
          eq(schools.partyCode, other),
          eq(schools.isSample, school.isSample),
          levelFits ? inArray(schools.level, levels) : undefined,
          sql`not exists (select 1 from ${sisterPairs} where ${mine} = ${school.id} and ${theirs} = ${schools.id} and ${sisterPairs.status} in ('proposed', 'consented', 'active', 'dormant'))`,
        ),
      )
      .orderBy(desc(score), asc(schools.nameEn))
      .limit(limit);
  // The level is worth most: rank the schools of a wanted level first, and the rest only if they are too few.
  const fitting = await ranked(true);
  return fitting.length >= limit ? fitting : ranked(false);
}

/** How many standing pairs each school has: a school with several sisters forms a network. */
export async function sisterCounts(db: DbOrTx, ids: string[]): Promise<Map<string, number>> {
  if (!ids.length) return new Map();
  const rows = await db.execute<{ id: string; n: number }>(sql`
    select id, count(*)::int as n from (
      select ${sisterPairs.hkSchoolId} as id from ${sisterPairs} where ${sisterPairs.status} in ('active', 'dormant') and ${inArray(sisterPairs.hkSchoolId, ids)}
      union all
      select ${sisterPairs.gdSchoolId} as id from ${sisterPairs} where ${sisterPairs.status} in ('active', 'dormant') and ${inArray(sisterPairs.gdSchoolId, ids)}
    ) p group by id`);
  return new Map(rowsOf<{ id: string; n: number }>(rows).map((r) => [r.id, Number(r.n)]));
}

/** db.execute answers with rows on PGlite and with a result holding them on node-postgres. */
export const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? result : (result as { rows: T[] }).rows);
