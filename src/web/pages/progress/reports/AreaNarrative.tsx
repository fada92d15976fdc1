import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Code, Group, List, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { htmlLang } from '../../../i18n.ts';
import { fieldErrors } from '../../../lib/forms.ts';
import { usePick } from '../../../lib/localized.ts';
import { ErrorNotice } from '../../../components/status.tsx';
import { Saved } from '../../../components/Saved.tsx';
import { useFormState } from '../../../lib/useFormState.ts';
import { progressApi, progressKeys } from '../progressApi.ts';
import { useFigures } from '../shared/figures.ts';
import { narrativeLocales, type Area, type Indicator, type Report } from '../types.ts';

type Props = { report: Report; area: Area; indicators: Indicator[] };

const blank = { achieved: '', next: '' };

/** One area's narrative: what was achieved and what comes next, in both languages, with the figures it may quote. */
export function AreaNarrative({ report, area, indicators }: Props) {
  const { t } = useTranslation();
  const pick = usePick();
  const client = useQueryClient();
  const { figure } = useFigures();
  const saved = report.narrative[area.code] ?? {};
  const form = useFormState({ en: saved.en ?? blank, 'zh-Hant': saved['zh-Hant'] ?? blank });

  const save = useMutation({
    mutationFn: () => progressApi.updateReport(report.id, { narrative: { [area.code]: form.values } }),
    onSuccess: (updated) => client.setQueryData(progressKeys.report(report.id), updated),
  });
  const fieldError = fieldErrors(save.error);
  const edit = (lang: (typeof narrativeLocales)[number], part: 'achieved' | 'next') => ({
    value: form.values[lang][part],
    onChange: (e: { currentTarget: { value: string } }) => form.set(lang)({ ...form.values[lang], [part]: e.currentTarget.value }),
    error: fieldError(`narrative.${area.code}.${lang}.${part}`),
  });

  return (
    <form
      noValidate
      aria-label={t('progress.narrative.formLabel', { area: pick(area.name) })}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Stack gap="sm">
        <ErrorNotice error={save.error} />
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {narrativeLocales.map((lang) => {
            const language = t(`progress.lang.${lang}`);
            return (
              <Stack key={lang} gap="xs">
                <Textarea label={t('progress.narrative.achieved', { language })} lang={htmlLang[lang]} autosize minRows={4} maxRows={16} {...edit(lang, 'achieved')} />
                <Textarea label={t('progress.narrative.next', { language })} lang={htmlLang[lang]} autosize minRows={3} maxRows={12} {...edit(lang, 'next')} />
              </Stack>
            );
          })}
        </SimpleGrid>
        {indicators.length > 0 && (
          <div>
            <Text size="sm" fw={600}>
              {t('progress.narrative.figures')}
            </Text>
            <List size="sm" spacing={2}>
              {indicators.map((i) => (
                <List.Item key={i.code}>
                  <Code>{`{{figure:${i.code}}}`}</Code> {pick(i.name)}
                  {t('progress.narrative.figureNow', { figure: i.current ? figure(i.current.value, i.current.qualifier, i.unit) : t('progress.indicator.noFigure') })}
                </List.Item>
              ))}
            </List>
          </div>
        )}
        <Saved show={save.isSuccess}>{t('progress.narrative.saved')}</Saved>
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('progress.narrative.save', { area: pick(area.name) })}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
