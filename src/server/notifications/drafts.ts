import { eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { notifications } from '../db/schema.ts';
import type { Context, Viewer } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';
import { notificationPolicy } from './policy.ts';
import { notificationTextInBothScripts } from './present.ts';
import { partnershipAgreement } from '../units/partnerships.ts';
import { allow, withEditor } from './policy.ts';
import { indexNotification } from './index-notification.ts';
import { readableNotification } from './load-notification.ts';
import { recordStep } from './record-step.ts';
import type { createNotificationBody, updateNotificationBody } from './schemas.ts';

const invalid = (field: string, code = 'invalid_value') => new AppError('validation.failed', { fields: [{ field, code }] });

async function checkRelated(ctx: Context, viewer: Viewer, ids: string[]) {
  if (!ids.length) return;
  const rows = await ctx.db.select().from(notifications).where(inArray(notifications.id, ids));
  if (rows.length !== new Set(ids).size || rows.some((r) => !notificationPolicy.read(viewer, r))) throw invalid('relatedIds');
}

/** Starts a notification as a draft of the viewer's unit, addressed to a partner unit. */
export async function draftNotification(ctx: Context, options: { viewer: Viewer; input: z.infer<typeof createNotificationBody> }) {
  const { viewer, input } = options;
  allow(notificationPolicy.draft(viewer), 'may not draft notifications');
  const agreementCode = await partnershipAgreement(ctx.db, viewer.unitId!, input.recipientUnitId);
  if (!agreementCode) throw invalid('recipientUnitId');
  await checkRelated(ctx, viewer, input.relatedIds);
  const text = notificationTextInBothScripts(input.script, input.text);
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const [row] = await tx
      .insert(notifications)
      .values({
        agreementCode,
        senderUnitId: viewer.unitId!,
        recipientUnitId: input.recipientUnitId,
        status: 'draft',
        category: input.category,
        classification: input.classification,
        riskDecision: input.riskDecision,
        basis: input.basis,
        authoritativeScript: input.script,
        textHant: text.hant,
        textHans: text.hans,
        summaryEn: input.summaryEn ?? null,
        products: input.products,
        hazards: input.hazards,
        distribution: input.distribution,
        relatedIds: input.relatedIds,
        customsChannel: input.customsChannel,
        authorId: viewer.userId,
        editorIds: [viewer.userId],
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await recordStep(tx, ctx, { notification: row, viewer, kind: 'drafted', data: { recipientUnitId: input.recipientUnitId, classification: input.classification } });
    await indexNotification(tx, ctx, row);
    return row.id;
  });
}

/** Changes a draft (or a draft returned by the approver). */
export async function editNotification(ctx: Context, options: { viewer: Viewer; id: string; change: z.infer<typeof updateNotificationBody> }) {
  const { viewer, id, change } = options;
  if (change.relatedIds) await checkRelated(ctx, viewer, change.relatedIds);
  await ctx.db.transaction(async (tx) => {
    // Locked, so that a submit or approval running at the same time cannot be edited under.
    const existing = await readableNotification(tx, viewer, id, { forUpdate: true });
    allow(notificationPolicy.edit(viewer, existing), 'may not edit this notification');
    const { script, text, ...rest } = change;
    const set: Partial<typeof notifications.$inferInsert> = { ...rest, editorIds: withEditor(existing.editorIds, viewer), updatedAt: ctx.clock.now() };
    if (text || script) {
      const writtenIn = script ?? (existing.authoritativeScript as 'zh-Hant' | 'zh-Hans');
      const current = existing.authoritativeScript === 'zh-Hant' ? existing.textHant : existing.textHans;
      const both = notificationTextInBothScripts(writtenIn, { ...current, ...text });
      Object.assign(set, { authoritativeScript: writtenIn, textHant: both.hant, textHans: both.hans });
    }
    const [row] = await tx.update(notifications).set(set).where(eq(notifications.id, id)).returning();
    await recordStep(tx, ctx, { notification: row, viewer, kind: 'edited', data: { fields: Object.keys(change) } });
    await indexNotification(tx, ctx, row);
  });
}
