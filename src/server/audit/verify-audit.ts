import { asc, count, eq, gt, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/open.ts';
import { auditChain, auditLog } from '../db/schema.ts';
import { GENESIS_HASH, auditFields, entryHash } from './chain.ts';
import { sealAuditTrail } from './seal.ts';

export type VerifyResult =
  | { ok: true; entries: number; unsealed: number }
  | { ok: false; entries: number; firstBadId: number; reason: 'hash_mismatch' | 'broken_link' | 'left_out' };

/**
 * Seals what has committed, then walks the whole chain in order and reports the first entry
 * that does not verify: its text changed since it was chained (hash_mismatch), or a link is
 * missing or out of place (broken_link), or an entry lies behind the chain's last link but is
 * not in it (left_out: written with a transaction id older than the chain, never to be chained).
 * `unsealed` counts the entries of transactions that were still running, or that ended after
 * one still running began: they are chained later.
 */
export async function verifyAuditTrail(db: DbOrTx, batchSize = 1000): Promise<VerifyResult> {
  await sealAuditTrail(db);
  let prevHash = GENESIS_HASH;
  let position = 0;
  let last: { xid: string; id: number } | null = null;
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
      if (link.position !== position + 1 || link.prevHash !== prevHash) return { ok: false, entries: position, firstBadId: entry.id, reason: 'broken_link' };
      if (entryHash(prevHash, auditFields(entry)) !== link.hash) return { ok: false, entries: position, firstBadId: entry.id, reason: 'hash_mismatch' };
      prevHash = link.hash;
      position = link.position;
      last = { xid: entry.xid, id: entry.id };
    }
  }
  const behindLast = last ? sql`(${auditLog.xid}, ${auditLog.id}) < (${last.xid}::xid8, ${last.id})` : sql`false`;
  const [unchained] = await db
    .select({ n: count(), leftOut: sql<number>`count(*) filter (where ${behindLast})::int`, firstLeftOut: sql<number | null>`min(${auditLog.id}) filter (where ${behindLast})` })
    .from(auditLog)
    .leftJoin(auditChain, eq(auditChain.entryId, auditLog.id))
    .where(isNull(auditChain.entryId));
  if (Number(unchained.leftOut) > 0) return { ok: false, entries: position, firstBadId: Number(unchained.firstLeftOut), reason: 'left_out' };
  return { ok: true, entries: position, unsealed: Number(unchained.n) };
}
