import { AsyncLocalStorage } from 'node:async_hooks';
import type { Db, DbOrTx } from '../db/types.ts';
import { auditLog } from '../db/schema.ts';
import type { AuditAction, AuditEntity } from '../../shared/audit-actions.ts';
import type { Clock } from '../platform/clock.ts';
import { entryMac, type AuditFields } from './chain.ts';
import type { AuditKeys } from './audit-keys.ts';
import { auditSealer, type AuditSealer } from './seal.ts';

/** Who did something: a signed-in user, or the system itself (start-up, reference data). */
export type Actor = { id: string | null; label: string };
export const systemActor: Actor = { id: null, label: 'system' };

/** The audit entries a transaction has recorded and will write just before it commits. */
type Pending = { entries: AuditFields[]; open: boolean; afterCommit: (() => void)[] };
const pendingInTransaction = new AsyncLocalStorage<Pending>();
/** The audit key of each audited database and of the transactions it opens. */
const keysOf = new WeakMap<object, AuditKeys>();

/**
 * Records one entry of the audit trail. Call it inside the transaction that makes the change,
 * so that the change and its record commit or fail together: the entry is written at the end of
 * that transaction (see auditedDatabase), and chained once it has committed (seal.ts).
 */
export async function recordAudit(
  tx: DbOrTx,
  clock: Clock,
  entry: {
    actor: Actor;
    action: AuditAction;
    entityType: AuditEntity;
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
  else await writeEntries(tx, [fields], keysOf.get(tx));
}

/**
 * Writes entries to the trail in one statement, with no lock and no reading of other entries,
 * each with a MAC under the audit key over a random nonce and its body (entryMac): two equal
 * entries still differ, so a copy of a genuine entry inserted later shows as a repeated MAC.
 */
async function writeEntries(tx: DbOrTx, entries: AuditFields[], keys: AuditKeys | undefined): Promise<void> {
  if (!entries.length) return;
  if (!keys) throw new Error('audit entries written through a database opened without an audit key');
  await tx.insert(auditLog).values(entries.map((entry) => ({ ...entry, mac: entryMac(keys, entry) })));
}

/**
 * Runs `callback` once the transaction the caller is in has committed (at once outside one): for
 * what must see the transaction's writes, such as the exchange's dispatcher looking for a message
 * just written. It does not run when the transaction rolls back.
 */
export function afterCommit(callback: () => void) {
  const pending = pendingInTransaction.getStore();
  if (pending?.open) pending.afterCommit.push(callback);
  else callback();
}

/**
 * Makes every transaction of db write its audit entries as its last statement before COMMIT (a
 * nested transaction, a savepoint, that rolls back takes its entries with it), and has them
 * chained shortly after it commits. No writer waits for another: the sealer chains entries in
 * the order of their transactions, once those have ended (seal.ts).
 */
export function auditedDatabase(db: Db, keys: AuditKeys): { db: Db; sealer: AuditSealer } {
  const sealer = auditSealer(db);
  keysOf.set(db, keys);
  const begin = db.transaction.bind(db);
  db.transaction = (async (work: (tx: never) => Promise<unknown>, config?: unknown) => {
    let wrote = false;
    let commitCallbacks: (() => void)[] = [];
    const result = await begin(async (tx) => {
      const pending: Pending = { entries: [], open: true, afterCommit: [] };
      commitCallbacks = pending.afterCommit;
      keysOf.set(tx, keys);
      let result: unknown;
      try {
        result = await pendingInTransaction.run(pending, () => work(keepEntriesOfSavepoints(tx, pending, keys) as never));
      } finally {
        // Anything the work left running records on its own from now on.
        pending.open = false;
      }
      await writeEntries(tx, pending.entries, keys);
      wrote = pending.entries.length > 0;
      return result;
    }, config as never);
    if (wrote) sealer.soon();
    for (const callback of commitCallbacks) callback();
    return result;
  }) as Db['transaction'];
  return { db, sealer };
}

function keepEntriesOfSavepoints<T extends { transaction: Db['transaction'] }>(tx: T, pending: Pending, keys: AuditKeys): T {
  const savepoint = tx.transaction.bind(tx);
  tx.transaction = (async (work: (inner: never) => Promise<unknown>, config?: unknown) => {
    const mark = pending.entries.length;
    try {
      return await savepoint((inner) => (keysOf.set(inner, keys), work(keepEntriesOfSavepoints(inner as never, pending, keys) as never)), config as never);
    } catch (error) {
      pending.entries.length = mark;
      throw error;
    }
  }) as Db['transaction'];
  return tx;
}
