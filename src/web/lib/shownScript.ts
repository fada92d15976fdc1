import { useEffect, useState } from 'react';
import { useLocale } from './localized.ts';
import { useMe } from '../session.ts';
import type { Locale } from '../types.ts';
import type { Script } from '../../shared/script.ts';

export { scriptLang } from '../pages/agreements/script.ts';

/**
 * The script a reader starts in: Mainland readers Simplified, Hong Kong readers Traditional,
 * English readers the script the author wrote in, which is the authoritative text.
 */
export function readerScript(locale: Locale, authoritative: Script): Script {
  if (locale === 'zh-Hans' || locale === 'zh-Hant') return locale;
  return authoritative;
}

/** The script shown on a page, which the reader may switch; a change of UI language starts over. */
export function useShownScript(authoritative: Script): [Script, (script: Script) => void] {
  const locale = useLocale();
  const [chosen, setChosen] = useState<Script | null>(null);
  useEffect(() => setChosen(null), [locale]);
  return [chosen ?? readerScript(locale, authoritative), setChosen];
}

/**
 * The script an officer writes in by default: their side's — Simplified on the Mainland (GD, GZ),
 * Traditional in Hong Kong and Macao — whatever the language of their screens; without a unit,
 * that of the UI language (Traditional for English). The server refuses a text plainly written
 * in the other script than the one chosen.
 */
export function writingScript(locale: Locale, partyCode?: string | null): Script {
  if (partyCode === 'GD' || partyCode === 'GZ') return 'zh-Hans';
  if (partyCode === 'HK' || partyCode === 'MO') return 'zh-Hant';
  return locale === 'zh-Hans' ? 'zh-Hans' : 'zh-Hant';
}

/** writingScript for the signed-in officer. */
export function useWritingScript(): Script {
  const { me } = useMe();
  return writingScript(useLocale(), me?.unit?.partyCode);
}

/** A text given in both scripts, in the reader's. */
export function inReaderScript<T>(both: Record<Script, T>, locale: Locale, authoritative: Script): T {
  return both[readerScript(locale, authoritative)];
}
