import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Context } from '../platform/context.ts';
import { exchangeMessages, exchangeNodes, exchangeReceived, exchangeRefusals, exchangeUnitNodes, exchangeWitnessed } from './schema.ts';
import { units } from '../directory/schema.ts';

/** Outbox depth, overdue and failed messages: what /healthz and the operator page show. */
export async function queueFigures(ctx: Context) {
  const overdueBefore = new Date(ctx.clock.now().getTime() - ctx.config.exchangeOverdueMinutes * 60_000);
  const [row] = await ctx.db
    .select({
      pending: sql<number>`count(*) filter (where ${exchangeMessages.status} = 'pending')`.mapWith(Number),
      overdue: sql<number>`count(*) filter (where ${exchangeMessages.status} = 'pending' and ${exchangeMessages.createdAt} < ${overdueBefore})`.mapWith(Number),
      refused: sql<number>`count(*) filter (where ${exchangeMessages.status} = 'refused')`.mapWith(Number),
      oldestPendingAt: sql<string | null>`min(${exchangeMessages.createdAt}) filter (where ${exchangeMessages.status} = 'pending')`,
    })
    .from(exchangeMessages)
    .where(sql`${exchangeMessages.status} <> 'delivered'`);
  return { pending: row.pending, overdue: row.overdue, refused: row.refused, oldestPendingAt: row.oldestPendingAt ? new Date(row.oldestPendingAt).toISOString() : null };
}

/** The operator's view: this node, its peers with their reachability and queues, refusals and witnessed checkpoints. */
export async function exchangeStatus(ctx: Context) {
  const nodes = await ctx.db.select().from(exchangeNodes).orderBy(desc(exchangeNodes.isSelf), exchangeNodes.name);
  const hosted = await ctx.db.select({ nodeId: exchangeUnitNodes.nodeId, code: units.code }).from(exchangeUnitNodes).innerJoin(units, eq(units.id, exchangeUnitNodes.unitId));
  const perNode = await ctx.db
    .select({
      nodeId: exchangeMessages.toNodeId,
      pending: sql<number>`count(*) filter (where ${exchangeMessages.status} = 'pending')`.mapWith(Number),
      delivered: sql<number>`count(*) filter (where ${exchangeMessages.status} = 'delivered')`.mapWith(Number),
      refused: sql<number>`count(*) filter (where ${exchangeMessages.status} = 'refused')`.mapWith(Number),
    })
    .from(exchangeMessages)
    .groupBy(exchangeMessages.toNodeId);
  const received = await ctx.db.select({ nodeId: exchangeReceived.fromNodeId, count: sql<number>`count(*)`.mapWith(Number) }).from(exchangeReceived).groupBy(exchangeReceived.fromNodeId);
  const failing = await ctx.db
    .select({ id: exchangeMessages.id, kind: exchangeMessages.kind, toNodeId: exchangeMessages.toNodeId, toUnit: exchangeMessages.toUnitCode, status: exchangeMessages.status, attempts: exchangeMessages.attempts, createdAt: exchangeMessages.createdAt, nextAttemptAt: exchangeMessages.nextAttemptAt, lastError: exchangeMessages.lastError })
    .from(exchangeMessages)
    .where(and(sql`${exchangeMessages.status} <> 'delivered'`, isNotNull(exchangeMessages.lastError)))
    .orderBy(exchangeMessages.seq)
    .limit(50);
  const refusals = await ctx.db.select().from(exchangeRefusals).orderBy(desc(exchangeRefusals.id)).limit(50);
  const witnessed = await ctx.db.select().from(exchangeWitnessed).orderBy(desc(exchangeWitnessed.id)).limit(200);
  const figures = await queueFigures(ctx);
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    queue: figures,
    nodes: nodes.map((n) => {
      const counts = perNode.find((p) => p.nodeId === n.id);
      const last = witnessed.find((w) => w.nodeId === n.id);
      return {
        id: n.id,
        self: n.isSelf,
        name: n.name,
        party: n.partyCode,
        url: n.url,
        keys: n.keys.map((k) => ({ kid: k.kid, createdAt: k.createdAt, retiredAt: k.retiredAt })),
        units: n.isSelf ? [] : hosted.filter((h) => h.nodeId === n.id).map((h) => h.code).sort(),
        importedAt: iso(n.importedAt),
        lastDeliveryAt: iso(n.lastDeliveryAt),
        lastFailureAt: iso(n.lastFailureAt),
        lastError: n.lastError,
        /** Reachable when the last attempt to deliver to it succeeded (null: never tried). */
        reachable: n.lastDeliveryAt || n.lastFailureAt ? (n.lastDeliveryAt?.getTime() ?? 0) >= (n.lastFailureAt?.getTime() ?? 0) : null,
        outbox: { pending: counts?.pending ?? 0, delivered: counts?.delivered ?? 0, refused: counts?.refused ?? 0 },
        inbox: received.find((r) => r.nodeId === n.id)?.count ?? 0,
        witnessed: last ? { position: last.position, hash: last.hash, at: last.at } : null,
        conflicts: witnessed.filter((w) => w.nodeId === n.id && w.conflict).map((w) => ({ conflict: w.conflict!, position: w.position, at: w.at, receivedAt: w.receivedAt.toISOString() })),
      };
    }),
    failing: failing.map((m) => ({ ...m, createdAt: m.createdAt.toISOString(), nextAttemptAt: m.nextAttemptAt.toISOString(), overdue: m.status === 'pending' && m.createdAt.getTime() < ctx.clock.now().getTime() - ctx.config.exchangeOverdueMinutes * 60_000 })),
    refusals: refusals.map((r) => ({ at: r.at.toISOString(), fromNode: r.fromNodeId, messageId: r.messageId, reason: r.reason, detail: r.detail })),
  };
}
