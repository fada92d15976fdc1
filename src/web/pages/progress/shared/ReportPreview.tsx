import { useState } from 'react';
import { SegmentedControl, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../lib/localized.ts';
import type { Locale } from '../../../types.ts';
import { reportFileUrl } from '../progressApi.ts';
import { reportLocales } from '../types.ts';

/**
 * The report as the server renders it (the page that is printed to PDF), in a language of the
 * reader's choice; `version` reloads it after the narrative is saved.
 */
export function ReportPreview({ id, version }: { id: string; version: number }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [lang, setLang] = useState<Locale>(locale);
  const language = t(`progress.lang.${lang}`);
  return (
    <Stack gap="xs" component="section" aria-labelledby="report-preview-heading">
      <Title order={3} size="h4" id="report-preview-heading">
        {t('progress.preview.title')}
      </Title>
      <div role="group" aria-label={t('progress.preview.language')}>
        <SegmentedControl value={lang} onChange={(v) => setLang(v as Locale)} data={reportLocales.map((l) => ({ value: l, label: t(`progress.lang.${l}`) }))} />
      </div>
      <iframe
        key={`${lang}-${version}`}
        src={`${reportFileUrl(id, 'html', lang)}&v=${version}`}
        title={t('progress.preview.frame', { language })}
        style={{ width: '100%', height: '70vh', border: '1px solid var(--mantine-color-gray-4)', borderRadius: 4, background: 'white' }}
      />
    </Stack>
  );
}
