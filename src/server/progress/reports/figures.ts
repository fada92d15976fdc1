import { reportT, type Locale } from '../../../shared/i18n.ts';

/** Figures as the paper writes them: "over 530", "HK$25 million", "超過 2,400 個項目", "2,500萬港元". */
export function formatNumber(value: number, locale: Locale): string {
  return value.toLocaleString(locale === 'en' ? 'en-GB' : 'zh-HK', { maximumFractionDigits: 2 });
}

function money(value: number, locale: Locale): string {
  if (locale === 'en') return value >= 1_000_000 ? `HK$${formatNumber(value / 1_000_000, locale)} million` : `HK$${formatNumber(value, locale)}`;
  // Chinese counts in 萬 (10⁴) and from 億 (10⁸) up: $150 million is 1.5億港元, not 15,000萬港元.
  if (value >= 100_000_000) return `${formatNumber(value / 100_000_000, locale)}${locale === 'zh-Hant' ? '億港元' : '亿港元'}`;
  const word = locale === 'zh-Hant' ? '萬港元' : '万港元';
  return value >= 10_000 ? `${formatNumber(value / 10_000, locale)}${word}` : `${formatNumber(value, locale)}港元`;
}

export function formatFigure(figure: { value: number; qualifier: string; unit: string }, locale: Locale): string {
  const t = reportT(locale);
  const amount = figure.unit === 'HKD' ? money(figure.value, locale) : formatNumber(figure.value, locale);
  const qualified = t(`qualifier.${figure.qualifier}`, { n: amount, defaultValue: amount });
  if (figure.unit === 'HKD') return qualified;
  // The word agrees with the number by the language's plural rules: "1 law firm", "7 law firms", "7家律師事務所".
  const unit = t(`unit.${figure.unit}`, { count: figure.value, defaultValue: figure.unit });
  return locale === 'en' ? `${qualified} ${unit}` : `${qualified}${unit}`;
}

export function formatPercent(fraction: number | null): string {
  return fraction === null ? '—' : `${Math.round(fraction * 100)}%`;
}

/** Report dates: 31 October 2015 / 2015年10月31日. */
export function formatDay(day: string, locale: Locale): string {
  const [y, m, d] = day.split('-').map(Number);
  if (locale === 'en') return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return `${y}年${m}月${d}日`;
}
