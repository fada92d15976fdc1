import { useQueryClient } from '@tanstack/react-query';
import { Button, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePick } from '../../lib/localized.ts';
import { fieldErrors } from '../../lib/forms.ts';
import { useFormState } from '../../lib/useFormState.ts';
import { ErrorNotice } from '../../components/status.tsx';
import { dayInput } from '../../lib/dates.ts';
import { useIdempotentMutation } from '../../lib/idempotency.ts';
import type { Meeting } from './types.ts';
import { meetingsApi } from './api.ts';

/** What was agreed to be done, by which unit (and officer), by when. */
export function ActionItemForm({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const pick = usePick();
  const client = useQueryClient();
  const initial = { description: '', ownerUnitId: null as string | null, ownerName: '', dueOn: dayInput(new Date(Date.now() + 14 * 86_400_000)) };
  const form = useFormState(initial);
  const add = useIdempotentMutation(
    (_: void, key) =>
      meetingsApi.addActionItem(
        meeting.id,
        { description: form.values.description.trim(), ownerUnitId: form.values.ownerUnitId ?? '', ownerName: form.values.ownerName.trim() || null, dueOn: form.values.dueOn },
        key,
      ),
    {
      onSuccess: (updated) => {
        client.setQueryData(['meeting', meeting.id], updated);
        void client.invalidateQueries({ queryKey: ['meetings'] });
        form.setValues(initial);
      },
    },
  );
  const fieldError = fieldErrors(add.error);
  return (
    <form
      noValidate
      aria-label={t('meetings.addItem')}
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate();
      }}
    >
      <Stack gap="xs">
        <ErrorNotice error={add.error} />
        <TextInput label={t('meetings.itemDescription')} required {...form.text('description')} error={fieldError('description')} />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <Select
            label={t('meetings.ownerUnit')}
            data={meeting.units.map((u) => ({ value: u.id, label: pick(u.name) }))}
            value={form.values.ownerUnitId}
            onChange={form.set('ownerUnitId')}
            required
            error={fieldError('ownerUnitId')}
          />
          <TextInput label={t('meetings.ownerName')} {...form.text('ownerName')} error={fieldError('ownerName')} />
          <TextInput label={t('meetings.dueOn')} type="date" required {...form.text('dueOn')} error={fieldError('dueOn')} />
        </SimpleGrid>
        <Group>
          <Button type="submit" variant="light" loading={add.isPending}>
            {t('meetings.addItem')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
