import { and, arrayContains, asc, desc, eq, exists, gte, inArray, lt, lte, sql } from 'drizzle-orm';
import { regionDay, regionDayStart } from '../platform/clock.ts';
import { ACTION_DUE_SOON_DAYS } from '../../shared/work.ts';
import type { DbOrTx } from '../db/types.ts';
import { actionItems, agreements, meetings, notifications, units } from '../db/schema.ts';

// The meetings module's SQL: every statement its service runs, named after what it reads or writes.

export type MeetingRow = typeof meetings.$inferSelect;
export type ActionItemRow = typeof actionItems.$inferSelect;

export async function findMeeting(db: DbOrTx, id: string): Promise<MeetingRow | undefined> {
  const [row] = await db.select().from(meetings).where(eq(meetings.id, id));
  return row;
}

/**
 * The meetings a unit takes part in, newest first; only those convened from a notification when
 * one is named, only those still to come (upcoming), or only those holding an open action item
 * of the unit overdue or falling due within ACTION_DUE_SOON_DAYS of today (the home counts these).
 */
export function meetingsOfUnit(db: DbOrTx, options: { unitId: string; notificationId?: string; upcoming?: boolean; actionItems?: 'overdue' | 'due_soon'; now: Date }) {
  return db
    .select()
    .from(meetings)
    .where(
      and(
        arrayContains(meetings.unitIds, [options.unitId]),
        options.notificationId ? and(eq(meetings.triggerKind, 'notification'), eq(meetings.triggerId, options.notificationId)) : undefined,
        options.upcoming ? gte(meetings.scheduledAt, options.now) : undefined,
        options.actionItems ? exists(ownActionItems(db, options.unitId, options.actionItems, regionDay(options.now))) : undefined,
      ),
    )
    .orderBy(desc(meetings.scheduledAt))
    .limit(500);
}

/** The meeting holds an open action item of the unit, overdue or due soon (a subquery on meetings.id). */
const ownActionItems = (db: DbOrTx, unitId: string, when: 'overdue' | 'due_soon', today: string) =>
  db
    .select({ one: sql`1` })
    .from(actionItems)
    .where(
      and(
        eq(actionItems.meetingId, meetings.id),
        eq(actionItems.ownerUnitId, unitId),
        eq(actionItems.status, 'open'),
        when === 'overdue' ? lt(actionItems.dueOn, today) : and(gte(actionItems.dueOn, today), lte(actionItems.dueOn, regionDay(regionDayStart(today, ACTION_DUE_SOON_DAYS)))),
      ),
    );

export function actionItemsOf(db: DbOrTx, meetingIds: string[]) {
  return db.select().from(actionItems).where(inArray(actionItems.meetingId, meetingIds)).orderBy(asc(actionItems.dueOn));
}

export async function findActionItem(db: DbOrTx, options: { meetingId: string; itemId: string }): Promise<ActionItemRow | undefined> {
  const [item] = await db.select().from(actionItems).where(and(eq(actionItems.id, options.itemId), eq(actionItems.meetingId, options.meetingId)));
  return item;
}

export async function findNotification(db: DbOrTx, id: string) {
  const [n] = await db.select().from(notifications).where(eq(notifications.id, id));
  return n;
}

export function notificationsByIds(db: DbOrTx, ids: string[]) {
  return ids.length ? db.select().from(notifications).where(inArray(notifications.id, ids)) : Promise.resolve([]);
}

/** How many of these units exist. */
export async function countUnits(db: DbOrTx, ids: string[]) {
  return (await db.select({ id: units.id }).from(units).where(inArray(units.id, ids))).length;
}

export async function agreementExists(db: DbOrTx, code: string) {
  return !!(await db.select().from(agreements).where(eq(agreements.code, code)))[0];
}

export async function insertMeeting(tx: DbOrTx, values: typeof meetings.$inferInsert) {
  const [row] = await tx.insert(meetings).values(values).returning();
  return row;
}

export async function updateMeetingRow(tx: DbOrTx, id: string, set: Partial<typeof meetings.$inferInsert>) {
  const [row] = await tx.update(meetings).set(set).where(eq(meetings.id, id)).returning();
  return row;
}

export async function insertActionItem(tx: DbOrTx, values: typeof actionItems.$inferInsert) {
  const [item] = await tx.insert(actionItems).values(values).returning({ id: actionItems.id });
  return item;
}

export async function markActionItemDone(tx: DbOrTx, itemId: string, doneAt: Date) {
  await tx.update(actionItems).set({ status: 'done', doneAt }).where(eq(actionItems.id, itemId));
}
