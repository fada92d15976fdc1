import { and, eq, inArray } from 'drizzle-orm';
import type { Context, Viewer } from '../platform/context.ts';
import { notFound } from '../platform/errors.ts';
import { runtimeOf } from './runtime.ts';
import { exchangeMessages, exchangeNodes, exchangeReceived } from './schema.ts';
import { peek, type Envelope, type Receipt } from './signed.ts';

async function requireReadable(ctx: Context, viewer: Viewer, type: string, id: string) {
  const readable = runtimeOf(ctx).subjects[type];
  if (!readable || !(await readable(ctx.db, viewer, id))) throw notFound(type);
}

/** The exchange record of one subject (a notification…): what this node sent about it and what it received, for those who may read it. */
export async function listDeliveries(ctx: Context, options: { viewer: Viewer; subjectType: string; subjectId: string }) {
  await requireReadable(ctx, options.viewer, options.subjectType, options.subjectId);
  const sent = await ctx.db
    .select({ id: exchangeMessages.id, kind: exchangeMessages.kind, status: exchangeMessages.status, attempts: exchangeMessages.attempts, createdAt: exchangeMessages.createdAt, deliveredAt: exchangeMessages.deliveredAt, lastError: exchangeMessages.lastError, receipt: exchangeMessages.receipt, toNodeId: exchangeMessages.toNodeId, toUnit: exchangeMessages.toUnitCode })
    .from(exchangeMessages)
    .where(and(eq(exchangeMessages.subjectType, options.subjectType), eq(exchangeMessages.subjectId, options.subjectId)))
    .orderBy(exchangeMessages.seq);
  const received = await ctx.db
    .select()
    .from(exchangeReceived)
    .where(and(eq(exchangeReceived.subjectType, options.subjectType), eq(exchangeReceived.subjectId, options.subjectId)))
    .orderBy(exchangeReceived.receivedAt);
  const nodeIds = [...new Set([...sent.map((s) => s.toNodeId), ...received.map((r) => r.fromNodeId)])];
  const nodes = nodeIds.length ? await ctx.db.select({ id: exchangeNodes.id, name: exchangeNodes.name, self: exchangeNodes.isSelf }).from(exchangeNodes).where(inArray(exchangeNodes.id, nodeIds)) : [];
  const node = (id: string) => nodes.find((n) => n.id === id) ?? { id, name: id, self: false };
  const overdueBefore = ctx.clock.now().getTime() - ctx.config.exchangeOverdueMinutes * 60_000;
  return {
    sent: sent.map((m) => ({
      id: m.id,
      kind: m.kind,
      to: node(m.toNodeId),
      toUnit: m.toUnit,
      status: m.status,
      attempts: m.attempts,
      createdAt: m.createdAt.toISOString(),
      deliveredAt: m.deliveredAt?.toISOString() ?? null,
      /** A receipt is stored only after it verified against the receiver's key. */
      receiptVerified: Boolean(m.receipt),
      lastError: m.lastError,
      overdue: m.status === 'pending' && m.createdAt.getTime() < overdueBefore,
    })),
    received: received.map((r) => ({ id: r.messageId, kind: r.kind, from: node(r.fromNodeId), receivedAt: r.receivedAt.toISOString() })),
  };
}

/** Everything needed to prove, without Liaison's database, what was exchanged about a subject: the signed messages, their signed receipts and the keys. */
export type EvidenceBundle = {
  format: 'liaison-evidence/1';
  subject: { type: string; id: string };
  exportedAt: string;
  exportedBy: string;
  messages: { direction: 'sent' | 'received'; message: string; receipt: string | null }[];
  nodes: { id: string; name: string; url: string; keys: { kid: string; jwk: Record<string, string> }[] }[];
};

export async function evidenceBundle(ctx: Context, options: { viewer: Viewer; subjectType: string; subjectId: string }): Promise<EvidenceBundle> {
  await requireReadable(ctx, options.viewer, options.subjectType, options.subjectId);
  const sent = await ctx.db.select({ jws: exchangeMessages.jws, receipt: exchangeMessages.receipt }).from(exchangeMessages).where(and(eq(exchangeMessages.subjectType, options.subjectType), eq(exchangeMessages.subjectId, options.subjectId))).orderBy(exchangeMessages.seq);
  const received = await ctx.db.select({ jws: exchangeReceived.jws, receipt: exchangeReceived.receipt }).from(exchangeReceived).where(and(eq(exchangeReceived.subjectType, options.subjectType), eq(exchangeReceived.subjectId, options.subjectId))).orderBy(exchangeReceived.receivedAt);
  // A message this node sent to itself is in both lists: once is enough.
  const sentJws = new Set(sent.map((s) => s.jws));
  const messages = [...sent.map((s) => ({ direction: 'sent' as const, message: s.jws, receipt: s.receipt })), ...received.filter((r) => !sentJws.has(r.jws)).map((r) => ({ direction: 'received' as const, message: r.jws, receipt: r.receipt }))];
  const nodeIds = new Set<string>();
  for (const m of messages) {
    const envelope = peek<Envelope>(m.message).claimed;
    nodeIds.add(envelope.from.node);
    nodeIds.add(envelope.to.node);
    if (m.receipt) nodeIds.add(peek<Receipt>(m.receipt).claimed.by);
  }
  const nodes = nodeIds.size ? await ctx.db.select().from(exchangeNodes).where(inArray(exchangeNodes.id, [...nodeIds])) : [];
  const self = nodes.find((n) => n.isSelf);
  return {
    format: 'liaison-evidence/1',
    subject: { type: options.subjectType, id: options.subjectId },
    exportedAt: ctx.clock.now().toISOString(),
    exportedBy: self?.name ?? 'Liaison',
    messages,
    nodes: nodes.map((n) => ({ id: n.id, name: n.name, url: n.url, keys: n.keys.map((k) => ({ kid: k.kid, jwk: k.jwk })) })),
  };
}
