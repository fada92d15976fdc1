import { and, desc, eq, inArray, lt } from 'drizzle-orm';
import type { DbOrTx } from '../db/types.ts';
import { notifications, units, verificationRequests } from '../db/schema.ts';

// The verification module's SQL: every statement its service runs, named after what it reads or writes.

export type VerificationRow = typeof verificationRequests.$inferSelect;

export async function findRequest(db: DbOrTx, id: string): Promise<VerificationRow | undefined> {
  const [row] = await db.select().from(verificationRequests).where(eq(verificationRequests.id, id));
  return row;
}

/** A unit's requests of one kind, as asked of it (incoming) or by it (outgoing), newest first. */
export function requestsOfUnit(db: DbOrTx, options: { unitId: string; kind: VerificationRow['kind']; box: 'incoming' | 'outgoing'; status?: 'open' | 'answered'; overdueAt?: Date }) {
  return db
    .select()
    .from(verificationRequests)
    .where(
      and(
        eq(verificationRequests.kind, options.kind),
        eq(options.box === 'incoming' ? verificationRequests.toUnitId : verificationRequests.fromUnitId, options.unitId),
        options.status ? eq(verificationRequests.status, options.status) : undefined,
        options.overdueAt ? and(eq(verificationRequests.status, 'open'), lt(verificationRequests.deadlineAt, options.overdueAt)) : undefined,
      ),
    )
    .orderBy(desc(verificationRequests.createdAt))
    .limit(500);
}

export async function findNotification(db: DbOrTx, id: string) {
  const [n] = await db.select().from(notifications).where(eq(notifications.id, id));
  return n;
}

/** The numbers and titles of notifications requests are linked to. */
export function linkedNotifications(db: DbOrTx, ids: string[]) {
  return ids.length
    ? db.select({ id: notifications.id, reference: notifications.reference, hant: notifications.textHant, hans: notifications.textHans }).from(notifications).where(inArray(notifications.id, ids))
    : Promise.resolve([]);
}

export async function partyOfUnit(db: DbOrTx, unitId: string) {
  const [unit] = await db.select({ partyCode: units.partyCode }).from(units).where(eq(units.id, unitId));
  return unit.partyCode;
}

export async function insertRequest(tx: DbOrTx, values: typeof verificationRequests.$inferInsert) {
  const [row] = await tx.insert(verificationRequests).values(values).returning();
  return row;
}

export async function updateRequest(tx: DbOrTx, id: string, set: Partial<typeof verificationRequests.$inferInsert>) {
  const [row] = await tx.update(verificationRequests).set(set).where(eq(verificationRequests.id, id)).returning();
  return row;
}
