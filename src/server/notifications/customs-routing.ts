import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { notifications } from '../db/schema.ts';
import type { Context, Viewer } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';
import { allow, notificationPolicy } from './policy.ts';
import { readableNotification, requireStatus } from './load-notification.ts';
import { recordStep } from './record-step.ts';
import type { customsRoutingBody } from './schemas.ts';

/** Clause 1 ¶4: imported/exported food goes through the customs channel; record where and when it was routed. */
export async function routeToCustoms(ctx: Context, options: { viewer: Viewer; id: string; input: z.infer<typeof customsRoutingBody> }) {
  const { viewer, id, input } = options;
  return ctx.db.transaction(async (tx) => {
    const n = await readableNotification(tx, viewer, id, { forUpdate: true });
    allow(notificationPolicy.route(viewer, n), 'may not route this notification');
    if (!n.customsChannel) throw new AppError('conflict', { params: { what: 'not_customs' } });
    requireStatus(n, ['sent', 'acknowledged', 'closed']);
    await tx.update(notifications).set({ customsRoutedTo: input.routedTo, customsRoutedAt: new Date(input.routedAt), updatedAt: ctx.clock.now() }).where(eq(notifications.id, id));
    await recordStep(tx, ctx, { notification: n, viewer, kind: 'routed_to_customs', comment: input.routedTo, data: { routedAt: input.routedAt } });
  });
}
