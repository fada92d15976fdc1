import { useEffect, useState } from 'react';
import type { Script } from '../../shared/script.ts';

type Convert = (text: string) => string;
const converters: Partial<Record<Script, Promise<Convert>>> = {};

/** The converter into a script, loaded on first need only (opencc's tables are large). */
function converterTo(target: Script): Promise<Convert> {
  converters[target] ??=
    target === 'zh-Hans'
      ? import('opencc-js/t2cn').then((OpenCC) => OpenCC.Converter({ from: 'hk', to: 'cn' }))
      : import('opencc-js/cn2t').then((OpenCC) => OpenCC.Converter({ from: 'cn', to: 'hk' }));
  return converters[target];
}

/**
 * Texts the server keeps only as written (product names, places) in the shown script. Until
 * the converter has loaded, and when nothing needs converting, the texts as written.
 */
export function useInScript(texts: string[], writtenIn: Script, shown: Script): string[] {
  const [converted, setConverted] = useState<{ key: string; texts: string[] } | null>(null);
  const key = `${shown}\u0001${texts.join('\u0000')}`;
  const needed = writtenIn !== shown && texts.some(Boolean);
  useEffect(() => {
    if (!needed) return;
    let current = true;
    void converterTo(shown).then((convert) => current && setConverted({ key, texts: texts.map(convert) }));
    return () => {
      current = false;
    };
    // `texts` is a new array on every render: compare it by content (`key`), not by identity.
  }, [key, needed]);
  return needed && converted?.key === key ? converted.texts : texts;
}
