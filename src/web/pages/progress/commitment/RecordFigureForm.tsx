import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Group, NumberInput, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fieldErrors, orNull } from '../../../lib/forms.ts';
import { useFormState } from '../../../lib/useFormState.ts';
import { usePick } from '../../../lib/localized.ts';
import { ErrorNotice } from '../../../components/status.tsx';
import { progressApi, progressKeys } from '../progressApi.ts';
import { figureDay } from '../shared/asOf.ts';
import type { Indicator, Qualifier } from '../types.ts';
import { QualifierField } from './QualifierField.tsx';

type Props = { indicator: Indicator; asOf: string; onClose: () => void; onRecorded: (day: string) => void };

const numberOrNull = (value: string | number) => (typeof value === 'number' ? value : null);

/** The owning unit records a figure with where it comes from: document, paragraph and the words quoted. */
export function RecordFigureForm({ indicator, onClose, onRecorded }: Props) {
  const { t } = useTranslation();
  const pick = usePick();
  const client = useQueryClient();
  const form = useFormState({ value: '' as string | number, period: '', date: '', qualifier: 'exactly' as Qualifier, document: '', paragraph: '' as string | number, quote: '' });
  const headingId = `record-${indicator.code}`;

  const record = useMutation({
    mutationFn: () => {
      const v = form.values;
      return progressApi.recordMeasurement(indicator.id, {
        value: numberOrNull(v.value) as number,
        period: orNull(v.period),
        date: orNull(v.date),
        qualifier: v.qualifier,
        source: { document: orNull(v.document), paragraph: numberOrNull(v.paragraph), quote: orNull(v.quote) },
      });
    },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: progressKeys.all });
      onRecorded(figureDay(form.values) ?? '');
    },
  });
  const fieldError = fieldErrors(record.error);

  return (
    <form
      noValidate
      aria-labelledby={headingId}
      onSubmit={(e) => {
        e.preventDefault();
        record.mutate();
      }}
    >
      <Stack gap="sm">
        <Title order={4} size="h5" id={headingId}>
          {t('progress.record.title', { name: pick(indicator.name) })}
        </Title>
        <ErrorNotice error={record.error} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NumberInput label={t('progress.record.value')} required value={form.values.value} onChange={form.set('value')} thousandSeparator="," error={fieldError('value')} />
          <TextInput label={t('progress.record.period')} description={t('progress.record.periodHint')} placeholder="2015/16" {...form.text('period')} error={fieldError('period')} />
          <TextInput type="date" label={t('progress.record.date')} description={t('progress.record.dateHint')} {...form.text('date')} error={fieldError('date')} />
        </SimpleGrid>
        <QualifierField value={form.values.qualifier} onChange={form.set('qualifier')} error={fieldError('qualifier')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('progress.record.document')} description={t('progress.record.documentHint')} {...form.text('document')} error={fieldError('source.document')} />
          <NumberInput label={t('progress.record.paragraph')} min={1} max={999} allowDecimal={false} value={form.values.paragraph} onChange={form.set('paragraph')} error={fieldError('source.paragraph')} />
        </SimpleGrid>
        <Textarea label={t('progress.record.quote')} description={t('progress.record.quoteHint')} autosize minRows={2} {...form.text('quote')} error={fieldError('source.quote')} />
        <Group>
          <Button type="submit" loading={record.isPending}>
            {t('progress.record.submit')}
          </Button>
          <Button variant="default" onClick={onClose}>
            {t('progress.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
