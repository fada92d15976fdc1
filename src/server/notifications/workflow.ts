import { eq } from 'drizzle-orm';
import { notifications, type NotificationText } from '../db/schema.ts';
import { regionYear } from '../platform/clock.ts';
import type { Context, Viewer } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';
import { tellUnit } from '../mail/outbox.ts';
import { notificationPolicy } from './policy.ts';
import { agreementAbbreviation, referenceCounter } from '../platform/reference-numbers.ts';
import { allow, withEditor } from './policy.ts';
import { indexNotification } from './index-notification.ts';
import { readableNotification, requireStatus, type NotificationRow } from './load-notification.ts';
import { recordStep } from './record-step.ts';
import { sendStep } from './exchange.ts';
import type { NotificationStep } from '../../shared/audit-actions.ts';

/** Clause 1: a notification states the scope, the control measures and the matters needing attention. */
function requireContents(n: NotificationRow) {
  const text: NotificationText = n.authoritativeScript === 'zh-Hant' ? n.textHant : n.textHans;
  const missing = (['title', 'scope', 'measures', 'attention'] as const).filter((field) => !text[field].trim());
  if (missing.length) throw new AppError('validation.failed', { fields: missing.map((field) => ({ field: `text.${field}`, code: 'required' })) });
}

const titleOf = (n: NotificationRow) => `${n.reference ?? ''} ${n.authoritativeScript === 'zh-Hant' ? n.textHant.title : n.textHans.title}`.trim();
const link = (n: NotificationRow) => `/notifications/${n.id}`;

/**
 * One transition of a notification, in one transaction: lock the row, check who and from
 * which status, change it, and record the step (timeline, audit, search, e-mail).
 */
async function transition(
  ctx: Context,
  options: { viewer: Viewer; id: string },
  step: (n: NotificationRow, now: Date) => { check: boolean; from: string[]; set: Partial<NotificationRow>; kind: NotificationStep; comment?: string | null; tell?: { unitId: string; what: string; roles: ('officer' | 'approver')[]; except?: string[] }[]; before?: (n: NotificationRow) => void; reference?: boolean },
) {
  const { viewer, id } = options;
  return ctx.db.transaction(async (tx) => {
    const current = await readableNotification(tx, viewer, id, { forUpdate: true });
    const now = ctx.clock.now();
    const plan = step(current, now);
    allow(plan.check, `may not ${plan.kind} this notification`);
    requireStatus(current, plan.from);
    plan.before?.(current);
    const set = { ...plan.set, updatedAt: now };
    // A send takes its reference number in the update that writes it. The approver is of the
    // sending unit (checked above), so theirs is the sending party.
    const numbered = plan.reference ? referenceCounter(tx, { partyCode: viewer.partyCode!, series: agreementAbbreviation[current.agreementCode] ?? 'X', year: regionYear(now) }) : null;
    const [row] = await (numbered ? tx.with(numbered.counter).update(notifications).set({ ...set, reference: numbered.reference }) : tx.update(notifications).set(set))
      .where(eq(notifications.id, id))
      .returning();
    await recordStep(tx, ctx, { notification: row, viewer, kind: plan.kind, comment: plan.comment });
    await sendStep(tx, ctx, { notification: row, viewer, kind: plan.kind, comment: plan.comment });
    await indexNotification(tx, ctx, row);
    for (const { except, ...tell } of plan.tell ?? []) await tellUnit(tx, ctx, { ...tell, title: titleOf(row), link: link(row), exceptUserIds: [viewer.userId, ...(except ?? [])] });
    return row;
  });
}

export const submitNotification = (ctx: Context, options: { viewer: Viewer; id: string }) =>
  transition(ctx, options, (n, now) => ({
    check: notificationPolicy.submit(options.viewer, n),
    from: ['draft', 'returned'],
    before: requireContents,
    // Whoever submits vouches for the content as its authors do: an approver who submits a
    // colleague's draft may not then approve it alone.
    set: { status: 'submitted', submittedAt: now, returnComment: null, editorIds: withEditor(n.editorIds, options.viewer) },
    kind: 'submitted',
    // Approvers who wrote or submitted it may not approve it: they are not asked to.
    tell: [{ unitId: n.senderUnitId, what: 'submitted', roles: ['approver'], except: withEditor(n.editorIds, options.viewer) }],
  }));

/** The approver returns a draft to its author with comments. */
export const returnNotification = (ctx: Context, options: { viewer: Viewer; id: string; comment: string }) =>
  transition(ctx, options, (n) => ({
    check: notificationPolicy.approve(options.viewer, n),
    from: ['submitted'],
    set: { status: 'returned', returnComment: options.comment },
    kind: 'returned',
    comment: options.comment,
    tell: [{ unitId: n.senderUnitId, what: 'returned', roles: ['officer'] }],
  }));

/** Four eyes: an approver of the sending unit, not its author, approves; it is sent at once with its reference number. */
export const approveNotification = (ctx: Context, options: { viewer: Viewer; id: string }) =>
  transition(ctx, options, (n, now) => {
    const hours = ctx.config.ackHours[n.classification as keyof typeof ctx.config.ackHours];
    return {
      check: notificationPolicy.approve(options.viewer, n),
      from: ['submitted'],
      before: requireContents,
      set: { status: 'sent', approverId: options.viewer.userId, sentAt: now, ackDueAt: hours ? new Date(now.getTime() + hours * 3_600_000) : null },
      kind: 'sent',
      reference: true,
      tell: [{ unitId: n.recipientUnitId, what: 'sent', roles: ['officer', 'approver'] }],
    };
  });

export const acknowledgeNotification = (ctx: Context, options: { viewer: Viewer; id: string }) =>
  transition(ctx, options, (n, now) => ({
    check: notificationPolicy.acknowledge(options.viewer, n),
    from: ['sent'],
    set: { status: 'acknowledged', acknowledgedAt: now, receivedAt: n.receivedAt ?? now },
    kind: 'acknowledged',
    tell: [{ unitId: n.senderUnitId, what: 'acknowledged', roles: ['officer', 'approver'] }],
  }));

/** Withdrawal with a reason, at any point before closing. */
export const withdrawNotification = (ctx: Context, options: { viewer: Viewer; id: string; reason: string }) =>
  transition(ctx, options, (n, now) => ({
    check: notificationPolicy.withdraw(options.viewer, n),
    from: ['draft', 'submitted', 'returned', 'sent', 'acknowledged'],
    set: { status: 'withdrawn', withdrawnAt: now, withdrawReason: options.reason },
    kind: 'withdrawn',
    comment: options.reason,
    tell: n.sentAt ? [{ unitId: n.recipientUnitId, what: 'withdrawn', roles: ['officer', 'approver'] }] : [],
  }));

export const closeNotification = (ctx: Context, options: { viewer: Viewer; id: string; comment?: string | null }) =>
  transition(ctx, options, (n, now) => ({
    check: notificationPolicy.close(options.viewer, n),
    from: ['sent', 'acknowledged'],
    set: { status: 'closed', closedAt: now },
    kind: 'closed',
    comment: options.comment,
    tell: [{ unitId: n.recipientUnitId, what: 'closed', roles: ['officer', 'approver'] }],
  }));
