import { Alert, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, useLocale } from '../../../lib/localized.ts';
import { fieldErrors } from '../../../lib/forms.ts';
import { useFormState } from '../../../lib/useFormState.ts';
import { notificationsApi } from '../lib/api.ts';
import { fromRegionInput, toRegionInput } from '../../../lib/dates.ts';
import type { NotificationDetail } from '../lib/types.ts';
import { RevealForm } from '../../../components/RevealForm.tsx';
import { useNotificationAction } from './useNotificationAction.ts';

/**
 * Clause 1 ¶4: food imported or exported (incl. food supplied to Hong Kong) goes through the
 * customs channel; either unit records where and when the notification was routed.
 */
export function CustomsRouting({ n }: { n: NotificationDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const form = useFormState({ routedTo: '', routedAt: toRegionInput(new Date()) });
  const route = useNotificationAction(n.id, (_: void, key) =>
    notificationsApi.routeToCustoms(n.id, { routedTo: form.values.routedTo.trim(), routedAt: fromRegionInput(form.values.routedAt) as string }, key),
  );
  const fieldError = fieldErrors(route.error);
  if (!n.customs.channel) return null;
  const mayRoute = ['sent', 'acknowledged', 'closed'].includes(n.status) && (n.can.followUp || n.can.disseminate || n.can.close);
  return (
    <Stack component="section" aria-labelledby="customs-heading" gap="sm">
      <Title order={2} size="h3" id="customs-heading">
        {t('notifications.customs.heading')}
      </Title>
      {n.customs.routedTo ? (
        <Text>{t('notifications.customs.routed', { to: n.customs.routedTo, date: formatDate(n.customs.routedAt, locale) })}</Text>
      ) : (
        <Alert color="orange" variant="light">
          {t('notifications.customs.pending')}
        </Alert>
      )}
      {mayRoute && !n.customs.routedTo && (
        <RevealForm label={t('notifications.customs.record')} action={route}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t('notifications.customs.routedTo')} required {...form.text('routedTo')} error={fieldError('routedTo')} />
            <TextInput label={t('notifications.customs.routedAt')} type="datetime-local" required {...form.text('routedAt')} error={fieldError('routedAt')} />
          </SimpleGrid>
        </RevealForm>
      )}
    </Stack>
  );
}
