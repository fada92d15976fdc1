import { asc, count, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/types.ts';
import { agreementParties, agreementUnits, agreements, clauses, parties, plenaries, units } from '../db/schema.ts';

// The agreements registry's SQL: every statement its services run, named after what it reads.

/** Every agreement with the plenary it was signed at, oldest first. */
export const agreementsWithPlenary = (db: DbOrTx) =>
  db
    .select({ agreement: agreements, plenary: plenaries })
    .from(agreements)
    .leftJoin(plenaries, eq(plenaries.code, agreements.plenaryCode))
    .orderBy(asc(agreements.signedOn), asc(agreements.code));

export const partiesOf = (db: DbOrTx, agreementCodes: string[]) =>
  db
    .select({ agreementCode: agreementParties.agreementCode, code: parties.code, name: parties.name })
    .from(agreementParties)
    .innerJoin(parties, eq(parties.code, agreementParties.partyCode))
    .where(inArray(agreementParties.agreementCode, agreementCodes))
    .orderBy(asc(parties.code));

export const clauseCounts = (db: DbOrTx, agreementCodes: string[]) =>
  db.select({ agreementCode: clauses.agreementCode, n: count() }).from(clauses).where(inArray(clauses.agreementCode, agreementCodes)).groupBy(clauses.agreementCode);

export const findAgreement = (db: DbOrTx, code: string) => db.select().from(agreements).where(eq(agreements.code, code));

export const clausesOf = (db: DbOrTx, code: string) => db.select().from(clauses).where(eq(clauses.agreementCode, code)).orderBy(asc(clauses.position));

/** The liaison units an agreement designates, by party and code. */
export const designatedUnits = (db: DbOrTx, code: string) =>
  db
    .select({ unit: units, role: agreementUnits.role, clauseKey: agreementUnits.clauseKey })
    .from(agreementUnits)
    .innerJoin(units, eq(units.id, agreementUnits.unitId))
    .where(eq(agreementUnits.agreementCode, code))
    .orderBy(asc(units.partyCode), asc(units.code));
