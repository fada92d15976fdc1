import { toSimplified } from '../../shared/script.ts';

/**
 * Search text normalisation, identical for documents and queries and for both database
 * engines: NFKC (full-width Latin and digits become ASCII), lower case, Traditional to
 * Simplified, then CJK runs become overlapping character bigrams and Latin runs become words.
 * pg_trgm cannot index two-character Chinese words such as 香港, bigrams can.
 */
const CJK_CLASS = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}';
const CJK = new RegExp(`[${CJK_CLASS}]`, 'u');
const TOKEN = new RegExp(`[${CJK_CLASS}]+|(?:(?![${CJK_CLASS}])[\\p{L}\\p{N}])+`, 'gu');

export function normalise(text: string): string {
  return toSimplified(text.normalize('NFKC').toLowerCase());
}

/** The tokens of a text, in order: bigrams of each CJK run (a lone character stays as is), and words. */
export function tokenise(text: string): string[] {
  const tokens: string[] = [];
  for (const match of normalise(text).matchAll(TOKEN)) {
    const run = match[0];
    if (!CJK.test(run[0])) {
      tokens.push(run);
      continue;
    }
    const chars = Array.from(run);
    if (chars.length === 1) tokens.push(chars[0]);
    for (let i = 0; i + 1 < chars.length; i++) tokens.push(chars[i] + chars[i + 1]);
  }
  return tokens;
}

/** The document side: tokens joined by spaces, fed to to_tsvector('simple', …). */
export function documentTokens(text: string): string {
  return tokenise(text).join(' ');
}

/**
 * The query side, as a to_tsquery('simple', …) expression: each run of the query must occur
 * as a phrase (its bigrams adjacent), and all runs must occur. A single CJK character matches
 * any bigram that starts with it. Returns null for a query with nothing searchable.
 */
export function queryExpression(query: string): string | null {
  const parts: string[] = [];
  for (const match of normalise(query).matchAll(TOKEN)) {
    const run = match[0];
    const chars = Array.from(run);
    if (!CJK.test(run[0])) {
      parts.push(`'${run}':*`);
    } else if (chars.length === 1) {
      parts.push(`'${run}':*`);
    } else {
      const bigrams = chars.slice(0, -1).map((c, i) => `'${c}${chars[i + 1]}'`);
      parts.push(bigrams.length === 1 ? bigrams[0] : `(${bigrams.join(' <-> ')})`);
    }
  }
  return parts.length ? parts.join(' & ') : null;
}
