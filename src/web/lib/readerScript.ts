import { useEffect, useState } from 'react';
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

/** To Traditional, only a text with no Traditional-only character: one already in Traditional is left as written. */
function loadToTraditional(): Promise<Convert> {
  toTraditional ??= Promise.all([loadToSimplified(), import('opencc-js/cn2t').then((OpenCC) => OpenCC.Converter({ from: 'cn', to: 'hk' }))]).then(
    ([simplify, convert]) =>
      (text: string) =>
        simplify(text) === text ? convert(text) : text,
  );
  return toTraditional;
}

export function useReaderScript(texts: string[]): string[] {
  const locale = useLocale();
  const [converted, setConverted] = useState<string[] | null>(null);
  const key = texts.join('\u0000');
  useEffect(() => {
    setConverted(null);
    if (locale === 'en' || !texts.length) return;
    let current = true;
    void (locale === 'zh-Hans' ? loadToSimplified() : loadToTraditional()).then((convert) => current && setConverted(texts.map(convert)));
    return () => {
      current = false;
    };
    // `texts` is a new array on every render: compare it by content (`key`), not by identity.
  }, [locale, key]);
  return locale !== 'en' && converted ? converted : texts;
}
