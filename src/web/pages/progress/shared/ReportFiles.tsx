import { Anchor, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { htmlLang } from '../../../i18n.ts';
import { reportFileUrl } from '../progressApi.ts';
import { reportLocales } from '../types.ts';

/** The report as PDF (downloaded) and as a web page (opened), in each of the three languages. */
export function ReportFiles({ id }: { id: string }) {
  const { t } = useTranslation();
  const rows = [
    { format: 'pdf' as const, label: t('progress.files.pdf') },
    { format: 'html' as const, label: t('progress.files.html') },
  ];
  return (
    <Stack component="dl" m={0} gap="xs">
      {rows.map(({ format, label }) => (
        <Group key={format} gap="sm" align="baseline" wrap="wrap">
          <Text component="dt" size="sm" fw={600} miw={90}>
            {label}
          </Text>
          <Group component="dd" m={0} gap="sm">
            {reportLocales.map((lang) => (
              <Anchor
                key={lang}
                href={reportFileUrl(id, format, lang)}
                size="sm"
                hrefLang={htmlLang[lang]}
                {...(format === 'pdf' ? { download: true } : { target: '_blank', rel: 'noopener' })}
                aria-label={t('progress.files.link', { format: label, language: t(`progress.lang.${lang}`) })}
              >
                <span lang={htmlLang[lang]}>{t(`progress.lang.${lang}`)}</span>
              </Anchor>
            ))}
          </Group>
        </Group>
      ))}
    </Stack>
  );
}
