import { asc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/open.ts';
import { auditChain, auditLog } from '../db/schema.ts';
import type { AuditKeys } from './audit-keys.ts';
import { GENESIS_HASH, auditFields, entryHash, entryMacVerifies } from './chain.ts';
import { checkpointMessage, type Checkpoint } from './checkpoints.ts';

export type VerifyFailure =
  /** An entry's content no longer matches its link's hash. */
  | 'hash_mismatch'
  /** A link is missing or out of place. */
  | 'broken_link'
  /** An entry lies behind the chain's last link but is not in it: never to be chained. */
  | 'left_out'
  /** An entry not written by Liaison: its MAC under the audit key is missing or wrong (an insert, or a change with the chain recomputed). */
  | 'forged'
  /** The chain's hash at a checkpointed position is not the checkpoint's: the chain was recomputed. */
  | 'rewritten'
  /** The chain ends before the last checkpoint: links (and their entries) were deleted. */
  | 'truncated'
  /** A checkpoint's MAC does not verify, or there is none at all. */
  | 'bad_checkpoint';

export type VerifyResult =
  | {
      ok: true;
      entries: number;
      unsealed: number;
      /** The last checkpoint, which the chain reaches and matches. */
      checkpoint: { position: number; at: string };
      /** Links after the last checkpoint: not yet anchored outside the database (a deleted tail of these would not show). */
      beyondCheckpoint: number;
    }
  | { ok: false; entries: number; firstBadId?: number; reason: VerifyFailure; detail: string };

/**
 * Walks the whole chain in order without changing anything (it never seals: an entry inserted
 * behind Liaison's back must not be chained as genuine by the check itself) and reports the
 * first thing that does not verify: a link's hash or place, an entry's MAC under the audit key,
 * the chain against every checkpoint kept outside the database, and an entry lying behind the
 * chain that is not in it. `unsealed` counts entries not chained yet (their MACs are checked too).
 * Entries written before migration 0013 carry no MAC: the first checkpoint vouches for them.
 */
export async function verifyAuditTrail(db: DbOrTx, anchor: { keys: AuditKeys; checkpoints: Checkpoint[] }, batchSize = 1000): Promise<VerifyResult> {
  const { keys, checkpoints } = anchor;
  if (!checkpoints.length) return { ok: false, entries: 0, reason: 'bad_checkpoint', detail: 'there is no checkpoint' };
  const expected = new Map<number, Checkpoint>();
  for (const [i, c] of checkpoints.entries()) {
    if (!keys.verify(checkpointMessage(c), c.mac)) return { ok: false, entries: 0, reason: 'bad_checkpoint', detail: `checkpoint ${i + 1} is not authenticated by the audit key` };
    expected.set(c.position, c);
  }
  const first = checkpoints[0];
  const last = checkpoints.reduce((a, b) => (b.position >= a.position ? b : a));
  const entryAuthentic = (entry: typeof auditLog.$inferSelect, position: number | null) =>
    entryMacVerifies(keys, auditFields(entry), entry.mac) || (entry.mac === null && position !== null && position <= first.position);
  // A MAC seen twice: a genuine entry copied in again (each genuine entry has its own nonce).
  const [copy] = await db
    .select({ id: sql<number>`id` })
    .from(sql`(select ${auditLog.id} as id, row_number() over (partition by ${auditLog.mac} order by ${auditLog.id}) as nth from ${auditLog} where ${auditLog.mac} is not null) as numbered`)
    .where(sql`nth > 1`)
    .orderBy(sql`id`)
    .limit(1);
  if (copy) return { ok: false, entries: 0, firstBadId: Number(copy.id), reason: 'forged', detail: `entry ${copy.id} repeats the MAC of an earlier entry: it is a copy` };

  let prevHash = GENESIS_HASH;
  let position = 0;
  let lastEntry: { xid: string; id: number } | null = null;
  for (;;) {
    const rows = await db
      .select({ link: auditChain, entry: auditLog })
      .from(auditChain)
      .innerJoin(auditLog, eq(auditLog.id, auditChain.entryId))
      .where(gt(auditChain.position, position))
      .orderBy(asc(auditChain.position))
      .limit(batchSize);
    if (rows.length === 0) break;
    for (const { link, entry } of rows) {
      const fail = (reason: VerifyFailure, detail: string) => ({ ok: false as const, entries: position, firstBadId: entry.id, reason, detail });
      if (link.position !== position + 1 || link.prevHash !== prevHash) return fail('broken_link', `link ${link.position} does not follow link ${position}`);
      if (entryHash(prevHash, auditFields(entry)) !== link.hash) return fail('hash_mismatch', `entry ${entry.id} does not match the hash of link ${link.position}`);
      if (!entryAuthentic(entry, link.position)) return fail('forged', `entry ${entry.id} (link ${link.position}) is not authenticated by the audit key`);
      const checkpoint = expected.get(link.position);
      if (checkpoint && checkpoint.hash !== link.hash) return fail('rewritten', `link ${link.position} differs from the checkpoint of ${checkpoint.at}`);
      prevHash = link.hash;
      position = link.position;
      lastEntry = { xid: entry.xid, id: entry.id };
    }
  }
  if (last.position > position) {
    return { ok: false, entries: position, reason: 'truncated', detail: `the chain ends at link ${position}, but the checkpoint of ${last.at} saw it at link ${last.position}` };
  }

  const behindLast = lastEntry ? sql`(${auditLog.xid}, ${auditLog.id}) < (${lastEntry.xid}::xid8, ${lastEntry.id})` : sql`false`;
  let unsealed = 0;
  for (let afterId = 0; ; ) {
    const rows = await db
      .select({ entry: auditLog, behind: sql<boolean>`${behindLast}` })
      .from(auditLog)
      .leftJoin(auditChain, eq(auditChain.entryId, auditLog.id))
      .where(sql`${isNull(auditChain.entryId)} and ${auditLog.id} > ${afterId}`)
      .orderBy(asc(auditLog.id))
      .limit(batchSize);
    if (rows.length === 0) break;
    for (const { entry, behind } of rows) {
      if (behind) return { ok: false, entries: position, firstBadId: entry.id, reason: 'left_out', detail: `entry ${entry.id} lies behind the chain but is not in it` };
      if (!entryAuthentic(entry, null)) return { ok: false, entries: position, firstBadId: entry.id, reason: 'forged', detail: `entry ${entry.id} (not chained yet) is not authenticated by the audit key` };
      unsealed++;
      afterId = entry.id;
    }
  }
  return { ok: true, entries: position, unsealed, checkpoint: { position: last.position, at: last.at }, beyondCheckpoint: position - last.position };
}
