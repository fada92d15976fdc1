import { desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/open.ts';
import type { Checkpoint } from '../audit/checkpoints.ts';
import type { Context } from '../platform/context.ts';
import { selfNode } from './queries.ts';
import type { ExchangeHandler } from './runtime.ts';
import { exchangeNodes, exchangeWitnessed } from './schema.ts';
import { sendMessage } from './send.ts';

/** Sends this node's newest audit checkpoint to every peer, who keep it: a history cut or rewritten later contradicts it. */
export async function witnessCheckpoint(ctx: Context, checkpoint: Pick<Checkpoint, 'position' | 'hash' | 'at'>) {
  await ctx.db.transaction(async (tx) => {
    const self = await selfNode(tx);
    const peers = await tx.select({ id: exchangeNodes.id }).from(exchangeNodes).where(eq(exchangeNodes.isSelf, false));
    for (const peer of peers.filter((p) => p.id !== self.id)) {
      await sendMessage(tx, ctx, { kind: 'audit.checkpoint', from: null, to: { node: peer.id }, subject: null, payload: { position: checkpoint.position, hash: checkpoint.hash, at: checkpoint.at } });
    }
  });
}

/**
 * A peer's checkpoint arrives: kept, and compared with the last one from the same peer. A chain
 * shorter than before was cut; one as long with another head was rewritten. Either is recorded
 * as a conflict the operator sees; the checkpoint is kept all the same (it is evidence).
 */
export const receiveCheckpoint: ExchangeHandler = async (tx: DbOrTx, ctx, message) => {
  const { position, hash, at } = message.payload as { position: number; hash: string; at: string };
  if (!Number.isInteger(position) || typeof hash !== 'string' || typeof at !== 'string') return;
  const [last] = await tx.select().from(exchangeWitnessed).where(eq(exchangeWitnessed.nodeId, message.from.node)).orderBy(desc(exchangeWitnessed.id)).limit(1);
  const conflict = !last ? null : position < last.position ? 'truncated' : position === last.position && hash !== last.hash ? 'rewritten' : null;
  await tx.insert(exchangeWitnessed).values({ nodeId: message.from.node, position, hash, at, receivedAt: ctx.clock.now(), conflict });
};
