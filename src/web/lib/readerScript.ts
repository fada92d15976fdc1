import { useEffect, useState } from 'react';
import { useLocale } from './localized.ts';

type Convert = (text: string) => string;
let toSimplified: Promise<Convert> | null = null;

/**
 * Text as written (usually Traditional) in the Mainland reader's script. The Traditional →
 * Simplified converter is loaded on first need only (about 100 kB), so other readers never fetch it.
 */
function loadToSimplified(): Promise<Convert> {
  toSimplified ??= import('opencc-js/t2cn').then((OpenCC) => OpenCC.Converter({ from: 'hk', to: 'cn' }));
  return toSimplified;
}

export function useReaderScript(texts: string[]): string[] {
  const locale = useLocale();
  const [converted, setConverted] = useState<string[] | null>(null);
  const key = texts.join('\u0000');
  useEffect(() => {
    setConverted(null);
    if (locale !== 'zh-Hans' || !texts.length) return;
    let current = true;
    void loadToSimplified().then((convert) => current && setConverted(texts.map(convert)));
    return () => {
      current = false;
    };
    // `texts` is a new array on every render: compare it by content (`key`), not by identity.
  }, [locale, key]);
  return locale === 'zh-Hans' && converted ? converted : texts;
}
