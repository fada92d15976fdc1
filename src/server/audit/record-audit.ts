import { desc, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/open.ts';
import { auditLog } from '../db/schema.ts';
import type { Clock } from '../platform/clock.ts';
import { GENESIS_HASH, entryHash } from './chain.ts';

/** Who did something: a signed-in user, or the system itself (start-up, reference data). */
export type Actor = { id: string | null; label: string };
export const systemActor: Actor = { id: null, label: 'system' };

/** Serialises writers of the chain; any 64-bit constant unique to this purpose. */
const AUDIT_CHAIN_LOCK = 7_305_215_001;

/**
 * Appends one entry to the audit trail. Call it inside the transaction that makes the
 * change, so that the change and its record commit or fail together.
 */
export async function recordAudit(
  tx: DbOrTx,
  clock: Clock,
  entry: {
    actor: Actor;
    action: string;
    entityType: string;
    entityId: string;
    unitId?: string | null;
    data?: Record<string, unknown>;
  },
): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  const prevHash = last?.hash ?? GENESIS_HASH;
  const fields = {
    at: clock.now(),
    actorId: entry.actor.id,
    actor: entry.actor.label,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    unitId: entry.unitId ?? null,
    data: JSON.parse(JSON.stringify(entry.data ?? {})) as Record<string, unknown>,
  };
  await tx.insert(auditLog).values({ ...fields, prevHash, hash: entryHash(prevHash, fields) });
}
