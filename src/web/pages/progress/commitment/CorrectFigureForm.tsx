import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Group, NumberInput, Stack, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../lib/forms.ts';
import { useFormState } from '../../../lib/useFormState.ts';
import { ErrorNotice } from '../../../components/status.tsx';
import { progressApi, progressKeys } from '../progressApi.ts';
import { useFigures } from '../shared/figures.ts';
import type { Measurement, Qualifier } from '../types.ts';
import { QualifierField } from './QualifierField.tsx';

/** Corrects a recorded figure, with the reason; drafts of reports that quoted it flag the change. */
export function CorrectFigureForm({ measurement: m, unit, onClose }: { measurement: Measurement; unit: string; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { figure, when } = useFigures();
  const form = useFormState({ value: m.value as string | number, qualifier: m.qualifier as Qualifier, reason: '' });
  const headingId = `correct-${m.id}`;

  const correct = useMutation({
    mutationFn: () =>
      progressApi.correctMeasurement(m.id, {
        value: (typeof form.values.value === 'number' ? form.values.value : null) as number,
        qualifier: form.values.qualifier,
        reason: form.values.reason.trim(),
      }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: progressKeys.all });
      onClose();
    },
  });
  const fieldError = fieldErrors(correct.error);

  return (
    <form
      noValidate
      aria-labelledby={headingId}
      onSubmit={(e) => {
        e.preventDefault();
        correct.mutate();
      }}
    >
      <Stack gap="sm">
        <Title order={4} size="h5" id={headingId}>
          {t('progress.correct.title', { figure: figure(m.value, m.qualifier, unit), when: when(m) })}
        </Title>
        <ErrorNotice error={correct.error} />
        <NumberInput label={t('progress.correct.value')} required value={form.values.value} onChange={form.set('value')} thousandSeparator="," error={fieldError('value')} maw={260} />
        <QualifierField value={form.values.qualifier} onChange={form.set('qualifier')} error={fieldError('qualifier')} />
        <Textarea label={t('progress.correct.reason')} description={t('progress.correct.reasonHint')} required autosize minRows={2} {...form.text('reason')} error={fieldError('reason')} />
        <Group>
          <Button type="submit" loading={correct.isPending}>
            {t('progress.correct.submit')}
          </Button>
          <Button variant="default" onClick={onClose}>
            {t('progress.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
