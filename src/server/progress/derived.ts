import { and, eq, lte } from 'drizzle-orm';
import type { DbOrTx } from '../db/open.ts';
import { agreements } from '../db/schema.ts';
import { sisterSchoolPairFigures } from '../schools/progress-figures.ts';

/**
 * Figures Liaison measures from its own records instead of having them typed in. An
 * indicator names one of these in its `derivation`; its measurements are computed when read.
 * Later capabilities add theirs here (e.g. active sister-school pairs).
 */
export type DerivedMeasurement = { id: string; value: number; asOf: string; qualifier: 'exactly'; source: { record: string } };

type Derivation = (db: DbOrTx, asOf: string) => Promise<DerivedMeasurement[]>;

const derivations: Record<string, Derivation> = {
  /** Co-operation agreements in the registry signed at the 18th Plenary, counted by signing date. */
  'agreements.signed_at:jc-18': async (db, asOf) => {
    const rows = await db
      .select({ signedOn: agreements.signedOn, code: agreements.code })
      .from(agreements)
      .where(and(eq(agreements.plenaryCode, 'jc-18'), lte(agreements.signedOn, asOf)))
      .orderBy(agreements.signedOn);
    const byDay = new Map<string, number>();
    rows.forEach((r, i) => byDay.set(r.signedOn, i + 1));
    return [...byDay].map(([day, count]) => ({ id: `derived:agreements:${day}`, value: count, asOf: day, qualifier: 'exactly', source: { record: '/agreements' } }));
  },
};

export const isDerivation = (key: string) => key in derivations;

/**
 * Figures a registry adds beside an indicator's typed ones, by indicator code: the paper's
 * figure stays, and the registry's follow it (the sister-school pairs, from the school registry).
 */
const supplements: Record<string, Derivation> = { 'sister-school-pairs': sisterSchoolPairFigures };

export async function supplementaryMeasurements(db: DbOrTx, indicatorCode: string, asOf: string): Promise<DerivedMeasurement[]> {
  return (await supplements[indicatorCode]?.(db, asOf)) ?? [];
}

export async function derivedMeasurements(db: DbOrTx, key: string, asOf: string): Promise<DerivedMeasurement[]> {
  const derive = derivations[key];
  if (!derive) throw new Error(`unknown derivation ${key}`);
  return derive(db, asOf);
}
