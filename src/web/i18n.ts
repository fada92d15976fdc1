import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { uiLocaleFiles } from '../shared/modules.ts';
import type { Locale } from './types.ts';

export const locales: Locale[] = ['zh-Hant', 'zh-Hans', 'en'];

const localeFiles = import.meta.glob<Record<string, unknown>>('../shared/locales/*/ui*.json', { eager: true, import: 'default' });
/** The `ui` namespace of a language: every module's locale file merged. */
const uiResources = (locale: Locale) => Object.assign({}, ...uiLocaleFiles.map((name) => localeFiles[`../shared/locales/${locale}/${name}.json`]));
const storageKey = 'liaison.locale';

/** The `lang` of the page: Hong Kong Traditional, Mainland Simplified, or English. */
export const htmlLang: Record<Locale, string> = { 'zh-Hant': 'zh-Hant-HK', 'zh-Hans': 'zh-Hans-CN', en: 'en' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as string[]).includes(value);
}

/** zh-HK/TW/MO → Traditional, other Chinese → Simplified, English → English. */
function localeFromTag(tag: string): Locale | null {
  const t = tag.toLowerCase();
  if (t.startsWith('en')) return 'en';
  if (!t.startsWith('zh')) return null;
  return /hant|-hk|-tw|-mo/.test(t) ? 'zh-Hant' : 'zh-Hans';
}

/** The language before anyone has chosen: the last choice on this browser, else the browser's languages. */
function initialLocale(): Locale {
  const stored = localStorage.getItem(storageKey);
  if (isLocale(stored)) return stored;
  for (const tag of navigator.languages ?? []) {
    const locale = localeFromTag(tag);
    if (locale) return locale;
  }
  return 'en';
}

export function currentLocale(): Locale {
  return isLocale(i18next.language) ? i18next.language : 'en';
}

/** Switches the UI language, remembers it on this browser, and marks up the page for it. */
export async function applyLocale(locale: Locale): Promise<void> {
  localStorage.setItem(storageKey, locale);
  await i18next.changeLanguage(locale);
}

i18next.on('languageChanged', (lng) => {
  if (isLocale(lng)) document.documentElement.lang = htmlLang[lng];
});

await i18next.use(initReactI18next).init({
  // One namespace, kept in ui.json and a file per module (ui-<module>.json, each with its own
  // top-level key), as the modules list them in their manifests (src/shared/modules/).
  resources: Object.fromEntries(locales.map((locale) => [locale, { ui: uiResources(locale) }])),
  lng: initialLocale(),
  ns: ['ui'],
  defaultNS: 'ui',
  fallbackLng: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = htmlLang[currentLocale()];

export default i18next;
