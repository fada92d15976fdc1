import { and, asc, desc, eq, inArray, isNull, ne, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/types.ts';
import { agreementUnits, agreements, liaisonPosts, parties, unitDutyContacts, units, users } from '../db/schema.ts';

// The directory's SQL: every statement its services run, named after what it reads or writes.

export type UnitRow = typeof units.$inferSelect;
export type UserRow = typeof users.$inferSelect;

export const allParties = (db: DbOrTx) => db.select().from(parties).orderBy(asc(parties.code));

export const unitsOfParty = (db: DbOrTx, partyCode?: string) =>
  db
    .select()
    .from(units)
    .where(partyCode ? eq(units.partyCode, partyCode) : undefined)
    .orderBy(asc(units.partyCode), asc(units.code));

export const activeUnits = (db: DbOrTx) => db.select().from(units).where(eq(units.active, true)).orderBy(asc(units.code));

/** The active officers of these units, by name. */
export const activeOfficersOf = (db: DbOrTx, unitIds: string[]) =>
  db
    .select()
    .from(users)
    .where(and(inArray(users.unitId, unitIds), eq(users.active, true)))
    .orderBy(asc(users.displayName));

export async function findUnitWithParty(db: DbOrTx, id: string) {
  const [row] = await db.select({ unit: units, party: parties }).from(units).innerJoin(parties, eq(parties.code, units.partyCode)).where(eq(units.id, id));
  return row;
}

export async function findUnit(db: DbOrTx, id: string): Promise<UnitRow | undefined> {
  const [row] = await db.select().from(units).where(eq(units.id, id));
  return row;
}

export async function partyExists(db: DbOrTx, code: string) {
  return !!(await db.select().from(parties).where(eq(parties.code, code)))[0];
}

export async function unitExists(db: DbOrTx, id: string) {
  return !!(await db.select({ id: units.id }).from(units).where(eq(units.id, id)))[0];
}

/** The agreements that designate a unit, oldest first. */
export const designationsOf = (db: DbOrTx, unitId: string) =>
  db
    .select({ code: agreements.code, title: agreements.title, role: agreementUnits.role, clauseKey: agreementUnits.clauseKey })
    .from(agreementUnits)
    .innerJoin(agreements, eq(agreements.code, agreementUnits.agreementCode))
    .where(eq(agreementUnits.unitId, unitId))
    .orderBy(asc(agreements.signedOn), asc(agreements.code));

/** The units of the other parties designated by these agreements. */
export const partnersUnder = (db: DbOrTx, options: { unitId: string; partyCode: string; agreementCodes: string[] }) =>
  db
    .select({ unit: units, agreementCode: agreementUnits.agreementCode })
    .from(agreementUnits)
    .innerJoin(units, eq(units.id, agreementUnits.unitId))
    .where(and(inArray(agreementUnits.agreementCode, options.agreementCodes), ne(units.partyCode, options.partyCode), ne(units.id, options.unitId)))
    .orderBy(asc(units.code));

export async function insertUnit(tx: DbOrTx, values: typeof units.$inferInsert) {
  const [unit] = await tx.insert(units).values(values).returning();
  return unit;
}

export async function updateUnitRow(tx: DbOrTx, id: string, set: Partial<UnitRow>) {
  const [unit] = await tx.update(units).set(set).where(eq(units.id, id)).returning();
  return unit;
}

// ── Liaison posts ──

export const postsOfUnit = (db: DbOrTx, options: { unitId: string; history: boolean }) => {
  const where: SQL | undefined = and(eq(liaisonPosts.unitId, options.unitId), options.history ? undefined : isNull(liaisonPosts.endedAt));
  return db
    .select({ post: liaisonPosts, user: { id: users.id, displayName: users.displayName, title: users.title, email: users.email, phone: users.phone } })
    .from(liaisonPosts)
    .innerJoin(users, eq(users.id, liaisonPosts.userId))
    .where(where)
    .orderBy(asc(liaisonPosts.post), desc(liaisonPosts.startedAt));
};

export async function findHolder(db: DbOrTx, userId: string) {
  const [holder] = await db.select({ unitId: users.unitId, active: users.active }).from(users).where(eq(users.id, userId));
  return holder;
}

export async function isDesignated(db: DbOrTx, options: { agreementCode: string; unitId: string }) {
  return !!(await db.select().from(agreementUnits).where(and(eq(agreementUnits.agreementCode, options.agreementCode), eq(agreementUnits.unitId, options.unitId))))[0];
}

/** Ends the current holding of a post (of an agreement, or of none). */
export const endCurrentHolding = (tx: DbOrTx, options: { unitId: string; post: string; agreementCode: string | null; endedAt: Date }) =>
  tx
    .update(liaisonPosts)
    .set({ endedAt: options.endedAt })
    .where(
      and(
        eq(liaisonPosts.unitId, options.unitId),
        eq(liaisonPosts.post, options.post),
        options.agreementCode ? eq(liaisonPosts.agreementCode, options.agreementCode) : isNull(liaisonPosts.agreementCode),
        isNull(liaisonPosts.endedAt),
      ),
    )
    .returning({ id: liaisonPosts.id, userId: liaisonPosts.userId });

export async function insertPost(tx: DbOrTx, values: typeof liaisonPosts.$inferInsert) {
  const [created] = await tx.insert(liaisonPosts).values(values).returning({ id: liaisonPosts.id });
  return created;
}

/** Ends a post still held; none ended when it is not one of the unit's, or already over. */
export const endHolding = (tx: DbOrTx, options: { unitId: string; postId: string; endedAt: Date }) =>
  tx
    .update(liaisonPosts)
    .set({ endedAt: options.endedAt })
    .where(and(eq(liaisonPosts.id, options.postId), eq(liaisonPosts.unitId, options.unitId), isNull(liaisonPosts.endedAt)))
    .returning({ id: liaisonPosts.id });

/** The duty contacts of a unit, one per agreement it is designated under (sample data says so). */
export function dutyContactsOf(db: DbOrTx, unitId: string) {
  return db.select().from(unitDutyContacts).where(eq(unitDutyContacts.unitId, unitId)).orderBy(asc(unitDutyContacts.agreementCode));
}
