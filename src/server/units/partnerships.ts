import { and, eq, inArray, ne } from 'drizzle-orm';
import type { DbOrTx } from '../db/open.ts';
import { agreementUnits, units } from '../db/schema.ts';

/**
 * The agreement under which two units exchange notifications: one that designates both, for
 * units of different parties (food safety first). Null when they are not partners.
 */
export async function partnershipAgreement(db: DbOrTx, senderUnitId: string, recipientUnitId: string): Promise<string | null> {
  const sender = await db.select({ partyCode: units.partyCode }).from(units).where(eq(units.id, senderUnitId));
  const recipient = await db.select({ partyCode: units.partyCode }).from(units).where(eq(units.id, recipientUnitId));
  if (!sender[0] || !recipient[0] || sender[0].partyCode === recipient[0].partyCode) return null;
  const shared = await db
    .select({ code: agreementUnits.agreementCode })
    .from(agreementUnits)
    .where(and(eq(agreementUnits.unitId, senderUnitId), inArray(agreementUnits.agreementCode, db.select({ code: agreementUnits.agreementCode }).from(agreementUnits).where(and(eq(agreementUnits.unitId, recipientUnitId), ne(agreementUnits.unitId, senderUnitId))))));
  const codes = shared.map((s) => s.code).sort();
  return codes.includes('food-safety') ? 'food-safety' : (codes[0] ?? null);
}
