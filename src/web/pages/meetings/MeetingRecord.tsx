import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Group, List, Stack, Text, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../lib/forms.ts';
import { useFormState } from '../../lib/useFormState.ts';
import { ErrorNotice } from '../../components/status.tsx';
import { Saved } from '../../components/Saved.tsx';
import { Reveal } from '../../components/Reveal.tsx';
import type { Meeting } from './types.ts';
import { lines, meetingsApi } from './api.ts';

/**
 * 會談紀要: the minutes and the decisions, kept by any unit taking part as guidance for the work
 * that follows. Shown in the reader's script (`shown`), edited as written (`meeting`).
 */
export function MeetingRecord({ meeting, shown, mayEdit }: { meeting: Meeting; shown: Meeting; mayEdit: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useFormState({ minutes: meeting.minutes ?? '', decisions: meeting.decisions.join('\n') });
  const save = useMutation({
    mutationFn: () => meetingsApi.update(meeting.id, { minutes: form.values.minutes.trim() || null, decisions: lines(form.values.decisions) }),
    onSuccess: (updated) => {
      client.setQueryData(['meeting', meeting.id], updated);
      void client.invalidateQueries({ queryKey: ['meetings'] });
    },
  });
  const fieldError = fieldErrors(save.error);
  return (
    <Stack gap="xs">
      <Saved show={save.isSuccess}>{t('common.saved')}</Saved>
      <Title order={3} size="h5">
        {t('meetings.minutes')}
      </Title>
      <Text style={{ whiteSpace: 'pre-wrap' }} c={shown.minutes ? undefined : 'dimmed'}>
        {shown.minutes || t('meetings.noMinutes')}
      </Text>
      <Title order={3} size="h5">
        {t('meetings.decisions')}
      </Title>
      {shown.decisions.length ? (
        <List type="ordered">
          {shown.decisions.map((d, i) => (
            <List.Item key={i}>{d}</List.Item>
          ))}
        </List>
      ) : (
        <Text c="dimmed">{t('meetings.noDecisions')}</Text>
      )}
      {mayEdit && (
        <Reveal label={t('meetings.editRecord')}>
          <form
            noValidate
            aria-label={t('meetings.editRecord')}
            onSubmit={(e) => {
              e.preventDefault();
              save.mutate();
            }}
          >
            <Stack gap="sm">
              <ErrorNotice error={save.error} />
              <Textarea label={t('meetings.minutes')} description={t('meetings.minutesHint')} autosize minRows={5} {...form.text('minutes')} error={fieldError('minutes')} />
              <Textarea label={t('meetings.decisions')} description={t('meetings.onePerLine')} autosize minRows={3} {...form.text('decisions')} error={fieldError('decisions')} />
              <Group>
                <Button type="submit" loading={save.isPending}>
                  {t('meetings.saveRecord')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Reveal>
      )}
    </Stack>
  );
}
