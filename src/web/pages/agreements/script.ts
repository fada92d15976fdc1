import type { Locale } from '../../types.ts';

/** How the agreement text is shown: as signed in Traditional, in Simplified, or both side by side. */
export type ScriptView = 'hant' | 'hans' | 'both';

export const scriptViews: ScriptView[] = ['hant', 'hans', 'both'];

export function isScriptView(value: unknown): value is ScriptView {
  return value === 'hant' || value === 'hans' || value === 'both';
}

/** Mainland readers start in Simplified, everyone else in Traditional, the script the agreements were signed in. */
export function defaultScriptView(locale: Locale): ScriptView {
  return locale === 'zh-Hans' ? 'hans' : 'hant';
}

export const scriptLang = { 'zh-Hant': 'zh-Hant-HK', 'zh-Hans': 'zh-Hans-CN' } as const;

/** One paragraph per line, as the clause parser leaves it. */
export function paragraphs(text: string): string[] {
  return text
    .split('\n')
    .map((p) => p.trim())
    .filter(Boolean);
}
