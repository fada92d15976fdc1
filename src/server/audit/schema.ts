import { sql } from 'drizzle-orm';
import { bigint, bigserial, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { xid8, ts } from '../db/columns.ts';

/**
 * Append-only record of every change, written in the transaction that makes the change. The
 * database refuses UPDATE and DELETE on it (trigger in the migrations). Entries are chained by
 * hash in `audit_chain` once their transaction has committed (audit/seal.ts).
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: ts('at').notNull(),
    actorId: uuid('actor_id'),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    unitId: uuid('unit_id'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    /** The transaction that wrote the entry: the chain seals entries in this order. */
    xid: xid8('xid').notNull().default(sql`pg_current_xact_id()`),
    /** `<nonce>.<HMAC>` of the entry's body under the audit key, which the database does not hold (audit/audit-keys.ts); null before migration 0013. */
    mac: text('mac'),
  },
  (t) => [
    index('audit_log_xid_idx').on(t.xid, t.id),
    // A unit administrator's view of the trail, and one record's history, newest first.
    index('audit_log_unit_idx').on(t.unitId, t.id),
    index('audit_log_entity_idx').on(t.entityType, t.entityId, t.id),
    // Officers know a record by its reference number (HK-FS-2026-0042), not its id.
    index('audit_log_reference_idx').on(sql`(${t.data} ->> 'reference')`, t.id),
  ],
);

/**
 * The hash chain over the audit trail, in the order entries were sealed: each link's hash is
 * SHA-256 over the previous link's hash and its entry's canonical JSON (audit/chain.ts).
 * Append-only like the trail; `liaison audit verify` recomputes it.
 */
export const auditChain = pgTable('audit_chain', {
  position: bigint('position', { mode: 'number' }).primaryKey(),
  entryId: bigint('entry_id', { mode: 'number' })
    .notNull()
    .unique()
    .references(() => auditLog.id),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
});
