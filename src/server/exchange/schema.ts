import { sql } from 'drizzle-orm';
import { bigserial, boolean, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from '../db/columns.ts';
import { units } from '../directory/schema.ts';

/** A public key of a node, as its anchor gives it (a JWK with its thumbprint as `kid`). */
export type NodePublicKey = { kid: string; jwk: Record<string, string>; createdAt: string; retiredAt: string | null };

/**
 * The Liaison nodes this one knows: itself (`is_self`) and the peers whose signed anchors an
 * operator imported. A node's keys are never dropped, only retired: old messages stay verifiable.
 */
export const exchangeNodes = pgTable('exchange_nodes', {
  id: uuid('id').primaryKey(),
  isSelf: boolean('is_self').notNull().default(false),
  /** The party the node serves (HK, GD, MO…); null for a node that hosts every party (the single-node default). */
  partyCode: text('party_code'),
  name: text('name').notNull(),
  url: text('url').notNull(),
  keys: jsonb('keys').$type<NodePublicKey[]>().notNull(),
  /** The signed anchor as imported (a JWS in general JSON serialization). */
  anchor: text('anchor'),
  importedAt: ts('imported_at').notNull(),
  lastDeliveryAt: ts('last_delivery_at'),
  lastFailureAt: ts('last_failure_at'),
  lastError: text('last_error'),
});

/** Units hosted by a peer node (a unit not listed here is hosted by this node). */
export const exchangeUnitNodes = pgTable('exchange_unit_nodes', {
  unitId: uuid('unit_id')
    .primaryKey()
    .references(() => units.id),
  nodeId: uuid('node_id')
    .notNull()
    .references(() => exchangeNodes.id),
});

/**
 * The outbox: every message this node sends, written in the transaction of the change it
 * carries and signed then; the dispatcher delivers it (to a peer over HTTP, or to this node
 * through the same acceptance path) and keeps the receipt.
 */
export const exchangeMessages = pgTable(
  'exchange_messages',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    id: uuid('id').notNull().unique(),
    kind: text('kind').notNull(),
    toNodeId: uuid('to_node_id')
      .notNull()
      .references(() => exchangeNodes.id),
    fromUnitCode: text('from_unit_code'),
    toUnitCode: text('to_unit_code'),
    subjectType: text('subject_type'),
    subjectId: text('subject_id'),
    /** The message as signed: a compact JWS over the canonical JSON of its envelope. */
    jws: text('jws').notNull(),
    createdAt: ts('created_at').notNull(),
    /** pending → delivered | refused (the peer answered that it will never accept it). */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ts('next_attempt_at').notNull(),
    lastError: text('last_error'),
    deliveredAt: ts('delivered_at'),
    /** The receiver's signed receipt over the message's digest. */
    receipt: text('receipt'),
  },
  (t) => [
    index('exchange_messages_pending_idx').on(t.nextAttemptAt, t.seq).where(sql`status = 'pending'`),
    index('exchange_messages_subject_idx').on(t.subjectType, t.subjectId),
  ],
);

/** Every message this node accepted, with the receipt it answered: a replay gets that receipt again. */
export const exchangeReceived = pgTable(
  'exchange_received',
  {
    messageId: uuid('message_id').primaryKey(),
    fromNodeId: uuid('from_node_id').notNull(),
    kind: text('kind').notNull(),
    subjectType: text('subject_type'),
    subjectId: text('subject_id'),
    jws: text('jws').notNull(),
    receipt: text('receipt').notNull(),
    receivedAt: ts('received_at').notNull(),
  },
  (t) => [index('exchange_received_subject_idx').on(t.subjectType, t.subjectId)],
);

/** Messages refused on arrival (unknown sender, bad signature, not for a unit hosted here, …). */
export const exchangeRefusals = pgTable('exchange_refusals', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  at: ts('at').notNull(),
  /** As the message claims (not verified when the reason is the signature). */
  fromNodeId: text('from_node_id'),
  messageId: text('message_id'),
  reason: text('reason').notNull(),
  detail: text('detail'),
});

/** Peers' audit-chain checkpoints as they sent them: a peer whose history shrank or changed shows here. */
export const exchangeWitnessed = pgTable(
  'exchange_witnessed',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    nodeId: uuid('node_id').notNull(),
    position: integer('position').notNull(),
    hash: text('hash').notNull(),
    at: text('at').notNull(),
    receivedAt: ts('received_at').notNull(),
    /** null, or `truncated` / `rewritten` when it contradicts an earlier checkpoint of the same node. */
    conflict: text('conflict'),
  },
  (t) => [index('exchange_witnessed_node_idx').on(t.nodeId, t.id)],
);
