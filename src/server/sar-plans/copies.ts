import { eq } from 'drizzle-orm';
import type { Context, Viewer } from '../platform/context.ts';
import { AppError, forbidden, notFound } from '../platform/errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { sarPolicy } from './policy.ts';
import { copyLabel, copyState } from './present.ts';
import { findAgencies, findCopy, findPlan } from './queries.ts';
import { actorOf, requireSarActor } from './register.ts';
import { sarPlanCopies } from './schema.ts';
import { sendCopyStep } from './exchange.ts';

/**
 * A holder acknowledges a controlled copy: its receipt while it is current, or its withdrawal
 * once a later revision (or the plan's withdrawal) superseded it. An agency acknowledges its own
 * copy; the owner records the company's and the ship's, with who received it there. Each step
 * once, and only from the state that calls for it.
 */
async function acknowledge(ctx: Context, options: { viewer: Viewer; planId: string; copyId: string; receivedBy?: string | null; step: 'receipt' | 'withdrawal' }) {
  const { viewer, step } = options;
  const actor = await requireSarActor(ctx, viewer);
  return ctx.db.transaction(async (tx) => {
    const plan = await findPlan(tx, options.planId);
    const copy = plan ? await findCopy(tx, plan.id, options.copyId, { lock: true }) : undefined;
    if (!plan || !copy) throw notFound('sar_plan_copy');
    if (!sarPolicy.acknowledgeCopy(actor, plan, copy)) throw forbidden('the copy’s holder acknowledges it');
    const state = copyState(copy);
    if (state !== (step === 'receipt' ? 'awaiting_receipt' : 'awaiting_withdrawal')) throw new AppError('conflict', { params: { what: 'sar_copy_status' } });
    const now = ctx.clock.now();
    const by = copy.holderUnitId ? viewer.displayName : `${options.receivedBy?.trim() || copy.holderName} (${viewer.displayName})`;
    const [updated] = await tx
      .update(sarPlanCopies)
      .set(step === 'receipt' ? { acknowledgedAt: now, acknowledgedBy: by } : { withdrawnAt: now, withdrawnBy: by })
      .where(eq(sarPlanCopies.id, copy.id))
      .returning();
    await recordAudit(tx, ctx.clock, {
      actor: actorOf(viewer),
      action: step === 'receipt' ? 'sar_copy.acknowledged' : 'sar_copy.withdrawal_acknowledged',
      entityType: 'sar_plan_copy',
      entityId: copy.id,
      unitId: viewer.unitId,
      data: { planId: plan.id, copy: copyLabel(plan.reference, copy), holder: copy.holder },
    });
    await sendCopyStep(tx, ctx, { plan, copy: updated, step, agencies: await findAgencies(tx) });
  });
}

export const acknowledgeCopy = (ctx: Context, options: { viewer: Viewer; planId: string; copyId: string; receivedBy?: string | null }) => acknowledge(ctx, { ...options, step: 'receipt' });
export const acknowledgeCopyWithdrawn = (ctx: Context, options: { viewer: Viewer; planId: string; copyId: string; receivedBy?: string | null }) => acknowledge(ctx, { ...options, step: 'withdrawal' });
