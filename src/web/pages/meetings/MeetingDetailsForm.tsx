import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Group, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../lib/forms.ts';
import { useFormState } from '../../lib/useFormState.ts';
import { ErrorNotice } from '../../components/status.tsx';
import { Saved } from '../../components/Saved.tsx';
import { Reveal } from '../../components/Reveal.tsx';
import { fromRegionInput, toRegionInput } from '../../lib/dates.ts';
import type { Meeting } from './types.ts';
import { lines, meetingsApi } from './api.ts';

/** A meeting moved, held elsewhere, or its agenda changed: the units taking part keep it current. */
export function MeetingDetailsForm({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useFormState({ scheduledAt: toRegionInput(new Date(meeting.scheduledAt)), location: meeting.location ?? '', agenda: meeting.agenda.join('\n') });
  const save = useMutation({
    mutationFn: () =>
      meetingsApi.update(meeting.id, { scheduledAt: fromRegionInput(form.values.scheduledAt) ?? '', location: form.values.location.trim() || null, agenda: lines(form.values.agenda) }),
    onSuccess: (updated) => {
      client.setQueryData(['meeting', meeting.id], updated);
      void client.invalidateQueries({ queryKey: ['meetings'] });
    },
  });
  const fieldError = fieldErrors(save.error);
  return (
    <Reveal label={t('meetings.editDetails')}>
      <form
        noValidate
        aria-label={t('meetings.editDetails')}
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="sm">
          <Saved show={save.isSuccess}>{t('common.saved')}</Saved>
          <ErrorNotice error={save.error} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t('meetings.scheduledAt')} type="datetime-local" required {...form.text('scheduledAt')} error={fieldError('scheduledAt')} />
            <TextInput label={t('meetings.location')} {...form.text('location')} error={fieldError('location')} />
          </SimpleGrid>
          <Textarea label={t('meetings.agenda')} description={t('meetings.onePerLine')} autosize minRows={3} {...form.text('agenda')} error={fieldError('agenda')} />
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('meetings.saveDetails')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Reveal>
  );
}
