import { sql } from 'drizzle-orm';
import { bigserial, date, index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { LocalizedText } from '../db/columns.ts';
import { tsvector, ts } from '../db/columns.ts';

/**
 * One row per searchable thing. `tokens` holds normalised CJK bigrams and Latin words
 * (see search/normalise.ts); who may see a row is decided by `visibility`, `unit_ids` and `audiences`.
 */
export const searchDocuments = pgTable(
  'search_documents',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kind: text('kind').notNull(),
    refId: text('ref_id').notNull(),
    title: jsonb('title').$type<LocalizedText>().notNull(),
    body: text('body').notNull(),
    url: text('url').notNull(),
    /** 'public' (anyone), 'signed_in' (any account), or 'units' (only unit_ids). */
    visibility: text('visibility').notNull(),
    unitIds: uuid('unit_ids').array().notNull().default(sql`'{}'::uuid[]`),
    partyCodes: text('party_codes').array().notNull().default(sql`'{}'::text[]`),
    /**
     * With visibility 'units', who else may find it: audiences a module names and tells search
     * who belongs to (a sister-school pair's records: `school:<id>` of its two schools, whose
     * coordinators belong to no liaison unit).
     */
    audiences: text('audiences').array().notNull().default(sql`'{}'::text[]`),
    date: date('date'),
    tokens: tsvector('tokens').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('search_documents_ref_key').on(t.kind, t.refId),
    // Without a pending list: with one, the write that fills it (4 MB) merges it into the index
    // and waits the whole time, and every search reads it from end to end until then.
    index('search_documents_tokens_idx').using('gin', t.tokens).with({ fastupdate: false }),
    // Newest first, for a query that matches too many records to rank (search/search.ts).
    index('search_documents_newest_idx').on(t.date.desc().nullsLast(), t.id.desc()),
  ],
);
