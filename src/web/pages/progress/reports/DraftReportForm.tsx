import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Checkbox, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { fieldErrors } from '../../../lib/forms.ts';
import { useLocale, usePick } from '../../../lib/localized.ts';
import { converterFor } from '../../../lib/readerScript.ts';
import { ErrorNotice } from '../../../components/status.tsx';
import { progressApi, progressKeys } from '../progressApi.ts';
import { today } from '../shared/asOf.ts';
import { AsOfPicker } from '../shared/AsOfPicker.tsx';

/** Drafts a report from the figures as at a day, for the chosen areas (all unless narrowed), optionally titled. */
export function DraftReportForm() {
  const { t } = useTranslation();
  const pick = usePick();
  const navigate = useNavigate();
  const client = useQueryClient();
  const areas = useQuery({ queryKey: progressKeys.areas, queryFn: progressApi.areas });
  const allCodes = areas.data?.map((a) => a.code) ?? [];
  // null: every area, also those that load later.
  const [chosen, setChosen] = useState<string[] | null>(null);
  const [asOf, setAsOf] = useState(today());
  const [title, setTitle] = useState({ en: '', 'zh-Hant': '' });
  const mainland = useLocale() === 'zh-Hans';
  const areaCodes = chosen ?? allCodes;

  const draft = useMutation({
    mutationFn: async () => {
      const titled = title.en.trim() || title['zh-Hant'].trim();
      // A Mainland officer types the Chinese title in Simplified: it is kept in Traditional (as the reports are), and shown back in Simplified.
      const chinese = mainland ? (await converterFor('zh-Hant'))(title['zh-Hant'].trim()) : title['zh-Hant'].trim();
      return progressApi.draftReport({ areaCodes, asOf, title: titled ? { en: title.en.trim(), 'zh-Hant': chinese } : null });
    },
    onSuccess: async (report) => {
      client.setQueryData(progressKeys.report(report.id), report);
      await client.invalidateQueries({ queryKey: progressKeys.reports });
      navigate(`/progress/reports/${report.id}`);
    },
  });
  const fieldError = fieldErrors(draft.error);

  return (
    <form
      noValidate
      aria-labelledby="draft-report-heading"
      onSubmit={(e) => {
        e.preventDefault();
        draft.mutate();
      }}
    >
      <Stack gap="md">
        <div>
          <Title order={3} size="h4" id="draft-report-heading">
            {t('progress.draft.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('progress.draft.intro')}
          </Text>
        </div>
        <ErrorNotice error={draft.error} />
        <Checkbox.Group label={t('progress.draft.areas')} value={areaCodes} onChange={setChosen} error={fieldError('areaCodes')}>
          <Group gap="xs" my={4}>
            <Button size="compact-sm" variant="subtle" onClick={() => setChosen(null)}>
              {t('progress.draft.allAreas')}
            </Button>
            <Button size="compact-sm" variant="subtle" onClick={() => setChosen([])}>
              {t('progress.draft.noAreas')}
            </Button>
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="xs" verticalSpacing={6}>
            {areas.data?.map((a) => <Checkbox key={a.code} value={a.code} label={pick(a.name)} />)}
          </SimpleGrid>
        </Checkbox.Group>
        <AsOfPicker value={asOf} onChange={setAsOf} label={t('progress.draft.asOf')} />
        {fieldError('asOf') && (
          <Text size="sm" c="red.9">
            {fieldError('asOf')}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('progress.draft.titleEn')} lang="en" value={title.en} onChange={(e) => setTitle({ ...title, en: e.currentTarget.value })} error={fieldError('title.en')} />
          <TextInput label={t(mainland ? 'progress.draft.titleHans' : 'progress.draft.titleHant')} lang={mainland ? 'zh-Hans-CN' : 'zh-Hant-HK'} value={title['zh-Hant']} onChange={(e) => setTitle({ ...title, 'zh-Hant': e.currentTarget.value })} error={fieldError('title.zh-Hant')} />
        </SimpleGrid>
        <Text size="xs" c="dimmed" mt={-8}>
          {t(mainland ? 'progress.draft.titleHintHans' : 'progress.draft.titleHint')}
        </Text>
        <Group>
          <Button type="submit" loading={draft.isPending}>
            {t('progress.draft.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
