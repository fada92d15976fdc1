import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../db/open.ts';
import type { Context } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';
import { afterCommit } from '../audit/record-audit.ts';
import { nodeOfUnit, selfNode } from './queries.ts';
import { runtimeOf } from './runtime.ts';
import { exchangeMessages } from './schema.ts';
import { signMessage, type Envelope } from './signed.ts';

type UnitRef = { id: string; code: string; partyCode: string; name?: unknown };

/**
 * Sends a message to the node that hosts `to` (a unit), or to the node `toNode`: written to the
 * outbox in the caller's transaction, so it is sent if and only if the change it carries
 * commits. Signed now, with this node's current key. Returns the message id.
 */
export async function sendMessage(
  tx: DbOrTx,
  ctx: Context,
  options: { kind: string; from: UnitRef | null; to: UnitRef | { node: string }; subject: Envelope['subject']; payload: Record<string, unknown> },
): Promise<string> {
  const runtime = runtimeOf(ctx);
  const self = await selfNode(tx);
  let toNode: string;
  let toUnit: string | null = null;
  if ('node' in options.to) toNode = options.to.node;
  else {
    const where = await nodeOfUnit(tx, ctx, options.to);
    if (where === null) throw new AppError('exchange.no_node', { params: { unit: options.to.code }, reason: `no node is known for unit ${options.to.code}` });
    toNode = where === 'self' ? self.id : where;
    toUnit = options.to.code;
  }
  const now = ctx.clock.now();
  const envelope: Envelope = {
    v: 1,
    id: randomUUID(),
    kind: options.kind,
    at: now.toISOString(),
    from: { node: self.id, unit: options.from?.code ?? null },
    to: { node: toNode, unit: toUnit },
    subject: options.subject,
    payload: options.payload,
  };
  const jws = await signMessage(runtime.keys, envelope);
  await tx.insert(exchangeMessages).values({
    id: envelope.id,
    kind: envelope.kind,
    toNodeId: toNode,
    fromUnitCode: envelope.from.unit,
    toUnitCode: toUnit,
    subjectType: envelope.subject?.type ?? null,
    subjectId: envelope.subject?.id ?? null,
    jws,
    createdAt: now,
    nextAttemptAt: now,
  });
  afterCommit(() => runtime.nudge());
  return envelope.id;
}
