import { useState } from 'react';
import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../lib/forms.ts';
import { ErrorNotice } from '../../../components/status.tsx';
import { notificationsApi } from '../lib/api.ts';
import { useNotificationAction } from './useNotificationAction.ts';

/** The experts' advice on a question referred to them, recorded when it comes. */
export function AdviceForm({ id, consultationId }: { id: string; consultationId: string }) {
  const { t } = useTranslation();
  const [advice, setAdvice] = useState('');
  const record = useNotificationAction(id, (_: void, key) => notificationsApi.recordAdvice(id, consultationId, advice.trim(), key));
  return (
    <form
      noValidate
      aria-label={t('notifications.experts.recordAdvice')}
      onSubmit={(e) => {
        e.preventDefault();
        record.mutate();
      }}
    >
      <Stack gap="xs">
        <ErrorNotice error={record.error} />
        <Textarea label={t('notifications.experts.advice')} required autosize minRows={2} value={advice} onChange={(e) => setAdvice(e.currentTarget.value)} error={fieldErrors(record.error)('advice')} />
        <Group>
          <Button type="submit" size="xs" variant="light" loading={record.isPending}>
            {t('notifications.experts.recordAdvice')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
