import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/open.ts';
import { referenceCounters } from './schema.ts';

/** Short codes used in reference numbers, e.g. HK-FS-2026-0042. */
export const agreementAbbreviation: Record<string, string> = { 'food-safety': 'FS', 'sister-schools': 'SS', 'ip-protection': 'IP', 'sar-plans': 'SAR', 'cross-border-ecommerce': 'EC' };

/**
 * The next reference number of a party's series in a year (HK-FS-2026-0042), taken in the
 * statement that writes it: `with counter as (insert … on conflict … returning last)` and the
 * `reference` expression reading it, so that numbering costs no round trip of its own. The
 * counter's row stays locked until commit: every other send of the party and series waits on it.
 */
export function referenceCounter(tx: DbOrTx, options: { partyCode: string; series: string; year: number }) {
  const prefix = `${options.partyCode}-${options.series}`;
  const counter = tx.$with('counter').as(
    tx
      .insert(referenceCounters)
      .values({ prefix, year: options.year, last: 1 })
      .onConflictDoUpdate({ target: [referenceCounters.prefix, referenceCounters.year], set: { last: sql`${referenceCounters.last} + 1` } })
      .returning({ last: referenceCounters.last }),
  );
  const reference = sql<string>`(select ${`${prefix}-${options.year}-`} || lpad(last::text, greatest(4, length(last::text)), '0') from ${counter})`;
  return { counter, reference };
}

/** The next reference number, on its own (for a record inserted after it is known). */
export async function nextReference(tx: DbOrTx, options: { partyCode: string; series: string; year: number }) {
  const { counter, reference } = referenceCounter(tx, options);
  const [row] = await tx.with(counter).select({ reference }).from(counter);
  return row.reference;
}
