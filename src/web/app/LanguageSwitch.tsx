import { SegmentedControl, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../lib/localized.ts';
import { useChangeLocale } from '../session.ts';
import { htmlLang, isLocale, locales } from '../i18n.ts';

/** 繁 / 简 / EN: each language is named in itself, and the choice is remembered. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const locale = useLocale();
  const changeLocale = useChangeLocale();
  const short = { 'zh-Hant': t('languages.shortHant'), 'zh-Hans': t('languages.shortHans'), en: t('languages.shortEn') };
  const full = { 'zh-Hant': t('languages.zh-Hant'), 'zh-Hans': t('languages.zh-Hans'), en: t('languages.en') };
  return (
    <div role="group" aria-label={t('languages.label')}>
      <SegmentedControl
        size="xs"
        value={locale}
        onChange={(value) => isLocale(value) && void changeLocale(value)}
        data={locales.map((l) => ({
          value: l,
          label: (
            <span lang={htmlLang[l]}>
              <span aria-hidden="true">{short[l]}</span>
              <VisuallyHidden>{full[l]}</VisuallyHidden>
            </span>
          ),
        }))}
      />
    </div>
  );
}
