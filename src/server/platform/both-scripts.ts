import { inScript, toSimplified, toTraditional, writtenScript, type Script } from '../../shared/script.ts';
import { AppError } from './errors.ts';

// Both scripts: every Chinese text is kept as written and in the other script, for the readers
// on the other side of the boundary.

/**
 * Refuses texts marked as written in one script that are plainly written in the other: their
 * conversion would do nothing, and readers of the other side would read the wrong script.
 */
export function requireWrittenIn(script: Script, ...texts: string[]) {
  const found = writtenScript(texts.join('\n'));
  if (found && found !== script) throw new AppError('validation.failed', { fields: [{ field: 'script', code: found === 'zh-Hans' ? 'written_in_hans' : 'written_in_hant' }] });
}

/** A text as written, with its counterpart in the other script (phrase-level OpenCC, Hong Kong ↔ Mainland). */
export function inBothScripts(script: 'zh-Hant' | 'zh-Hans', text: string) {
  requireWrittenIn(script, text);
  return script === 'zh-Hant' ? { hant: text, hans: toSimplified(text) } : { hant: toTraditional(text), hans: text };
}

/** Names are read far more often than written: each conversion is kept (up to 50 000 names). */
const conversions = new Map<string, string>();
function converted(text: string, to: Script, from: Script) {
  if (to === from) return text;
  const key = `${to}\u0000${text}`;
  let found = conversions.get(key);
  if (found === undefined) {
    found = inScript(text, to, from);
    if (conversions.size >= 50_000) conversions.clear();
    conversions.set(key, found);
  }
  return found;
}

/** A name (a school's, a ship's, a company's) as written, in the other script for its readers, and in English. */
export function nameInBothScripts(asWritten: string, writtenIn: Script, en: string) {
  return { 'zh-Hant': converted(asWritten, 'zh-Hant', writtenIn), 'zh-Hans': converted(asWritten, 'zh-Hans', writtenIn), en, asWritten };
}
