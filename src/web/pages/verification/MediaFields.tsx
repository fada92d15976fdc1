import { SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { useFormState } from '../../lib/useFormState.ts';
import type { AskValues } from './types.ts';

type Props = { form: ReturnType<typeof useFormState<AskValues>>; fieldError: (field: string) => string | undefined };

/** Clause 5: the uncertain report as it appeared on television, radio or in the press. */
export function MediaFields({ form, fieldError }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <TextInput label={t('verification.outlet')} description={t('verification.outletHint')} required {...form.text('outlet')} error={fieldError('media.outlet')} />
        <TextInput label={t('verification.publishedOn')} type="date" required {...form.text('publishedOn')} error={fieldError('media.publishedOn')} />
        <TextInput label={t('verification.mediaLink')} type="url" {...form.text('link')} error={fieldError('media.link')} />
      </SimpleGrid>
      <Textarea label={t('verification.claim')} required autosize minRows={2} {...form.text('claim')} error={fieldError('media.claim')} />
    </>
  );
}
