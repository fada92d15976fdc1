import { useTranslation } from 'react-i18next';
import { formatDate, useLocale } from '../../../lib/localized.ts';

const schoolYear = /^\d{4}\/\d{2}$/;

/**
 * Figures as the paper writes them, in the reader's language: "over 530 young people",
 * "HK$25 million", "超過 2,400個項目", "2,500萬港元"; periods as "2014/15 school year" / "2014/15學年".
 */
export function useFigures() {
  const { t } = useTranslation();
  const locale = useLocale();
  const number = (value: number) => value.toLocaleString(locale === 'en' ? 'en-GB' : 'zh-HK', { maximumFractionDigits: 2 });
  // English counts money in millions, Chinese in 萬 (ten thousands).
  const large = locale === 'en' ? 1_000_000 : 10_000;
  // … and from 億 (10⁸) up: $150 million is 1.5億港元, not 15,000萬港元.
  const money = (value: number) =>
    locale !== 'en' && value >= 100_000_000
      ? t('progress.money.hundredMillions', { n: number(value / 100_000_000) })
      : value >= large
        ? t('progress.money.large', { n: number(value / large) })
        : t('progress.money.small', { n: number(value) });

  const figure = (value: number, qualifier: string, unit: string) => {
    const amount = unit === 'HKD' ? money(value) : number(value);
    const qualified = t(`progress.qualifier.${qualifier}`, { n: amount, defaultValue: amount });
    if (unit === 'HKD') return qualified;
    // The word agrees with the number by the language's plural rules: "1 law firm", "7 law firms".
    return t('progress.figureWithUnit', { figure: qualified, unit: t(`progress.unit.${unit}`, { count: value, defaultValue: unit }) });
  };

  const period = (text: string) => (schoolYear.test(text) ? t('progress.period.schoolYear', { period: text }) : t('progress.period.year', { period: text }));

  /** When a figure was true: its school year or year, else its day. */
  const when = (m: { period: string | null; date?: string | null; asOf: string }) => (m.period ? period(m.period) : formatDate(m.date ?? m.asOf, locale));

  const percent = (fraction: number | null) => (fraction === null ? '—' : `${Math.round(fraction * 100)}%`);

  return { number, figure, period, when, percent };
}
