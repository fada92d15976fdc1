import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/types.ts';
import { auditChain, auditLog } from '../db/schema.ts';
import { GENESIS_HASH, auditFields, entryHash } from './chain.ts';

/** Serialises sealers (never writers); any 64-bit constant unique to this purpose. */
const AUDIT_SEAL_LOCK = 7_305_215_001;

/**
 * Chains the audit entries whose transactions have ended, in the order of those transactions
 * (then of the entries), after the last link. An entry is sealed only once every transaction
 * older than its own has ended too: then no entry can still appear before it, so the chain
 * never has to go back. Writers take no lock and wait for nobody; sealers take turns on an
 * advisory lock. Returns how many entries it sealed.
 */
export async function sealAuditTrail(db: DbOrTx, batchSize = 1_000): Promise<number> {
  let sealed = 0;
  for (;;) {
    const count = await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_SEAL_LOCK})`);
      // A statement of its own, after the lock: it sees the links of the sealer it waited for.
      const [last] = await tx
        .select({ position: auditChain.position, hash: auditChain.hash, xid: auditLog.xid, entryId: auditChain.entryId })
        .from(auditChain)
        .innerJoin(auditLog, eq(auditLog.id, auditChain.entryId))
        .orderBy(desc(auditChain.position))
        .limit(1);
      const entries = await tx
        .select()
        .from(auditLog)
        .where(
          and(
            last ? sql`(${auditLog.xid}, ${auditLog.id}) > (${last.xid}::xid8, ${last.entryId})` : undefined,
            // Older than every transaction still running: ended, and nothing older can follow.
            sql`${auditLog.xid} < pg_snapshot_xmin(pg_current_snapshot())`,
          ),
        )
        .orderBy(asc(auditLog.xid), asc(auditLog.id))
        .limit(batchSize);
      if (!entries.length) return 0;
      let prevHash = last?.hash ?? GENESIS_HASH;
      let position = last?.position ?? 0;
      const links = entries.map((entry) => {
        const hash = entryHash(prevHash, auditFields(entry));
        const link = { position: ++position, entryId: entry.id, prevHash, hash };
        prevHash = hash;
        return link;
      });
      await tx.insert(auditChain).values(links);
      return links.length;
    });
    sealed += count;
    if (count < batchSize) return sealed;
  }
}

export type AuditSealer = {
  /** Seal shortly: many commits in a row share one seal. */
  soon(): void;
  /** Stop sealing, after the seal under way. */
  stop(): Promise<void>;
};

/**
 * Seals the trail shortly after each audited commit, and every so often for entries whose
 * sealing was put off (by a transaction that was still running, another process, a crash).
 */
export function auditSealer(db: Db, options: { delayMs?: number; everyMs?: number } = {}): AuditSealer {
  const delayMs = options.delayMs ?? 200;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const run = () => {
    timer = null;
    if (running) {
      again = true;
      return;
    }
    running = sealAuditTrail(db)
      .then(
        () => undefined,
        (error: Error) => void process.stderr.write(`audit: sealing failed, tried again after the next audited commit or within 10 s: ${error.message}\n`),
      )
      .finally(() => {
        running = null;
        if (again && !stopped) {
          again = false;
          soon();
        }
      });
  };
  const soon = () => {
    if (!stopped && !timer) timer = setTimeout(run, delayMs);
  };
  const periodic = setInterval(soon, options.everyMs ?? 10_000);
  periodic.unref();
  return {
    soon,
    async stop() {
      stopped = true;
      clearInterval(periodic);
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}
