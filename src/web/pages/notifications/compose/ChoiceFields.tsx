import { useEffect } from 'react';
import { Checkbox, Select, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { bases, categories, classifications, riskDecisions } from '../lib/options.ts';
import type { ComposeForm } from './useComposeForm.ts';
import type { ComposeValues } from './values.ts';
import { usePartnerOptions } from '../../../lib/usePartnerOptions.ts';
import { ErrorNotice } from '../../../components/status.tsx';

type Props = { form: ComposeForm; fieldError: (field: string) => string | undefined; recipientFixed: boolean };

/** To whom, and what kind of notification: clause 2's categories, RASFF's classification, the risk decision and the basis. */
export function ChoiceFields({ form, fieldError, recipientFixed }: Props) {
  const { t } = useTranslation();
  const partners = usePartnerOptions();
  const { values, set } = form;
  // Most units have one counterpart: it is chosen for the officer.
  useEffect(() => {
    if (!recipientFixed && !values.recipientUnitId && partners.options.length === 1) set('recipientUnitId')(partners.options[0].value);
  }, [partners.options.length]);

  const choice = <K extends 'category' | 'classification' | 'riskDecision' | 'basis'>(key: K, options: string[]) => ({
    label: t(`notifications.field.${key}`),
    data: options.map((value) => ({ value, label: t(`notifications.${key}.${value}`) })),
    value: values[key] as string | null,
    onChange: (v: string | null) => set(key)(v as ComposeValues[K]),
    allowDeselect: false,
    required: key !== 'riskDecision',
    error: fieldError(key) ?? unchosen(key),
  });
  // After a first try to submit, a required choice still not made is marked, as clause 1's texts are.
  const unchosen = (key: 'recipientUnitId' | 'category' | 'classification' | 'riskDecision' | 'basis') =>
    form.attempted && (form.missingChoices as string[]).includes(key) ? t('notifications.compose.choose', { field: t(`notifications.field.${key === 'recipientUnitId' ? 'recipient' : key}`) }) : undefined;

  return (
    <>
      <ErrorNotice error={partners.error} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Select
          label={t('notifications.field.recipient')}
          description={recipientFixed ? t('notifications.fieldHint.recipientFixed') : undefined}
          data={partners.options}
          value={values.recipientUnitId}
          onChange={set('recipientUnitId')}
          disabled={recipientFixed}
          allowDeselect={false}
          required
          searchable
          nothingFoundMessage={t('notifications.compose.noPartners')}
          error={fieldError('recipientUnitId') ?? unchosen('recipientUnitId')}
        />
        <Select {...choice('category', categories)} description={t('notifications.fieldHint.category')} />
        <Select {...choice('classification', classifications)} description={t('notifications.fieldHint.classification')} />
        <Select {...choice('riskDecision', riskDecisions)} />
        <Select {...choice('basis', bases)} />
      </SimpleGrid>
      <Checkbox
        label={t('notifications.field.customsChannel')}
        description={t('notifications.fieldHint.customsChannel')}
        checked={values.customsChannel}
        onChange={(e) => set('customsChannel')(e.currentTarget.checked)}
        error={fieldError('customsChannel')}
      />
    </>
  );
}
