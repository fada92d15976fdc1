import { and, eq, sql } from 'drizzle-orm';
import type { Context } from '../platform/context.ts';
import { acceptMessage } from './accept.ts';
import { nodeById, selfNode, type NodeRow } from './queries.ts';
import { runtimeOf } from './runtime.ts';
import { exchangeMessages, exchangeNodes } from './schema.ts';
import { digestOf, verifyReceipt } from './signed.ts';

/** How long a claimed message is left to its dispatcher before another attempt may take it (a crash mid-delivery). */
const LEASE_MS = 60_000;
/** 5 s, 10 s, 20 s … at most 10 minutes between attempts. */
export const backoffMs = (attempts: number) => Math.min(5_000 * 2 ** Math.max(attempts - 1, 0), 10 * 60_000);

type Outcome = { ok: true; receipt: string } | { ok: false; final: boolean; error: string };

async function deliverOver(ctx: Context, node: NodeRow, jws: string, fetcher: typeof fetch): Promise<Outcome> {
  let response: Response;
  try {
    response = await fetcher(`${node.url}/api/v1/exchange/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ message: jws }),
      redirect: 'error',
      signal: AbortSignal.timeout(10_000),
    });
  } catch (error) {
    return { ok: false, final: false, error: `unreachable: ${(error as Error).cause ? String(((error as Error).cause as Error).message ?? (error as Error).cause) : (error as Error).message}` };
  }
  const text = await response.text().catch(() => '');
  if (response.status === 200) {
    try {
      return { ok: true, receipt: (JSON.parse(text) as { receipt: string }).receipt };
    } catch {
      return { ok: false, final: false, error: 'the answer is not a receipt' };
    }
  }
  const reason = (() => {
    try {
      const body = JSON.parse(text) as { error?: { code?: string; message?: string } };
      return `${body.error?.code ?? ''} ${body.error?.message ?? ''}`.trim();
    } catch {
      return text.slice(0, 200);
    }
  })();
  // Only a message the peer cannot read at all (400, 413) is given up. A refusal for want of a
  // key or an anchor (403: the peer has not imported this node's new anchor yet) or of the record
  // it refers to (422) may pass later: it is retried with backoff, and shown as overdue to its
  // sender and the operator, never dropped.
  const final = response.status === 400 || response.status === 413;
  return { ok: false, final, error: `HTTP ${response.status}${reason ? `: ${reason}` : ''}` };
}

/**
 * One round of the dispatcher: every message that is due, oldest first, each peer's in the
 * order they were written (a peer's later messages wait while an earlier one waits for a
 * retry). A message to this node goes through the same acceptance as a peer's. A receipt is
 * kept only once it verifies against the receiver's key and covers this message's digest.
 */
export async function dispatchOnce(ctx: Context, options: { fetch?: typeof fetch; limit?: number } = {}) {
  const fetcher = options.fetch ?? fetch;
  const now = ctx.clock.now();
  const self = await selfNode(ctx.db);
  const due = await ctx.db.execute<{ seq: number }>(sql`
    select m.seq from exchange_messages m
    where m.status = 'pending' and m.next_attempt_at <= ${now}
      and not exists (select 1 from exchange_messages o where o.status = 'pending' and o.to_node_id = m.to_node_id and o.seq < m.seq and o.next_attempt_at > ${now})
    order by m.seq limit ${options.limit ?? 100}`);
  const counts = { delivered: 0, failed: 0, refused: 0 };
  const blocked = new Set<string>();
  const nodes = new Map<string, NodeRow | null>();
  for (const { seq } of (due as unknown as { rows: { seq: number }[] }).rows) {
    // Claimed with a lease: a second dispatcher (or this one after a crash) takes it only when the lease ends.
    const [message] = await ctx.db
      .update(exchangeMessages)
      .set({ attempts: sql`${exchangeMessages.attempts} + 1`, nextAttemptAt: new Date(now.getTime() + LEASE_MS) })
      .where(and(eq(exchangeMessages.seq, Number(seq)), eq(exchangeMessages.status, 'pending'), sql`${exchangeMessages.nextAttemptAt} <= ${now}`))
      .returning();
    if (!message) continue;
    if (blocked.has(message.toNodeId)) {
      await ctx.db.update(exchangeMessages).set({ attempts: message.attempts - 1, nextAttemptAt: now }).where(eq(exchangeMessages.seq, message.seq));
      continue;
    }
    if (!nodes.has(message.toNodeId)) nodes.set(message.toNodeId, await nodeById(ctx.db, message.toNodeId));
    const node = nodes.get(message.toNodeId)!;
    let outcome: Outcome;
    if (!node) outcome = { ok: false, final: true, error: 'the node is no longer known' };
    else if (node.id === self.id) {
      try {
        outcome = { ok: true, receipt: await acceptMessage(ctx, message.jws) };
      } catch (error) {
        const status = (error as { status?: number }).status ?? 500;
        outcome = { ok: false, final: status === 400, error: (error as Error).message };
      }
    } else outcome = await deliverOver(ctx, node, message.jws, fetcher);

    if (outcome.ok && node) {
      try {
        const { value } = await verifyReceipt(outcome.receipt, node.keys);
        if (value.messageId !== message.id || value.digest !== digestOf(message.jws) || value.by !== node.id) throw new Error('the receipt is for another message');
      } catch (error) {
        outcome = { ok: false, final: false, error: `receipt does not verify: ${(error as Error).message}` };
      }
    }
    const at = ctx.clock.now();
    if (outcome.ok) {
      counts.delivered++;
      await ctx.db.update(exchangeMessages).set({ status: 'delivered', deliveredAt: at, receipt: outcome.receipt, lastError: null }).where(eq(exchangeMessages.seq, message.seq));
      await ctx.db.update(exchangeNodes).set({ lastDeliveryAt: at }).where(eq(exchangeNodes.id, message.toNodeId));
    } else {
      blocked.add(message.toNodeId);
      if (outcome.final) counts.refused++;
      else counts.failed++;
      await ctx.db
        .update(exchangeMessages)
        .set(outcome.final ? { status: 'refused', lastError: outcome.error } : { nextAttemptAt: new Date(at.getTime() + backoffMs(message.attempts)), lastError: outcome.error })
        .where(eq(exchangeMessages.seq, message.seq));
      if (node) await ctx.db.update(exchangeNodes).set({ lastFailureAt: at, lastError: outcome.error }).where(eq(exchangeNodes.id, node.id));
    }
  }
  return counts;
}

/**
 * Runs the dispatcher in the server: a round every second, and soon after a message is written
 * (the write's transaction commits just after it nudges, so a round that finds nothing looks
 * again shortly). Returns a stop function.
 */
export function startDispatcher(ctx: Context, log: { error(object: object, message: string): void }) {
  const runtime = runtimeOf(ctx);
  let running = false;
  let again = false;
  let nudgedAt = 0;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const run = async () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        const counts = await dispatchOnce(ctx);
        const found = counts.delivered + counts.failed + counts.refused;
        if (!found && Date.now() - nudgedAt < 500) {
          await new Promise((resolve) => setTimeout(resolve, 10));
          again = true;
        }
      } while (again && !stopped);
    } catch (error) {
      log.error({ err: error }, 'exchange dispatch failed');
    } finally {
      running = false;
    }
  };
  runtime.onNudge = () => {
    nudgedAt = Date.now();
    setImmediate(() => void run());
  };
  timer = setInterval(() => void run(), 1_000);
  timer.unref();
  void run();
  return async () => {
    stopped = true;
    runtime.onNudge = null;
    if (timer) clearInterval(timer);
    while (running) await new Promise((resolve) => setTimeout(resolve, 10));
  };
}
