import type { DbOrTx } from '../db/open.ts';
import type { Context, Viewer } from '../platform/context.ts';
import { indexDocument } from '../search/index-document.ts';
import { regionDay } from '../platform/clock.ts';
import { authorityUnits, schoolActorOf, type PairRow, type SchoolRow } from './queries.ts';
import { schoolName } from './present.ts';
import type { pairActivities, sharedMaterials } from './schema.ts';

/** The search audience of a school's coordinators, who belong to no liaison unit. */
export const schoolAudience = (schoolId: string) => `school:${schoolId}`;

/**
 * The audiences of search a viewer belongs to in the scheme (ServerModule.searchAudiences): a
 * coordinator, their school's. A user of a unit is reached through the unit.
 */
export async function searchAudiencesOf(ctx: Context, viewer: Viewer): Promise<string[]> {
  if (viewer.unitId) return [];
  const actor = await schoolActorOf(ctx.db, viewer);
  return actor.schoolId ? [schoolAudience(actor.schoolId)] : [];
}

/**
 * The scheme's records in the one search box: found by the two education authorities, and a
 * pair's records (the pair, its activities and shared materials) by the coordinators of its two
 * schools too, as they read them (schoolPolicy.readPair). Names are indexed in both scripts, so
 * a query in either finds them.
 */
async function visibleTo(tx: DbOrTx, pair?: Pick<PairRow, 'hkSchoolId' | 'gdSchoolId'>) {
  return {
    visibility: 'units' as const,
    unitIds: (await authorityUnits(tx)).map((u) => u.id),
    audiences: pair ? [schoolAudience(pair.hkSchoolId), schoolAudience(pair.gdSchoolId)] : [],
    partyCodes: ['HK', 'GD'],
  };
}

export async function indexSchool(tx: DbOrTx, ctx: Context, row: SchoolRow) {
  const name = schoolName(row);
  await indexDocument(
    tx,
    {
      kind: 'school',
      refId: row.id,
      title: { 'zh-Hant': name['zh-Hant'], 'zh-Hans': name['zh-Hans'], en: row.nameEn },
      body: [row.code, row.nameZh, row.nameEn, row.district, ...row.features, ...row.preferences.themes, row.isSample ? 'sample 示例' : ''].join('\n'),
      url: `/schools/registry/${row.id}`,
      ...(await visibleTo(tx)),
      date: regionDay(row.updatedAt),
    },
    ctx.clock.now(),
  );
}

export async function indexPair(tx: DbOrTx, ctx: Context, pair: PairRow, hk: SchoolRow, gd: SchoolRow) {
  const [a, b] = [schoolName(hk), schoolName(gd)];
  await indexDocument(
    tx,
    {
      kind: 'sister_pair',
      refId: pair.id,
      title: { 'zh-Hant': `${a['zh-Hant']} – ${b['zh-Hant']}`, 'zh-Hans': `${a['zh-Hans']} – ${b['zh-Hans']}`, en: `${hk.nameEn} – ${gd.nameEn}` },
      body: [hk.nameZh, gd.nameZh, hk.nameEn, gd.nameEn, pair.status, pair.message ?? ''].join('\n'),
      url: `/schools/pairs/${pair.id}`,
      ...(await visibleTo(tx, pair)),
      date: pair.startedOn ?? regionDay(pair.createdAt),
    },
    ctx.clock.now(),
  );
}

export async function indexActivity(tx: DbOrTx, ctx: Context, row: typeof pairActivities.$inferSelect, title: string, pair: PairRow) {
  await indexDocument(
    tx,
    { kind: 'pair_activity', refId: row.id, title: { 'zh-Hant': title, 'zh-Hans': title, en: title }, body: [row.description, row.place ?? ''].join('\n'), url: `/schools/pairs/${row.pairId}`, ...(await visibleTo(tx, pair)), date: row.heldOn },
    ctx.clock.now(),
  );
}

export async function indexMaterial(tx: DbOrTx, ctx: Context, row: typeof sharedMaterials.$inferSelect, pair: PairRow) {
  await indexDocument(
    tx,
    { kind: 'shared_material', refId: row.id, title: { 'zh-Hant': row.title, 'zh-Hans': row.title, en: row.title }, body: [row.description, row.licence].join('\n'), url: `/schools/pairs/${row.pairId}`, ...(await visibleTo(tx, pair)), date: regionDay(row.createdAt) },
    ctx.clock.now(),
  );
}
