import type { DbOrTx } from '../db/open.ts';
import { notificationEvents } from '../db/schema.ts';
import type { Context, Viewer } from '../platform/context.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { NotificationStep } from '../../shared/audit-actions.ts';

import type { NotificationRow } from './load-notification.ts';
/** One step of a notification's life: its timeline entry and its audit entry, in the step's transaction. */
export async function recordStep(
  tx: DbOrTx,
  ctx: Context,
  options: { notification: NotificationRow; viewer: Viewer; kind: NotificationStep; comment?: string | null; data?: Record<string, unknown> },
) {
  const { notification, viewer } = options;
  const now = ctx.clock.now();
  await tx.insert(notificationEvents).values({
    notificationId: notification.id,
    at: now,
    kind: options.kind,
    actorId: viewer.userId,
    actor: viewer.displayName,
    unitId: viewer.unitId,
    comment: options.comment ?? null,
    data: options.data ?? {},
  });
  await recordAudit(tx, ctx.clock, {
    actor: { id: viewer.userId, label: viewer.username },
    action: `notification.${options.kind}`,
    entityType: 'notification',
    entityId: notification.id,
    unitId: viewer.unitId,
    data: { reference: notification.reference, comment: options.comment ?? undefined, ...options.data },
  });
}
