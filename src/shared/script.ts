import * as OpenCC from 'opencc-js';

/**
 * Traditional (Hong Kong) <-> Simplified (Mainland) conversion with opencc-js. Building a
 * converter costs ~130 ms, so each is built once, on first use.
 */
let toHans: ((text: string) => string) | null = null;
let toHant: ((text: string) => string) | null = null;

export function toSimplified(text: string): string {
  const convert = (toHans ??= OpenCC.Converter({ from: 'hk', to: 'cn' }));
  return convert(text);
}

export function toTraditional(text: string): string {
  const convert = (toHant ??= OpenCC.Converter({ from: 'cn', to: 'hk' }));
  return convert(text);
}

export type Script = 'zh-Hant' | 'zh-Hans';

/** A Chinese text in the reader's script; English readers get the text as written. */
export function inScript(text: string, script: Script | 'en', writtenIn: Script = 'zh-Hant'): string {
  if (script === 'en' || script === writtenIn) return text;
  return script === 'zh-Hans' ? toSimplified(text) : toTraditional(text);
}

/**
 * The script a text is plainly written in: it has at least two characters only that script uses
 * and none only the other uses. Null when it has neither (English, or characters both scripts
 * share) or both (a quotation from the other side): then nothing can be said.
 */
export function writtenScript(text: string): Script | null {
  const chars = [...new Set(text.match(/\p{Script=Han}/gu) ?? [])];
  if (chars.length === 0) return null;
  // One character a line, so that no phrase joins them: each is converted on its own.
  const asSimplified = toSimplified(chars.join('\n')).split('\n');
  const asTraditional = toTraditional(chars.join('\n')).split('\n');
  let traditionalOnly = 0;
  let simplifiedOnly = 0;
  chars.forEach((c, i) => {
    const changesToSimplified = asSimplified[i] !== c;
    const changesToTraditional = asTraditional[i] !== c;
    if (changesToSimplified && !changesToTraditional) traditionalOnly++;
    if (changesToTraditional && !changesToSimplified) simplifiedOnly++;
  });
  if (traditionalOnly >= 2 && simplifiedOnly === 0) return 'zh-Hant';
  if (simplifiedOnly >= 2 && traditionalOnly === 0) return 'zh-Hans';
  return null;
}
