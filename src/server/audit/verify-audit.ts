import { asc, count, eq, gt, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../db/open.ts';
import { auditChain, auditLog } from '../db/schema.ts';
import { GENESIS_HASH, auditFields, entryHash } from './chain.ts';
import { sealAuditTrail } from './seal.ts';

export type VerifyResult =
  | { ok: true; entries: number; unsealed: number }
  | { ok: false; entries: number; firstBadId: number; reason: 'hash_mismatch' | 'broken_link' };

/**
 * Seals what has committed, then walks the whole chain in order and reports the first entry
 * that does not verify: its text changed since it was chained (hash_mismatch), or a link is
 * missing or out of place (broken_link). `unsealed` counts the entries of transactions that were
 * still running, or that ended after one still running began: they are chained later.
 */
export async function verifyAuditTrail(db: DbOrTx, batchSize = 1000): Promise<VerifyResult> {
  await sealAuditTrail(db);
  let prevHash = GENESIS_HASH;
  let position = 0;
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
    }
  }
  const [unsealed] = await db.select({ n: count() }).from(auditLog).leftJoin(auditChain, eq(auditChain.entryId, auditLog.id)).where(isNull(auditChain.entryId));
  return { ok: true, entries: position, unsealed: Number(unsealed.n) };
}
