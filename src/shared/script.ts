import * as OpenCC from 'opencc-js';
import { judgeScript, type Script } from './written-script.ts';

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

export type { Script };

/** A Chinese text in the reader's script; English readers get the text as written. */
export function inScript(text: string, script: Script | 'en', writtenIn: Script = 'zh-Hant'): string {
  if (script === 'en' || script === writtenIn) return text;
  return script === 'zh-Hans' ? toSimplified(text) : toTraditional(text);
}

/** The script a text is plainly written in, or null (see judgeScript). */
export const writtenScript = (text: string): Script | null => judgeScript(text, toSimplified, toTraditional);
