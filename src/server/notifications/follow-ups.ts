import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { followUps, notifications } from '../db/schema.ts';
import type { Context, Viewer } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';
import { tellUnit } from '../mail/outbox.ts';
import { notificationPolicy } from './policy.ts';
import { inBothScripts } from '../platform/both-scripts.ts';
import { allow } from './policy.ts';
import { readableNotification, requireStatus } from './load-notification.ts';
import { sendFollowUp } from './exchange.ts';
import { indexFollowUp, unitsFinding } from './index-notification.ts';
import { recordStep } from './record-step.ts';
import type { followUpBody } from './schemas.ts';

/**
 * A follow-up from either side: additional information, measures taken, a request for
 * information (answered within the configured hours), or a reclassification.
 */
export async function addFollowUp(ctx: Context, options: { viewer: Viewer; id: string; input: z.infer<typeof followUpBody> }) {
  const { viewer, id, input } = options;
  return ctx.db.transaction(async (tx) => {
    const n = await readableNotification(tx, viewer, id, { forUpdate: true });
    allow(notificationPolicy.followUp(viewer, n), 'may not follow up this notification');
    // A customs unit the notification was routed to adds information; the classification stays the two liaison units'.
    if (input.kind === 'reclassification') allow(notificationPolicy.route(viewer, n), 'may not reclassify this notification');
    requireStatus(n, ['sent', 'acknowledged']);
    const now = ctx.clock.now();
    if (input.answersId) {
      const [asked] = await tx.select().from(followUps).where(and(eq(followUps.id, input.answersId), eq(followUps.notificationId, id)));
      if (!asked || !notificationPolicy.answerRequest(viewer, n, asked)) {
        throw new AppError('validation.failed', { fields: [{ field: 'answersId', code: 'invalid_value' }] });
      }
    }
    const text = inBothScripts(input.script, input.text);
    const [row] = await tx
      .insert(followUps)
      .values({
        notificationId: id,
        fromUnitId: viewer.unitId!,
        kind: input.kind,
        authoritativeScript: input.script,
        textHant: text.hant,
        textHans: text.hans,
        newClassification: input.kind === 'reclassification' ? input.newClassification! : null,
        answerDueAt: input.kind === 'request_for_information' ? new Date(now.getTime() + ctx.config.rfiHours * 3_600_000) : null,
        answersId: input.answersId ?? null,
        createdBy: viewer.displayName,
        createdAt: now,
      })
      .returning();
    if (input.answersId) await tx.update(followUps).set({ answeredAt: now }).where(and(eq(followUps.id, input.answersId), isNull(followUps.answeredAt)));
    if (input.kind === 'reclassification') await tx.update(notifications).set({ classification: input.newClassification!, updatedAt: now }).where(eq(notifications.id, id));
    await recordStep(tx, ctx, { notification: n, viewer, kind: 'follow_up', comment: input.text.slice(0, 200), data: { followUpId: row.id, kind: input.kind, newClassification: row.newClassification } });
    await indexFollowUp(tx, ctx, n, row);
    await sendFollowUp(tx, ctx, { notification: n, followUp: row, viewer });
    for (const other of unitsFinding(n).filter((u) => u !== viewer.unitId)) {
      await tellUnit(tx, ctx, { unitId: other, roles: ['officer', 'approver'], what: 'follow_up', title: `${n.reference} ${n.textHant.title}`, link: `/notifications/${id}`, exceptUserIds: [viewer.userId] });
    }
    return row.id;
  });
}

export function presentFollowUp(f: typeof followUps.$inferSelect, now: Date) {
  return {
    id: f.id,
    fromUnitId: f.fromUnitId,
    kind: f.kind,
    authoritativeScript: f.authoritativeScript,
    text: { 'zh-Hant': f.textHant, 'zh-Hans': f.textHans },
    newClassification: f.newClassification,
    answerDueAt: f.answerDueAt?.toISOString() ?? null,
    answersId: f.answersId,
    answeredAt: f.answeredAt?.toISOString() ?? null,
    overdue: f.kind === 'request_for_information' && !f.answeredAt && !!f.answerDueAt && f.answerDueAt.getTime() < now.getTime(),
    createdBy: f.createdBy,
    createdAt: f.createdAt.toISOString(),
  };
}
