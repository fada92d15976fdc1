import { useTranslation } from 'react-i18next';
import type { BothScripts, Locale, LocalizedText } from '../types.ts';

/** A name or title in the reader's language: English where there is one, else Traditional Chinese. */
export function pickText(text: Partial<LocalizedText> | null | undefined, locale: Locale): string {
  if (!text) return '';
  if (locale === 'en') return text.en || text['zh-Hant'] || text['zh-Hans'] || '';
  return text[locale] || text['zh-Hant'] || text.en || '';
}

/** Chinese text in the reader's script; English readers read the Traditional text as signed. */
export function pickScript(text: BothScripts | null | undefined, locale: Locale): string {
  if (!text) return '';
  return locale === 'zh-Hans' ? text['zh-Hans'] : text['zh-Hant'];
}

export function useLocale(): Locale {
  const { i18n } = useTranslation();
  const lng = i18n.language;
  return lng === 'zh-Hant' || lng === 'zh-Hans' ? lng : 'en';
}

/** `pick(name)` in components: the localized text for the current UI language. */
export function usePick() {
  const locale = useLocale();
  return (text: Partial<LocalizedText> | null | undefined) => pickText(text, locale);
}

/** A unit as a choice in a list: its name in the reader's language (its code is the system's, not the reader's). */
export function useUnitLabel() {
  const pick = usePick();
  return (unit: { name: Partial<LocalizedText>; code: string }) => pick(unit.name);
}

/** Dates as the reader writes them: 2015年9月9日 or 9 September 2015; times in the region's time (UTC+8), wherever the browser is. */
export function formatDate(value: string | null | undefined, locale: Locale): string {
  if (!value) return '';
  const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  const tag = locale === 'zh-Hant' ? 'zh-HK' : locale === 'zh-Hans' ? 'zh-CN' : 'en-GB';
  const withTime = value.length > 10;
  return new Intl.DateTimeFormat(tag, {
    dateStyle: 'long',
    ...(withTime ? { timeStyle: 'short', timeZone: 'Asia/Hong_Kong' } : { timeZone: 'UTC' }),
  }).format(date);
}
