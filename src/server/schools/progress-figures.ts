import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/open.ts';
import { indicators } from '../db/schema.ts';
import { asOfDay } from '../progress/periods.ts';
import { schools, sisterPairs } from './schema.ts';

/**
 * The sister-school pairs figure (M29) from the registry: the paper's count at its baseline
 * (291 pairs as at 2014/15, ¶14), then, on each day a pair of the registry began or ended after
 * that, the baseline plus the pairs formed since and still standing, less the earlier pairs
 * that ended. Sample schools never count.
 */
export async function sisterSchoolPairFigures(db: DbOrTx, asOf: string) {
  const [indicator] = await db.select().from(indicators).where(eq(indicators.code, 'sister-school-pairs'));
  if (!indicator || indicator.baselineValue === null) return [];
  const baselineDay = asOfDay({ date: indicator.baselineDate, period: indicator.baselinePeriod });
  if (!baselineDay) return [];
  const pairs = await db
    .select({ startedOn: sisterPairs.startedOn, endedOn: sisterPairs.endedOn })
    .from(sisterPairs)
    .where(
      and(
        inArray(sisterPairs.status, ['active', 'dormant', 'ended']),
        isNotNull(sisterPairs.startedOn),
        sql`not exists (select 1 from ${schools} s where s.id in (${sisterPairs.hkSchoolId}, ${sisterPairs.gdSchoolId}) and s.is_sample)`,
      ),
    );
  const days = [...new Set(pairs.flatMap((p) => [p.startedOn!, p.endedOn]).filter((d): d is string => !!d && d > baselineDay && d <= asOf))].sort();
  return days.map((day) => {
    const formedSince = pairs.filter((p) => p.startedOn! > baselineDay && p.startedOn! <= day && !(p.endedOn && p.endedOn <= day)).length;
    const endedOfEarlier = pairs.filter((p) => p.startedOn! <= baselineDay && p.endedOn && p.endedOn > baselineDay && p.endedOn <= day).length;
    return { id: `derived:sister-pairs:${day}`, value: indicator.baselineValue! + formedSince - endedOfEarlier, asOf: day, qualifier: 'exactly' as const, source: { record: '/schools/pairs', baseline: '¶14: 291 pairs as at 2014/15' } };
  });
}
