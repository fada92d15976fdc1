import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Context } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';
import { nodeById, nodeOfUnit, selfNode, unitByCode, type NodeRow } from './queries.ts';
import { runtimeOf } from './runtime.ts';
import { exchangeReceived, exchangeRefusals } from './schema.ts';
import { digestOf, peek, SignatureError, signReceipt, verifyMessage, type Envelope } from './signed.ts';

/** Why a message was refused; `not_authenticated` reasons are answered 403, the others 422. */
export type RefusalReason = 'malformed' | 'unknown_sender' | 'unknown_key' | 'bad_signature' | 'not_addressed_here' | 'unit_not_hosted' | 'sender_unit_elsewhere' | 'unknown_kind' | 'id_reused' | 'not_applicable';

const authenticationReasons: RefusalReason[] = ['malformed', 'unknown_sender', 'unknown_key', 'bad_signature'];

export class Refusal extends AppError {
  constructor(
    readonly refusal: RefusalReason,
    detail: string,
  ) {
    super(authenticationReasons.includes(refusal) ? 'exchange.not_authenticated' : 'exchange.refused', { params: { reason: refusal }, reason: detail });
  }
}

const envelopeShape = z.object({
  v: z.literal(1),
  id: z.uuid(),
  kind: z.string().min(1).max(100),
  at: z.iso.datetime(),
  from: z.object({ node: z.uuid(), unit: z.string().max(100).nullable() }),
  to: z.object({ node: z.uuid(), unit: z.string().max(100).nullable() }),
  subject: z.object({ type: z.string().max(100), id: z.string().max(200) }).nullable(),
  payload: z.record(z.string(), z.unknown()),
});

/**
 * The endpoint takes messages from anyone (a message authenticates by its signature, not by a
 * log-in), so refusals are recorded up to a number a minute per node: a flood of junk cannot fill
 * the database; the ones past it are counted and the count recorded with the next one kept.
 */
export const REFUSALS_KEPT_PER_MINUTE = 120;
const refusalWindows = new WeakMap<object, { minute: number; kept: number; dropped: number }>();

async function refuse(ctx: Context, claimed: Partial<Envelope> | null, reason: RefusalReason, detail: string): Promise<never> {
  const minute = Math.floor(ctx.clock.now().getTime() / 60_000);
  const window = refusalWindows.get(ctx.config) ?? { minute, kept: 0, dropped: 0 };
  if (window.minute !== minute) Object.assign(window, { minute, kept: 0 });
  refusalWindows.set(ctx.config, window);
  if (window.kept >= REFUSALS_KEPT_PER_MINUTE) {
    window.dropped++;
    throw new Refusal(reason, detail);
  }
  window.kept++;
  const dropped = window.dropped;
  window.dropped = 0;
  if (dropped) detail = `${detail} (and ${dropped} refusals before it not recorded: more than ${REFUSALS_KEPT_PER_MINUTE} a minute)`;
  await ctx.db.insert(exchangeRefusals).values({ at: ctx.clock.now(), fromNodeId: typeof claimed?.from?.node === 'string' ? claimed.from.node.slice(0, 100) : null, messageId: typeof claimed?.id === 'string' ? claimed.id.slice(0, 100) : null, reason, detail: detail.slice(0, 500) });
  throw new Refusal(reason, detail);
}

type Checked = { jws: string; envelope: Envelope; sender: NodeRow };

/** Where each node and unit is, as acceptance asks it many times a second: read again after a few seconds (an anchor imported elsewhere shows then). */
type Directory = { at: number; self: NodeRow; nodes: Map<string, NodeRow | null>; homes: Map<string, string | null> };
const directories = new WeakMap<object, Directory>();
const DIRECTORY_SECONDS = 5;

async function directoryOf(ctx: Context): Promise<Directory> {
  const cached = directories.get(ctx.config);
  if (cached && Date.now() - cached.at < DIRECTORY_SECONDS * 1000) return cached;
  const fresh: Directory = { at: Date.now(), self: await selfNode(ctx.db), nodes: new Map(), homes: new Map() };
  directories.set(ctx.config, fresh);
  return fresh;
}

/** Forgets what acceptance knows of nodes and units (after an anchor is imported in this process). */
export const forgetDirectory = (ctx: Context) => directories.delete(ctx.config);

async function nodeOf(ctx: Context, directory: Directory, id: string) {
  if (!directory.nodes.has(id)) directory.nodes.set(id, await nodeById(ctx.db, id));
  return directory.nodes.get(id)!;
}

/** The node that hosts the unit of this code (null: none known). */
async function homeOf(ctx: Context, directory: Directory, code: string) {
  if (!directory.homes.has(code)) {
    const unit = await unitByCode(ctx.db, code);
    const where = unit ? await nodeOfUnit(ctx.db, ctx, unit) : null;
    directory.homes.set(code, where === 'self' ? directory.self.id : where);
  }
  return directory.homes.get(code)!;
}

/** Verifies a message against the sender's keys from its anchor and checks its addressing; a refusal is recorded and thrown. */
async function check(ctx: Context, directory: Directory, jws: string): Promise<Checked> {
  let claimed: Partial<Envelope> | null = null;
  try {
    claimed = peek<Partial<Envelope>>(jws).claimed;
  } catch {
    return refuse(ctx, null, 'malformed', 'not a compact JWS with a JSON payload');
  }
  const sender = typeof claimed?.from?.node === 'string' && z.uuid().safeParse(claimed.from.node).success ? await nodeOf(ctx, directory, claimed.from.node) : null;
  if (!sender) return refuse(ctx, claimed, 'unknown_sender', `no anchor is imported for node ${String(claimed?.from?.node)}`);
  let envelope: Envelope;
  try {
    envelope = (await verifyMessage(jws, sender.keys)).value;
  } catch (error) {
    if (error instanceof SignatureError) return refuse(ctx, claimed, error.reason, error.message);
    throw error;
  }
  if (!envelopeShape.safeParse(envelope).success) return refuse(ctx, claimed, 'malformed', 'the envelope does not have the fields of a Liaison message');
  if (envelope.to.node !== directory.self.id) return refuse(ctx, envelope, 'not_addressed_here', `addressed to node ${envelope.to.node}`);
  if (envelope.to.unit && (await homeOf(ctx, directory, envelope.to.unit)) !== directory.self.id) return refuse(ctx, envelope, 'unit_not_hosted', `unit ${envelope.to.unit} is not hosted here`);
  if (envelope.from.unit && (await homeOf(ctx, directory, envelope.from.unit)) !== sender.id) return refuse(ctx, envelope, 'sender_unit_elsewhere', `unit ${envelope.from.unit} is not hosted by the sending node`);
  if (!runtimeOf(ctx).handlers[envelope.kind]) return refuse(ctx, envelope, 'unknown_kind', `no module takes messages of kind ${envelope.kind}`);
  return { jws, envelope, sender };
}

export type Accepted = { receipt: string } | { refusal: AppError };

/**
 * Takes messages in, in order: the one path for every message, from a peer over HTTP or from this
 * node itself. Each is verified against the sender's keys from its anchor and must be for a unit
 * hosted here; then, in one transaction for the lot (one commit), each is recorded and applied by
 * its module under a savepoint of its own. A message already received gets its original receipt
 * again and changes nothing. The first refusal ends the batch: the results are those taken, then
 * the refusal.
 */
export async function acceptMessages(ctx: Context, messages: string[]): Promise<Accepted[]> {
  const runtime = runtimeOf(ctx);
  const directory = await directoryOf(ctx);
  const checked: Checked[] = [];
  let refusal: AppError | null = null;
  for (const jws of messages) {
    try {
      checked.push(await check(ctx, directory, jws));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      refusal = error;
      break;
    }
  }
  const receivedAt = ctx.clock.now();
  const receipts = await Promise.all(checked.map((c) => signReceipt(runtime.keys, { v: 1, messageId: c.envelope.id, digest: digestOf(c.jws), by: directory.self.id, receivedAt: receivedAt.toISOString() })));
  const results: Accepted[] = [];
  let failed: { envelope: Envelope; error: AppError } | null = null;
  await ctx.db.transaction(async (tx) => {
    for (const [i, { jws, envelope, sender }] of checked.entries()) {
      try {
        const stored = await tx.transaction(async (savepoint) => {
          const inserted = await savepoint
            .insert(exchangeReceived)
            .values({ messageId: envelope.id, fromNodeId: sender.id, kind: envelope.kind, subjectType: envelope.subject?.type ?? null, subjectId: envelope.subject?.id ?? null, jws, receipt: receipts[i], receivedAt })
            .onConflictDoNothing()
            .returning({ messageId: exchangeReceived.messageId });
          if (inserted.length) {
            await runtime.handlers[envelope.kind](savepoint, ctx, envelope);
            return receipts[i];
          }
          // Received before: the same message gets the same receipt; another message under a used id is refused.
          const [earlier] = await savepoint.select().from(exchangeReceived).where(eq(exchangeReceived.messageId, envelope.id));
          if (earlier.jws !== jws) throw new Refusal('id_reused', `message id ${envelope.id} was received before with other content`);
          return earlier.receipt;
        });
        results.push({ receipt: stored });
      } catch (error) {
        if (!(error instanceof AppError) || error.status >= 500) throw error;
        failed = { envelope, error };
        break;
      }
    }
  });
  if (failed) {
    const { envelope, error } = failed as { envelope: Envelope; error: AppError };
    results.push({ refusal: error instanceof Refusal ? await refuse(ctx, envelope, error.refusal, error.message).catch((e: AppError) => e) : await refuse(ctx, envelope, 'not_applicable', `${error.code}: ${error.message}`).catch((e: AppError) => e) });
  } else if (refusal) results.push({ refusal });
  return results;
}

/** One message, as POST /exchange/messages takes it: its receipt, or the refusal thrown. */
export async function acceptMessage(ctx: Context, jws: string): Promise<string> {
  const [result] = await acceptMessages(ctx, [jws]);
  if ('refusal' in result) throw result.refusal;
  return result.receipt;
}
