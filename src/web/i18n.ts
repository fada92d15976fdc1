import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../shared/locales/en/ui.json' with { type: 'json' };
import zhHant from '../shared/locales/zh-Hant/ui.json' with { type: 'json' };
import zhHans from '../shared/locales/zh-Hans/ui.json' with { type: 'json' };
import enNotifications from '../shared/locales/en/ui-notifications.json' with { type: 'json' };
import zhHantNotifications from '../shared/locales/zh-Hant/ui-notifications.json' with { type: 'json' };
import zhHansNotifications from '../shared/locales/zh-Hans/ui-notifications.json' with { type: 'json' };
import enProgress from '../shared/locales/en/ui-progress.json' with { type: 'json' };
import zhHantProgress from '../shared/locales/zh-Hant/ui-progress.json' with { type: 'json' };
import zhHansProgress from '../shared/locales/zh-Hans/ui-progress.json' with { type: 'json' };
import enSchools from '../shared/locales/en/ui-schools.json' with { type: 'json' };
import zhHantSchools from '../shared/locales/zh-Hant/ui-schools.json' with { type: 'json' };
import zhHansSchools from '../shared/locales/zh-Hans/ui-schools.json' with { type: 'json' };
import type { Locale } from './types.ts';

export const locales: Locale[] = ['zh-Hant', 'zh-Hans', 'en'];
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
  // One namespace, kept in a file per area of the app (ui-<area>.json) with its own top-level key.
  resources: {
    en: { ui: { ...en, ...enNotifications, ...enProgress, ...enSchools } },
    'zh-Hant': { ui: { ...zhHant, ...zhHantNotifications, ...zhHantProgress, ...zhHantSchools } },
    'zh-Hans': { ui: { ...zhHans, ...zhHansNotifications, ...zhHansProgress, ...zhHansSchools } },
  },
  lng: initialLocale(),
  ns: ['ui'],
  defaultNS: 'ui',
  fallbackLng: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = htmlLang[currentLocale()];

export default i18next;
