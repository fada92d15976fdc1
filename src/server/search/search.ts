import { and, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Context, Viewer } from '../platform/context.ts';
import { searchDocuments } from '../db/schema.ts';
import { normalise, queryExpression } from './normalise.ts';
import { toSimplified, toTraditional } from '../../shared/script.ts';
import { walkingIndexes } from '../db/planner.ts';

export type SearchOptions = {
  viewer: Viewer | null;
  /** The audiences the viewer belongs to besides their unit (ServerModule.searchAudiences). */
  audiences?: string[];
  q: string;
  kinds?: string[];
  partyCode?: string;
  limit: number;
  offset: number;
  /** Snippets are given in the reader's script; English readers get them as written. */
  locale?: 'zh-Hant' | 'zh-Hans' | 'en';
};

/**
 * Who may find what: anyone finds public documents, users also those for signed-in users, their
 * unit's, and those of the audiences they belong to (a school coordinator, of no unit: their
 * school's pairs).
 */
function visibleTo(viewer: Viewer | null, audiences: string[]): SQL {
  const publicDocs = eq(searchDocuments.visibility, 'public');
  if (!viewer) return publicDocs;
  const own = viewer.unitId
    ? and(eq(searchDocuments.visibility, 'units'), sql`${viewer.unitId}::uuid = any(${searchDocuments.unitIds})`)
    : undefined;
  const reached = audiences.length
    ? and(eq(searchDocuments.visibility, 'units'), sql`${searchDocuments.audiences} && array[${sql.join(audiences.map((a) => sql`${a}`), sql`, `)}]::text[]`)
    : undefined;
  return or(publicDocs, eq(searchDocuments.visibility, 'signed_in'), own, reached)!;
}

/** A short piece of the body around the first place the query occurs, in the text as written. */
export function snippet(body: string, q: string, width = 120): string {
  const flat = body.replace(/\s*\n\s*/g, ' ');
  const needle = normalise(q.trim().split(/\s+/)[0] ?? '');
  const at = needle ? normalise(flat).indexOf(needle) : -1;
  const start = Math.max(0, (at < 0 ? 0 : at) - Math.floor(width / 3));
  const piece = flat.slice(start, start + width);
  return (start > 0 ? '…' : '') + piece + (start + width < flat.length ? '…' : '');
}

const inReaderScript = (text: string, locale: SearchOptions['locale']) =>
  locale === 'zh-Hans' ? toSimplified(text) : locale === 'zh-Hant' ? toTraditional(text) : text;

/** Up to this many matches are ranked by relevance; beyond it they are listed newest first. */
export const RANKED_MATCHES = 1000;

/**
 * Search: matches are counted up to RANKED_MATCHES, and `more` says there are more (as the
 * notification listings say it). Up to RANKED_MATCHES are ranked by
 * relevance; more than that (a common word: 香港 is in a third of all notifications) are
 * listed newest first along the date index, which finds a page of them after reading a few
 * dozen rows instead of ranking tens of thousands. The answer says which order it used.
 */
export async function search(ctx: Context, options: SearchOptions) {
  const expression = queryExpression(options.q);
  if (!expression) return { total: 0, more: false, order: 'relevance' as const, results: [] };
  const query = sql`to_tsquery('simple', ${expression})`;
  const where = and(
    sql`${searchDocuments.tokens} @@ ${query}`,
    visibleTo(options.viewer, options.audiences ?? []),
    options.kinds?.length ? inArray(searchDocuments.kind, options.kinds) : undefined,
    options.partyCode ? sql`${options.partyCode} = any(${searchDocuments.partyCodes})` : undefined,
  );
  const [{ total }] = await ctx.db
    .select({ total: sql<number>`count(*)::int` })
    .from(ctx.db.select({ one: sql`1` }).from(searchDocuments).where(where).limit(RANKED_MATCHES + 1).as('capped'));
  const order = Number(total) > RANKED_MATCHES ? ('newest' as const) : ('relevance' as const);
  const columns = {
    kind: searchDocuments.kind,
    refId: searchDocuments.refId,
    title: searchDocuments.title,
    body: searchDocuments.body,
    url: searchDocuments.url,
    date: searchDocuments.date,
  };
  const rows =
    order === 'relevance'
      ? await ctx.db
          .select(columns)
          .from(searchDocuments)
          .where(where)
          .orderBy(desc(sql`ts_rank(${searchDocuments.tokens}, ${query})`), searchDocuments.id)
          .limit(options.limit)
          .offset(options.offset)
      : await walkingIndexes(ctx.db, (db) =>
          db
            .select(columns)
            .from(searchDocuments)
            .where(where)
            // As search_documents_newest_idx is ordered.
            .orderBy(sql`${searchDocuments.date} desc nulls last`, sql`${searchDocuments.id} desc nulls last`)
            .limit(options.limit)
            .offset(options.offset),
        );
  return {
    total: Math.min(Number(total), RANKED_MATCHES),
    more: Number(total) > RANKED_MATCHES,
    order,
    results: rows.map((r) => ({ kind: r.kind, id: r.refId, title: r.title, snippet: inReaderScript(snippet(r.body, options.q), options.locale), url: r.url, date: r.date })),
  };
}
