import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../db/open.ts';
import { followUps, notificationEvents, notifications } from '../db/schema.ts';
import type { Context, Viewer } from '../platform/context.ts';
import { notFound } from '../platform/errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { tellUnit } from '../mail/outbox.ts';
import { nodeById, unitById, unitByCode } from '../exchange/queries.ts';
import type { ExchangeHandler, ExchangeSpec } from '../exchange/runtime.ts';
import { sendMessage } from '../exchange/send.ts';
import type { Envelope } from '../exchange/signed.ts';
import type { NotificationStep } from '../../shared/audit-actions.ts';
import { indexFollowUp, indexNotification } from './index-notification.ts';
import { readableNotification, type NotificationRow } from './load-notification.ts';

/** The steps of a notification that the other party's node must know of, and which side takes each. */
const crossing: Partial<Record<NotificationStep, 'sender' | 'recipient'>> = { sent: 'sender', acknowledged: 'recipient', withdrawn: 'sender', closed: 'sender' };

/** What the receiving node needs to hold its own copy of a sent notification: its content, never its writers' user ids. */
function snapshot(n: NotificationRow, names: { author: string | null; approver: string }) {
  const { id, reference, agreementCode, status, category, classification, riskDecision, basis, authoritativeScript, textHant, textHans, summaryEn, products, hazards, distribution, customsChannel } = n;
  return { id, reference, agreementCode, status, category, classification, riskDecision, basis, authoritativeScript, textHant, textHans, summaryEn, products, hazards, distribution, customsChannel, createdAt: n.createdAt.toISOString(), submittedAt: n.submittedAt?.toISOString() ?? null, sentAt: n.sentAt?.toISOString() ?? null, ackDueAt: n.ackDueAt?.toISOString() ?? null, author: names.author, approver: names.approver };
}

/**
 * A step of a notification that crosses to the other party goes out as a message, in the step's
 * transaction: to the recipient's node when the sender sends, withdraws or closes; back to the
 * sender's node when the recipient acknowledges. On one node for all, the message is delivered
 * to this node itself and finds the step already there.
 */
export async function sendStep(tx: DbOrTx, ctx: Context, options: { notification: NotificationRow; viewer: Viewer; kind: NotificationStep; comment?: string | null }) {
  const side = crossing[options.kind];
  if (!side) return;
  const n = options.notification;
  if (options.kind === 'withdrawn' && !n.sentAt) return;
  const [from, to] = side === 'sender' ? [n.senderUnitId, n.recipientUnitId] : [n.recipientUnitId, n.senderUnitId];
  const payload: Record<string, unknown> = { at: ctx.clock.now().toISOString(), actor: options.viewer.displayName, comment: options.comment ?? null };
  if (options.kind === 'sent') payload.notification = snapshot(n, { author: null, approver: options.viewer.displayName });
  await sendMessage(tx, ctx, { kind: `notification.${options.kind}`, from: await unitById(tx, from), to: await unitById(tx, to), subject: { type: 'notification', id: n.id }, payload });
}

async function senderNodeName(tx: DbOrTx, message: Envelope) {
  return (await nodeById(tx, message.from.node))?.name ?? 'another node';
}

/** The step as this node records it: in the timeline (by the other node's officer) and in the audit trail (by that node). */
async function recordArrival(tx: DbOrTx, ctx: Context, row: NotificationRow, message: Envelope, kind: NotificationStep) {
  const node = await senderNodeName(tx, message);
  const actingUnit = message.from.unit ? await unitByCode(tx, message.from.unit) : null;
  const payload = message.payload as { actor?: string; comment?: string | null };
  await tx.insert(notificationEvents).values({ notificationId: row.id, at: new Date(message.at), kind, actorId: null, actor: `${payload.actor ?? '?'} (${node})`, unitId: actingUnit?.id ?? null, comment: payload.comment ?? null, data: { messageId: message.id } });
  await recordAudit(tx, ctx.clock, { actor: { id: null, label: `node:${node}` }, action: `notification.${kind}`, entityType: 'notification', entityId: row.id, unitId: actingUnit?.id ?? null, data: { reference: row.reference, messageId: message.id, fromNode: message.from.node } });
  await indexNotification(tx, ctx, row);
}

const titleOf = (n: NotificationRow) => `${n.reference ?? ''} ${n.authoritativeScript === 'zh-Hant' ? n.textHant.title : n.textHans.title}`.trim();

/** A notification sent to a unit hosted here: this node's copy is made (once; on the sending node it is already there). */
const receiveSent: ExchangeHandler = async (tx, ctx, message) => {
  const copy = (message.payload as { notification: ReturnType<typeof snapshot> }).notification;
  const [existing] = await tx.select({ id: notifications.id }).from(notifications).where(eq(notifications.id, copy.id));
  if (existing) return;
  const sender = await unitByCode(tx, message.from.unit ?? '');
  const recipient = await unitByCode(tx, message.to.unit ?? '');
  if (!sender || !recipient) throw notFound('unit');
  const now = ctx.clock.now();
  const [row] = await tx
    .insert(notifications)
    .values({
      id: copy.id,
      reference: copy.reference,
      agreementCode: copy.agreementCode,
      senderUnitId: sender.id,
      recipientUnitId: recipient.id,
      status: 'sent',
      category: copy.category,
      classification: copy.classification,
      riskDecision: copy.riskDecision,
      basis: copy.basis,
      authoritativeScript: copy.authoritativeScript,
      textHant: copy.textHant,
      textHans: copy.textHans,
      summaryEn: copy.summaryEn,
      products: copy.products,
      hazards: copy.hazards,
      distribution: copy.distribution,
      customsChannel: copy.customsChannel,
      authorId: null,
      createdAt: new Date(copy.createdAt),
      updatedAt: now,
      submittedAt: copy.submittedAt ? new Date(copy.submittedAt) : null,
      sentAt: copy.sentAt ? new Date(copy.sentAt) : new Date(message.at),
      ackDueAt: copy.ackDueAt ? new Date(copy.ackDueAt) : null,
    })
    .returning();
  await recordArrival(tx, ctx, row, message, 'sent');
  await tellUnit(tx, ctx, { unitId: recipient.id, roles: ['officer', 'approver'], what: 'sent', title: titleOf(row), link: `/notifications/${row.id}` });
};

/** A later step (acknowledged, withdrawn, closed) made on the other node: this node's copy follows, once. */
const receiveStep =
  (kind: 'acknowledged' | 'withdrawn' | 'closed'): ExchangeHandler =>
  async (tx, ctx, message) => {
    const id = message.subject?.id ?? '';
    const [row] = await tx.select().from(notifications).where(eq(notifications.id, id)).for('update');
    if (!row) throw notFound('notification');
    if (row.status === kind) return;
    const at = new Date(message.at);
    const comment = (message.payload as { comment?: string | null }).comment ?? null;
    const set =
      kind === 'acknowledged'
        ? { status: 'acknowledged', acknowledgedAt: at, receivedAt: row.receivedAt ?? at }
        : kind === 'withdrawn'
          ? { status: 'withdrawn', withdrawnAt: at, withdrawReason: comment }
          : { status: 'closed', closedAt: at };
    const [updated] = await tx.update(notifications).set({ ...set, updatedAt: ctx.clock.now() }).where(eq(notifications.id, id)).returning();
    await recordArrival(tx, ctx, updated, message, kind);
    const tellTo = kind === 'acknowledged' ? updated.senderUnitId : updated.recipientUnitId;
    await tellUnit(tx, ctx, { unitId: tellTo, roles: ['officer', 'approver'], what: kind, title: titleOf(updated), link: `/notifications/${updated.id}` });
  };

type FollowUpRow = typeof followUps.$inferSelect;

/** A follow-up (information, measures, a request for information or its answer, a reclassification) goes to the other liaison unit's node. */
export async function sendFollowUp(tx: DbOrTx, ctx: Context, options: { notification: NotificationRow; followUp: FollowUpRow; viewer: Viewer }) {
  const { notification: n, followUp: f } = options;
  const targets = [n.senderUnitId, n.recipientUnitId].filter((u) => u !== options.viewer.unitId);
  const from = await unitById(tx, options.viewer.unitId!);
  for (const to of targets) {
    await sendMessage(tx, ctx, {
      kind: 'notification.follow_up',
      from,
      to: await unitById(tx, to),
      subject: { type: 'notification', id: n.id },
      payload: {
        at: f.createdAt.toISOString(),
        actor: options.viewer.displayName,
        followUp: { id: f.id, kind: f.kind, authoritativeScript: f.authoritativeScript, textHant: f.textHant, textHans: f.textHans, newClassification: f.newClassification, answerDueAt: f.answerDueAt?.toISOString() ?? null, answersId: f.answersId, createdBy: f.createdBy, createdAt: f.createdAt.toISOString() },
      },
    });
  }
}

/** A follow-up made on the other node: this node's copy of it (once), the answer it gives, the reclassification it makes. */
const receiveFollowUp: ExchangeHandler = async (tx, ctx, message) => {
  const f = (message.payload as { followUp: { id: string; kind: string; authoritativeScript: string; textHant: string; textHans: string; newClassification: string | null; answerDueAt: string | null; answersId: string | null; createdBy: string; createdAt: string } }).followUp;
  const [existing] = await tx.select({ id: followUps.id }).from(followUps).where(eq(followUps.id, f.id));
  if (existing) return;
  const [n] = await tx.select().from(notifications).where(eq(notifications.id, message.subject?.id ?? '')).for('update');
  const fromUnit = await unitByCode(tx, message.from.unit ?? '');
  if (!n || !fromUnit) throw notFound('notification');
  const createdAt = new Date(f.createdAt);
  const [row] = await tx
    .insert(followUps)
    .values({ id: f.id, notificationId: n.id, fromUnitId: fromUnit.id, kind: f.kind, authoritativeScript: f.authoritativeScript, textHant: f.textHant, textHans: f.textHans, newClassification: f.newClassification, answerDueAt: f.answerDueAt ? new Date(f.answerDueAt) : null, answersId: f.answersId, createdBy: `${f.createdBy} (${await senderNodeName(tx, message)})`, createdAt })
    .returning();
  if (f.answersId) await tx.update(followUps).set({ answeredAt: createdAt }).where(and(eq(followUps.id, f.answersId), isNull(followUps.answeredAt)));
  const current = f.kind === 'reclassification' && f.newClassification ? (await tx.update(notifications).set({ classification: f.newClassification, updatedAt: ctx.clock.now() }).where(eq(notifications.id, n.id)).returning())[0] : n;
  await recordArrival(tx, ctx, current, message, 'follow_up');
  await indexFollowUp(tx, ctx, current, row);
  const tellTo = [current.senderUnitId, current.recipientUnitId].filter((u) => u !== fromUnit.id);
  for (const unitId of tellTo) await tellUnit(tx, ctx, { unitId, roles: ['officer', 'approver'], what: 'follow_up', title: titleOf(current), link: `/notifications/${current.id}` });
};

/** Who may read a notification's exchange record: those who may read the notification. */
const readable = async (db: DbOrTx, viewer: Viewer, id: string) => {
  try {
    await readableNotification(db, viewer, id);
    return true;
  } catch {
    return false;
  }
};

export const notificationExchange: ExchangeSpec = {
  handlers: { 'notification.follow_up': receiveFollowUp, 'notification.sent': receiveSent, 'notification.acknowledged': receiveStep('acknowledged'), 'notification.withdrawn': receiveStep('withdrawn'), 'notification.closed': receiveStep('closed') },
  subjects: { notification: readable },
};
