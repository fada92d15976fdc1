import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/open.ts';
import { notifications } from '../db/schema.ts';
import type { Viewer } from '../platform/context.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { notificationPolicy } from './policy.ts';

export type NotificationRow = typeof notifications.$inferSelect;

export async function loadNotification(db: DbOrTx, id: string, options: { forUpdate?: boolean } = {}) {
  const query = db.select().from(notifications).where(eq(notifications.id, id));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('notification');
  return row;
}

/** Loads a notification the viewer may read; one they may not read is "not found" to them. */
export async function readableNotification(db: DbOrTx, viewer: Viewer, id: string, options: { forUpdate?: boolean } = {}) {
  const row = await loadNotification(db, id, options);
  if (!notificationPolicy.read(viewer, row)) throw notFound('notification');
  return row;
}

/** A transition from a status it is not allowed from: a conflict with the record's state. */
export function requireStatus(row: NotificationRow, statuses: string[]) {
  if (!statuses.includes(row.status)) throw new AppError('conflict', { params: { what: 'notification_status' }, reason: `status is ${row.status}` });
}
