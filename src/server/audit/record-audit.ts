import { AsyncLocalStorage } from 'node:async_hooks';
import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/open.ts';
import type { Clock } from '../platform/clock.ts';
import { entryBody, type AuditFields } from './chain.ts';

/** Who did something: a signed-in user, or the system itself (start-up, reference data). */
export type Actor = { id: string | null; label: string };
export const systemActor: Actor = { id: null, label: 'system' };

/** Serialises writers of the chain; any 64-bit constant unique to this purpose. */
const AUDIT_CHAIN_LOCK = 7_305_215_001;

/** The audit entries a transaction has recorded and will append to the chain just before it commits. */
type Pending = { entries: AuditFields[]; open: boolean };
const pendingInTransaction = new AsyncLocalStorage<Pending>();

/**
 * Records one entry of the audit trail. Call it inside the transaction that makes the change,
 * so that the change and its record commit or fail together: the entry is appended to the
 * chain at the end of that transaction (see appendAuditAtCommit), not at once.
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
  const fields: AuditFields = {
    at: clock.now(),
    actorId: entry.actor.id,
    actor: entry.actor.label,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    unitId: entry.unitId ?? null,
    data: JSON.parse(JSON.stringify(entry.data ?? {})) as Record<string, unknown>,
  };
  const pending = pendingInTransaction.getStore();
  if (pending?.open) pending.entries.push(fields);
  else await tx.transaction((inner) => appendToChain(inner, [fields]));
}

/**
 * Appends entries to the hash chain. Writers of the chain take turns on an advisory lock held
 * until their transaction ends; this is the only part of a change that is serialised. One
 * statement (audit_append, migration 0007) takes the lock, reads the last hash and inserts the
 * entries chained on it, so the lock is never held across a round trip to this process: only
 * from that statement to COMMIT.
 */
async function appendToChain(tx: DbOrTx, entries: AuditFields[]): Promise<void> {
  if (!entries.length) return;
  const rows = entries.map((fields) => ({ ...fields, at: fields.at.toISOString(), body: entryBody(fields) }));
  await tx.execute(sql`select audit_append(${AUDIT_CHAIN_LOCK}, ${JSON.stringify(rows)}::jsonb)`);
}

/**
 * Makes every transaction of db append its audit entries to the chain as its last statement
 * before COMMIT, so that the chain's lock is held for a few milliseconds rather than for the
 * whole transaction: concurrent changes run side by side and queue only to append. A nested
 * transaction (savepoint) that rolls back takes its entries with it.
 */
export function appendAuditAtCommit(db: Db): Db {
  const begin = db.transaction.bind(db);
  db.transaction = ((work: (tx: never) => Promise<unknown>, config?: unknown) =>
    begin(async (tx) => {
      const pending: Pending = { entries: [], open: true };
      let result: unknown;
      try {
        result = await pendingInTransaction.run(pending, () => work(keepEntriesOfSavepoints(tx, pending) as never));
      } finally {
        // Anything the work left running records on its own from now on.
        pending.open = false;
      }
      await appendToChain(tx, pending.entries);
      return result;
    }, config as never)) as Db['transaction'];
  return db;
}

function keepEntriesOfSavepoints<T extends { transaction: Db['transaction'] }>(tx: T, pending: Pending): T {
  const savepoint = tx.transaction.bind(tx);
  tx.transaction = (async (work: (inner: never) => Promise<unknown>, config?: unknown) => {
    const mark = pending.entries.length;
    try {
      return await savepoint((inner) => work(keepEntriesOfSavepoints(inner as never, pending) as never), config as never);
    } catch (error) {
      pending.entries.length = mark;
      throw error;
    }
  }) as Db['transaction'];
  return tx;
}
