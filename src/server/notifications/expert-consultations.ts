import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { expertConsultations } from '../db/schema.ts';
import type { Context, Viewer } from '../platform/context.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { allow, notificationPolicy } from './policy.ts';
import { readableNotification, requireStatus } from './load-notification.ts';
import { recordStep } from './record-step.ts';
import type { expertConsultationBody } from './schemas.ts';

/** Clause 7: a technical question referred to experts; their advice is attached to the case. */
export async function requestExpertAdvice(ctx: Context, options: { viewer: Viewer; id: string; input: z.infer<typeof expertConsultationBody> }) {
  const { viewer, id, input } = options;
  return ctx.db.transaction(async (tx) => {
    const n = await readableNotification(tx, viewer, id);
    allow(notificationPolicy.followUp(viewer, n), 'may not consult experts on this notification');
    requireStatus(n, ['draft', 'returned', 'sent', 'acknowledged']);
    const [row] = await tx
      .insert(expertConsultations)
      .values({ notificationId: id, unitId: viewer.unitId!, shared: !!n.sentAt, question: input.question, experts: input.experts.map((e) => ({ name: e.name, affiliation: e.affiliation ?? null })), requestedBy: viewer.displayName, requestedAt: ctx.clock.now() })
      .returning({ id: expertConsultations.id });
    await recordStep(tx, ctx, { notification: n, viewer, kind: 'expert_consultation', comment: input.question.slice(0, 200), data: { consultationId: row.id } });
    return row.id;
  });
}

/** Advice is taken while the case is open: not once it is withdrawn or closed. */
const adviceStatuses = ['draft', 'returned', 'submitted', 'sent', 'acknowledged'];

export async function recordExpertAdvice(ctx: Context, options: { viewer: Viewer; id: string; consultationId: string; advice: string }) {
  const { viewer, id, consultationId } = options;
  await ctx.db.transaction(async (tx) => {
    const n = await readableNotification(tx, viewer, id);
    const [consultation] = await tx
      .select()
      .from(expertConsultations)
      .where(and(eq(expertConsultations.id, consultationId), eq(expertConsultations.notificationId, id)))
      .for('update');
    if (!consultation || !notificationPolicy.seeConsultation(viewer, consultation)) throw notFound('consultation');
    allow(notificationPolicy.advise(viewer, consultation), 'only the unit that referred the question records the advice');
    requireStatus(n, adviceStatuses);
    if (consultation.advice !== null) throw new AppError('conflict', { params: { what: 'advice_recorded' } });
    await tx.update(expertConsultations).set({ advice: options.advice, adviceAt: ctx.clock.now() }).where(eq(expertConsultations.id, consultationId));
    await recordStep(tx, ctx, { notification: n, viewer, kind: 'expert_advice', comment: options.advice.slice(0, 200), data: { consultationId } });
  });
}

export function presentExpertConsultation(c: typeof expertConsultations.$inferSelect, n: { status: string }, viewer: Viewer) {
  return {
    id: c.id,
    question: c.question,
    experts: c.experts,
    advice: c.advice,
    adviceAt: c.adviceAt?.toISOString() ?? null,
    requestedBy: c.requestedBy,
    requestedAt: c.requestedAt.toISOString(),
    shared: c.shared,
    canAdvise: c.advice === null && adviceStatuses.includes(n.status) && notificationPolicy.advise(viewer, c),
  };
}
