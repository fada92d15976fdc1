import { Radio, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { htmlLang, isLocale, locales } from '../../i18n.ts';
import { useLocale } from '../../lib/localized.ts';
import { useChangeLocale } from '../../session.ts';

export function LanguagePanel({ headingId }: { headingId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const changeLocale = useChangeLocale();
  return (
    <Stack gap="xs">
      <Title order={2} size="h4" id={headingId}>
        {t('account.language')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('account.languageHint')}
      </Text>
      <Radio.Group value={locale} onChange={(v) => isLocale(v) && void changeLocale(v)} aria-labelledby={headingId}>
        <Stack gap="xs" mt="xs">
          {locales.map((l) => (
            <Radio key={l} value={l} label={<span lang={htmlLang[l]}>{t(`languages.${l}`)}</span>} />
          ))}
        </Stack>
      </Radio.Group>
    </Stack>
  );
}
