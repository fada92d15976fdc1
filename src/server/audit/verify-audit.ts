import { asc, gt } from 'drizzle-orm';
import type { DbOrTx } from '../db/open.ts';
import { auditLog } from '../db/schema.ts';
import { GENESIS_HASH, entryHash } from './chain.ts';

export type VerifyResult =
  | { ok: true; entries: number }
  | { ok: false; entries: number; firstBadId: number; reason: 'hash_mismatch' | 'broken_link' };

/** Walks the whole chain in id order and reports the first entry that does not verify. */
export async function verifyAuditTrail(db: DbOrTx, batchSize = 1000): Promise<VerifyResult> {
  let prevHash = GENESIS_HASH;
  let lastId = 0;
  let entries = 0;
  for (;;) {
    const rows = await db.select().from(auditLog).where(gt(auditLog.id, lastId)).orderBy(asc(auditLog.id)).limit(batchSize);
    if (rows.length === 0) return { ok: true, entries };
    for (const row of rows) {
      if (row.prevHash !== prevHash) return { ok: false, entries, firstBadId: row.id, reason: 'broken_link' };
      const expected = entryHash(prevHash, {
        at: row.at,
        actorId: row.actorId,
        actor: row.actor,
        action: row.action,
        entityType: row.entityType,
        entityId: row.entityId,
        unitId: row.unitId,
        data: row.data,
      });
      if (expected !== row.hash) return { ok: false, entries, firstBadId: row.id, reason: 'hash_mismatch' };
      prevHash = row.hash;
      lastId = row.id;
      entries++;
    }
  }
}
