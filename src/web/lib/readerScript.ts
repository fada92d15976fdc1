import { useEffect, useState } from 'react';
import { judgeScript } from '../../shared/written-script.ts';
import { useLocale } from './localized.ts';

type Convert = (text: string) => string;
let toSimplified: Promise<Convert> | null = null;
let toTraditional: Promise<Convert> | null = null;

/**
 * Text as written in the reader's script: a Mainland reader reads Traditional text in
 * Simplified, a Hong Kong or Macao reader Simplified text in Traditional. The converters are
 * loaded on first need only (about 100 kB each), so an English reader never fetches them.
 */
function loadToSimplified(): Promise<Convert> {
  toSimplified ??= import('opencc-js/t2cn').then((OpenCC) => OpenCC.Converter({ from: 'hk', to: 'cn' }));
  return toSimplified;
}

/**
 * To Traditional, only a text plainly written in Simplified (judged as the server judges it): a
 * short text of characters both scripts use — 余慧, 范先生, 制作流程.pdf — is left as written,
 * since converting it would turn names into other names.
 */
function loadToTraditional(): Promise<Convert> {
  toTraditional ??= Promise.all([loadToSimplified(), import('opencc-js/cn2t').then((OpenCC) => OpenCC.Converter({ from: 'cn', to: 'hk' }))]).then(
    ([simplify, convert]) =>
      (text: string) =>
        judgeScript(text, simplify, convert) === 'zh-Hans' ? convert(text) : text,
  );
  return toTraditional;
}

/** The conversion a reader of this language needs (none for English). */
export const converterFor = (locale: string): Promise<Convert> => (locale === 'zh-Hans' ? loadToSimplified() : locale === 'zh-Hant' ? loadToTraditional() : Promise.resolve((text: string) => text));

export function useReaderScript(texts: string[]): string[] {
  const locale = useLocale();
  const [converted, setConverted] = useState<string[] | null>(null);
  const key = texts.join('\u0000');
  useEffect(() => {
    setConverted(null);
    if (locale === 'en' || !texts.length) return;
    let current = true;
    void converterFor(locale).then((convert) => current && setConverted(texts.map(convert)));
    return () => {
      current = false;
    };
    // `texts` is a new array on every render: compare it by content (`key`), not by identity.
  }, [locale, key]);
  return locale !== 'en' && converted ? converted : texts;
}
