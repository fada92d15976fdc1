import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/open.ts';
import { searchDocuments, type LocalizedText } from '../db/schema.ts';
import { documentTokens } from './normalise.ts';
import type { SearchKind } from '../../shared/search-kinds.ts';

export type SearchableDocument = {
  /** What it is (the kinds are listed in shared/search-kinds.ts, each named in every language). */
  kind: SearchKind;
  refId: string;
  title: LocalizedText;
  /** The text as written, for snippets; it is indexed together with the title. */
  body: string;
  url: string;
  visibility: 'public' | 'signed_in' | 'units';
  /** With visibility 'units': the only units that may find it. */
  unitIds?: string[];
  /** With visibility 'units': audiences besides the units that may find it (see ServerModule.searchAudiences). */
  audiences?: string[];
  partyCodes?: string[];
  date?: string | null;
};

/**
 * Adds or replaces a document in the search index. Call it in the transaction that changes
 * the record, so the index never shows what the database does not hold.
 */
export async function indexDocument(tx: DbOrTx, doc: SearchableDocument, now: Date): Promise<void> {
  const tokens = documentTokens([doc.title['zh-Hant'], doc.title.en, doc.body].join('\n'));
  const values = {
    kind: doc.kind,
    refId: doc.refId,
    title: doc.title,
    body: doc.body,
    url: doc.url,
    visibility: doc.visibility,
    unitIds: doc.unitIds ?? [],
    partyCodes: doc.partyCodes ?? [],
    audiences: doc.audiences ?? [],
    date: doc.date ?? null,
    tokens: sql`to_tsvector('simple', ${tokens})` as unknown as string,
    updatedAt: now,
  };
  await tx
    .insert(searchDocuments)
    .values(values)
    .onConflictDoUpdate({ target: [searchDocuments.kind, searchDocuments.refId], set: values });
}

export async function removeDocument(tx: DbOrTx, kind: string, refId: string): Promise<void> {
  await tx.delete(searchDocuments).where(and(eq(searchDocuments.kind, kind), eq(searchDocuments.refId, refId)));
}
