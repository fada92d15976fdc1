import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/open.ts';
import { units } from '../db/schema.ts';

/** A unit as named on a record: its id, code, party and name in the three languages. */
export type UnitRef = { id: string; code: string; partyCode: string; name: { 'zh-Hant': string; 'zh-Hans': string; en: string } };

/** The columns of a unit that name it on a record. */
export const unitRefColumns = { id: true, code: true, partyCode: true, name: true } as const;

/** The units named by a set of records, for presenting sender and recipient. */
export async function unitRefs(db: DbOrTx, ids: string[]): Promise<Map<string, UnitRef>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.select({ id: units.id, code: units.code, partyCode: units.partyCode, name: units.name }).from(units).where(inArray(units.id, unique));
  return new Map(rows.map((r) => [r.id, r]));
}
