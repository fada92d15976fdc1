import { eq, inArray, sql } from 'drizzle-orm';
import type { Context } from '../platform/context.ts';
import { acceptMessages } from './accept.ts';
import { nodeById, selfNode, type NodeRow } from './queries.ts';
import { runtimeOf } from './runtime.ts';
import { exchangeMessages, exchangeNodes } from './schema.ts';
import { digestOf, verifyReceipt } from './signed.ts';

/** How long a claimed message is left to its dispatcher before another attempt may take it (a crash mid-delivery). */
const LEASE_MS = 60_000;
/** 5 s, 10 s, 20 s … at most 10 minutes between attempts. */
export const backoffMs = (attempts: number) => Math.min(5_000 * 2 ** Math.max(attempts - 1, 0), 10 * 60_000);

type Outcome = { ok: true; receipt: string } | { ok: false; final: boolean; error: string };
type Message = typeof exchangeMessages.$inferSelect;

/** At most this many messages go to a peer in one request. */
const BATCH = 50;

/**
 * Only a message the peer cannot read at all (400, 413) is given up. A refusal for want of a key
 * or an anchor (403: the peer has not imported this node's new anchor yet) or of the record it
 * refers to (422) may pass later: it is retried with backoff, and shown as overdue to its sender
 * and the operator, never dropped.
 */
const isFinal = (status: number) => status === 400 || status === 413;

/** Sends a peer a batch of its messages, in order; the outcomes of those it took (fewer when one failed). */
async function deliverOver(node: NodeRow, messages: Message[], fetcher: typeof fetch): Promise<Outcome[]> {
  let response: Response;
  try {
    response = await fetcher(`${node.url}/api/v1/exchange/batches`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messages: messages.map((m) => m.jws) }),
      redirect: 'error',
      signal: AbortSignal.timeout(30_000),
    });
  } catch (error) {
    const cause = (error as Error).cause as Error | undefined;
    return [{ ok: false, final: false, error: `unreachable: ${cause?.message ?? String(cause ?? (error as Error).message)}` }];
  }
  const text = await response.text().catch(() => '');
  if (response.status !== 200) {
    let reason = text.slice(0, 200);
    try {
      const body = JSON.parse(text) as { error?: { code?: string; message?: string } };
      reason = `${body.error?.code ?? ''} ${body.error?.message ?? ''}`.trim();
    } catch {
      // not JSON: the text as it came
    }
    return [{ ok: false, final: isFinal(response.status), error: `HTTP ${response.status}${reason ? `: ${reason}` : ''}` }];
  }
  try {
    const { results } = JSON.parse(text) as { results: ({ receipt: string } | { error: { code: string; status: number; reason: string } })[] };
    return results.map((r) => ('receipt' in r ? { ok: true, receipt: r.receipt } : { ok: false, final: isFinal(r.error.status), error: `HTTP ${r.error.status}: ${r.error.code} ${r.error.reason}` }));
  } catch {
    return [{ ok: false, final: false, error: 'the answer is not a list of receipts' }];
  }
}

/** This node's own messages go through the same acceptance as a peer's. */
async function deliverHere(ctx: Context, messages: Message[]): Promise<Outcome[]> {
  return (await acceptMessages(ctx, messages.map((m) => m.jws))).map((r) => ('receipt' in r ? { ok: true, receipt: r.receipt } : { ok: false, final: r.refusal.status === 400, error: r.refusal.message }));
}

/**
 * One round of the dispatcher: every message that is due, each peer's in the order they were
 * written (a peer's later messages wait while an earlier one waits for a retry), sent to each
 * peer in batches, peers at once. A message to this node goes through the same acceptance as a
 * peer's. A receipt is kept only once it verifies against the receiver's key and covers this
 * message's digest.
 */
export async function dispatchOnce(ctx: Context, options: { fetch?: typeof fetch; limit?: number } = {}) {
  const fetcher = options.fetch ?? fetch;
  const now = ctx.clock.now();
  const self = await selfNode(ctx.db);
  // Claimed with a lease: a second dispatcher (or this one after a crash) takes them only when the lease ends.
  const claimed = await ctx.db.execute<Message>(sql`
    update exchange_messages set attempts = attempts + 1, next_attempt_at = ${new Date(now.getTime() + LEASE_MS)}
    where seq in (
      select m.seq from exchange_messages m
      where m.status = 'pending' and m.next_attempt_at <= ${now}
        and not exists (select 1 from exchange_messages o where o.status = 'pending' and o.to_node_id = m.to_node_id and o.seq < m.seq and o.next_attempt_at > ${now})
      order by m.seq limit ${options.limit ?? 200}
      for update skip locked)
    returning seq, id, to_node_id as "toNodeId", jws, attempts`);
  const messages = (claimed as unknown as { rows: Pick<Message, 'seq' | 'id' | 'toNodeId' | 'jws' | 'attempts'>[] }).rows.map((m) => ({ ...m, seq: Number(m.seq) }) as Message).sort((a, b) => a.seq - b.seq);
  const counts = { delivered: 0, failed: 0, refused: 0 };
  const byNode = new Map<string, Message[]>();
  for (const m of messages) byNode.set(m.toNodeId, [...(byNode.get(m.toNodeId) ?? []), m]);

  await Promise.all(
    [...byNode].map(async ([nodeId, queue]) => {
      const node = await nodeById(ctx.db, nodeId);
      for (let start = 0; start < queue.length; start += BATCH) {
        const batch = queue.slice(start, start + BATCH);
        let outcomes: Outcome[] = !node ? [{ ok: false, final: true, error: 'the node is no longer known' }] : node.id === self.id ? await deliverHere(ctx, batch) : await deliverOver(node, batch, fetcher);
        outcomes = await Promise.all(
          outcomes.map(async (outcome, i): Promise<Outcome> => {
            if (!outcome.ok || !node) return outcome;
            try {
              const { value } = await verifyReceipt(outcome.receipt, node.keys);
              if (value.messageId !== batch[i].id || value.digest !== digestOf(batch[i].jws) || value.by !== node.id) throw new Error('the receipt is for another message');
              return outcome;
            } catch (error) {
              return { ok: false, final: false, error: `receipt does not verify: ${(error as Error).message}` };
            }
          }),
        );
        const at = ctx.clock.now();
        const delivered = outcomes.findIndex((o) => !o.ok);
        const done = delivered === -1 ? outcomes.length : delivered;
        counts.delivered += done;
        if (done) {
          // One transaction (one commit) for the batch: each message its receipt, and the peer reached.
          const rows = batch.slice(0, done).map((m, i) => sql`(${m.seq}::bigint, ${(outcomes[i] as { receipt: string }).receipt})`);
          await ctx.db.transaction(async (tx) => {
            await tx.execute(sql`update exchange_messages m set status = 'delivered', delivered_at = ${at}, receipt = v.receipt, last_error = null from (values ${sql.join(rows, sql`, `)}) as v(seq, receipt) where m.seq = v.seq`);
            await tx.update(exchangeNodes).set({ lastDeliveryAt: at }).where(eq(exchangeNodes.id, nodeId));
          });
        }
        if (done === batch.length) continue;
        // The first not taken waits for its retry; those after it are released untouched, to follow it.
        const failed = outcomes[done] as Extract<Outcome, { ok: false }> | undefined;
        const first = batch[done];
        const error = failed?.error ?? 'not taken';
        if (failed?.final) counts.refused++;
        else counts.failed++;
        await ctx.db
          .update(exchangeMessages)
          .set(failed?.final ? { status: 'refused', lastError: error } : { nextAttemptAt: new Date(at.getTime() + backoffMs(first.attempts)), lastError: error })
          .where(eq(exchangeMessages.seq, first.seq));
        const rest = queue.slice(start + done + 1).map((m) => m.seq);
        if (rest.length) await ctx.db.update(exchangeMessages).set({ attempts: sql`${exchangeMessages.attempts} - 1`, nextAttemptAt: now }).where(inArray(exchangeMessages.seq, rest));
        if (node) await ctx.db.update(exchangeNodes).set({ lastFailureAt: at, lastError: error }).where(eq(exchangeNodes.id, node.id));
        break;
      }
    }),
  );
  return counts;
}

/**
 * Runs the dispatcher in the server: a round as soon as a transaction that wrote a message has
 * committed, and every second (retries, and messages written by another process). Returns a stop
 * function.
 */
export function startDispatcher(ctx: Context, log: { error(object: object, message: string): void }) {
  const runtime = runtimeOf(ctx);
  let running = false;
  let again = false;
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
        await dispatchOnce(ctx);
      } while (again && !stopped);
    } catch (error) {
      log.error({ err: error }, 'exchange dispatch failed');
    } finally {
      running = false;
    }
  };
  runtime.onNudge = () => void run();
  const timer = setInterval(() => void run(), 1_000);
  timer.unref();
  void run();
  return async () => {
    stopped = true;
    runtime.onNudge = null;
    clearInterval(timer);
    while (running) await new Promise((resolve) => setTimeout(resolve, 10));
  };
}
