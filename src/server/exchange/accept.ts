import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Context } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';
import { nodeById, nodeOfUnit, selfNode, unitByCode } from './queries.ts';
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

async function refuse(ctx: Context, claimed: Partial<Envelope> | null, reason: RefusalReason, detail: string): Promise<never> {
  await ctx.db.insert(exchangeRefusals).values({ at: ctx.clock.now(), fromNodeId: typeof claimed?.from?.node === 'string' ? claimed.from.node.slice(0, 100) : null, messageId: typeof claimed?.id === 'string' ? claimed.id.slice(0, 100) : null, reason, detail: detail.slice(0, 500) });
  throw new Refusal(reason, detail);
}

/**
 * Takes a message in: the one path for every message, from a peer over HTTP or from this node
 * itself. Verifies it against the sender's keys from its anchor, checks it is for a unit hosted
 * here, and in one transaction records it and lets its module apply it. A message already
 * received gets its original receipt again and changes nothing. Returns the signed receipt.
 */
export async function acceptMessage(ctx: Context, jws: string): Promise<string> {
  const runtime = runtimeOf(ctx);
  let claimed: Partial<Envelope> | null = null;
  try {
    claimed = peek<Partial<Envelope>>(jws).claimed;
  } catch {
    return refuse(ctx, null, 'malformed', 'not a compact JWS with a JSON payload');
  }
  const sender = typeof claimed?.from?.node === 'string' && z.uuid().safeParse(claimed.from.node).success ? await nodeById(ctx.db, claimed.from.node) : null;
  if (!sender) return refuse(ctx, claimed, 'unknown_sender', `no anchor is imported for node ${String(claimed?.from?.node)}`);
  let envelope: Envelope;
  try {
    envelope = (await verifyMessage(jws, sender.keys)).value;
  } catch (error) {
    if (error instanceof SignatureError) return refuse(ctx, claimed, error.reason, error.message);
    throw error;
  }
  if (!envelopeShape.safeParse(envelope).success) return refuse(ctx, claimed, 'malformed', 'the envelope does not have the fields of a Liaison message');
  const self = await selfNode(ctx.db);
  if (envelope.to.node !== self.id) return refuse(ctx, envelope, 'not_addressed_here', `addressed to node ${envelope.to.node}`);
  if (envelope.to.unit) {
    const unit = await unitByCode(ctx.db, envelope.to.unit);
    if (!unit || (await nodeOfUnit(ctx.db, ctx, unit)) !== 'self') return refuse(ctx, envelope, 'unit_not_hosted', `unit ${envelope.to.unit} is not hosted here`);
  }
  if (envelope.from.unit) {
    const unit = await unitByCode(ctx.db, envelope.from.unit);
    const where = unit ? await nodeOfUnit(ctx.db, ctx, unit) : null;
    const home = where === 'self' ? self.id : where;
    if (home !== sender.id) return refuse(ctx, envelope, 'sender_unit_elsewhere', `unit ${envelope.from.unit} is not hosted by the sending node`);
  }
  const handler = runtime.handlers[envelope.kind];
  if (!handler) return refuse(ctx, envelope, 'unknown_kind', `no module takes messages of kind ${envelope.kind}`);

  const receivedAt = ctx.clock.now();
  const receipt = await signReceipt(runtime.keys, { v: 1, messageId: envelope.id, digest: digestOf(jws), by: self.id, receivedAt: receivedAt.toISOString() });
  try {
    const stored = await ctx.db.transaction(async (tx) => {
      const inserted = await tx
        .insert(exchangeReceived)
        .values({ messageId: envelope.id, fromNodeId: sender.id, kind: envelope.kind, subjectType: envelope.subject?.type ?? null, subjectId: envelope.subject?.id ?? null, jws, receipt, receivedAt })
        .onConflictDoNothing()
        .returning({ messageId: exchangeReceived.messageId });
      if (inserted.length === 0) return null;
      await handler(tx, ctx, envelope);
      return receipt;
    });
    if (stored) return stored;
  } catch (error) {
    if (error instanceof AppError && !(error instanceof Refusal) && error.status < 500) return refuse(ctx, envelope, 'not_applicable', `${error.code}: ${error.message}`);
    throw error;
  }
  // Received before: the same message gets the same receipt; another message under a used id is refused.
  const [earlier] = await ctx.db.select().from(exchangeReceived).where(eq(exchangeReceived.messageId, envelope.id));
  if (earlier.jws !== jws) return refuse(ctx, envelope, 'id_reused', `message id ${envelope.id} was received before with other content`);
  return earlier.receipt;
}
