import type { z } from 'zod';
import { disseminations } from '../db/schema.ts';
import type { Context, Viewer } from '../platform/context.ts';
import { allow, notificationPolicy } from './policy.ts';
import { readableNotification, requireStatus } from './load-notification.ts';
import { recordStep } from './record-step.ts';
import type { disseminationBody } from './schemas.ts';

/** Clause 1: the receiving unit reports which departments of its government it informed, when and how. */
export async function recordDissemination(ctx: Context, options: { viewer: Viewer; id: string; input: z.infer<typeof disseminationBody> }) {
  const { viewer, id, input } = options;
  return ctx.db.transaction(async (tx) => {
    const n = await readableNotification(tx, viewer, id);
    allow(notificationPolicy.disseminate(viewer, n), 'only the receiving unit records onward dissemination');
    requireStatus(n, ['sent', 'acknowledged', 'closed']);
    const [row] = await tx
      .insert(disseminations)
      .values({ notificationId: id, unitId: viewer.unitId!, department: input.department, informedAt: new Date(input.informedAt), means: input.means, note: input.note ?? null, recordedBy: viewer.displayName })
      .returning({ id: disseminations.id });
    await recordStep(tx, ctx, { notification: n, viewer, kind: 'disseminated', comment: input.department, data: { means: input.means, informedAt: input.informedAt } });
    return row.id;
  });
}

export function presentDissemination(d: typeof disseminations.$inferSelect) {
  return { id: d.id, department: d.department, informedAt: d.informedAt.toISOString(), means: d.means, note: d.note, recordedBy: d.recordedBy };
}
