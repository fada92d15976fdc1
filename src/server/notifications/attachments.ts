import { and, eq } from 'drizzle-orm';
import { attachmentTypes } from '../../shared/attachments.ts';
import { attachments, notifications } from '../db/schema.ts';
import type { Context, Viewer } from '../platform/context.ts';
import { notFound } from '../platform/errors.ts';
import { requireFileOfType, safeFileName, sha256Of } from '../platform/uploaded-files.ts';
import { allow, notificationPolicy, withEditor } from './policy.ts';
import { readableNotification, requireStatus } from './load-notification.ts';
import { recordStep } from './record-step.ts';

export async function addAttachment(ctx: Context, options: { viewer: Viewer; id: string; filename: string; contentType: string; content: Buffer }) {
  const { viewer, id } = options;
  requireFileOfType(options, { types: attachmentTypes });
  return ctx.db.transaction(async (tx) => {
    // Locked, as an edit locks it: a submit cannot slip in, nor an editor be lost from editor_ids.
    const n = await readableNotification(tx, viewer, id, { forUpdate: true });
    allow(notificationPolicy.followUp(viewer, n) || notificationPolicy.edit(viewer, n), 'may not attach files to this notification');
    // What the approver approves must not change under them: no new files while submitted.
    requireStatus(n, ['draft', 'returned', 'sent', 'acknowledged']);
    // A file attached to a draft is part of its content: whoever attached it may not approve it.
    if (!n.sentAt) await tx.update(notifications).set({ editorIds: withEditor(n.editorIds, viewer) }).where(eq(notifications.id, id));
    const sha256 = sha256Of(options.content);
    const [row] = await tx
      .insert(attachments)
      .values({ notificationId: id, filename: safeFileName(options.filename), contentType: options.contentType, size: options.content.length, sha256, content: options.content, uploadedBy: viewer.displayName, uploadedAt: ctx.clock.now() })
      .returning({ id: attachments.id });
    await recordStep(tx, ctx, { notification: n, viewer, kind: 'attached', comment: options.filename, data: { attachmentId: row.id, sha256, size: options.content.length } });
    return row.id;
  });
}

/**
 * Takes a file off a draft (one the approver asked to remove, or attached by mistake): only
 * before it is sent, by those who may edit it, who thereby become one of its writers.
 */
export async function removeAttachment(ctx: Context, options: { viewer: Viewer; id: string; attachmentId: string }) {
  const { viewer, id } = options;
  await ctx.db.transaction(async (tx) => {
    const n = await readableNotification(tx, viewer, id, { forUpdate: true });
    allow(notificationPolicy.edit(viewer, n), 'may not remove files from this notification');
    const [removed] = await tx
      .delete(attachments)
      .where(and(eq(attachments.id, options.attachmentId), eq(attachments.notificationId, id)))
      .returning({ filename: attachments.filename, sha256: attachments.sha256, size: attachments.size });
    if (!removed) throw notFound('attachment');
    await tx.update(notifications).set({ editorIds: withEditor(n.editorIds, viewer) }).where(eq(notifications.id, id));
    await recordStep(tx, ctx, { notification: n, viewer, kind: 'detached', comment: removed.filename, data: { attachmentId: options.attachmentId, sha256: removed.sha256, size: removed.size } });
  });
}

/** An attachment as listed: what it is, without its content. */
export const attachmentColumns = { id: true, filename: true, contentType: true, size: true, sha256: true, uploadedBy: true, uploadedAt: true } as const;

export function presentAttachment(a: Pick<typeof attachments.$inferSelect, keyof typeof attachmentColumns>) {
  return { ...a, uploadedAt: a.uploadedAt.toISOString() };
}

export async function getAttachment(ctx: Context, options: { viewer: Viewer; id: string; attachmentId: string }) {
  await readableNotification(ctx.db, options.viewer, options.id);
  const [row] = await ctx.db.select().from(attachments).where(and(eq(attachments.id, options.attachmentId), eq(attachments.notificationId, options.id)));
  if (!row) throw notFound('attachment');
  return row;
}
