import { Alert, Button, Group, List, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api.ts';
import { formatDate, useLocale, useUnitLabel } from '../../../lib/localized.ts';
import { fieldErrors } from '../../../lib/forms.ts';
import { useFormState } from '../../../lib/useFormState.ts';
import { notificationsApi } from '../lib/api.ts';
import { fromRegionInput, toRegionInput } from '../../../lib/dates.ts';
import type { NotificationDetail } from '../lib/types.ts';
import { RevealForm } from '../../../components/RevealForm.tsx';
import { ErrorNotice } from '../../../components/status.tsx';
import { useNotificationAction } from './useNotificationAction.ts';

type Where = 'unit' | 'outside';

/**
 * Clause 1 ¶4: food imported or exported (incl. food supplied to Hong Kong) goes through the
 * customs channel. Either unit routes the notification: to a customs unit in Liaison, which then
 * reads it, follows it up and acknowledges the routing, or to a department outside Liaison.
 * Every routing is listed.
 */
export function CustomsRouting({ n }: { n: NotificationDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const unitLabel = useUnitLabel();
  const [where, setWhere] = useState<Where>('unit');
  const form = useFormState({ customsUnitId: '', routedTo: '', routedAt: toRegionInput(new Date()) });
  const mayRoute = !!n.can.routeToCustoms;
  const units = useQuery({ queryKey: ['units'], queryFn: () => api.units(), enabled: mayRoute && n.customs.channel });
  const routed = new Set(n.customs.routings.map((r) => r.customsUnit?.id).filter(Boolean));
  const customsUnits = (units.data ?? [])
    .filter((u) => u.active && u.kind === 'customs' && !routed.has(u.id))
    .map((u) => ({ value: u.id, label: unitLabel(u) }));
  const route = useNotificationAction(n.id, (_: void, key) =>
    notificationsApi.routeToCustoms(
      n.id,
      where === 'unit'
        ? { customsUnitId: form.values.customsUnitId || undefined, routedAt: fromRegionInput(form.values.routedAt) as string }
        : { routedTo: form.values.routedTo.trim(), routedAt: fromRegionInput(form.values.routedAt) as string },
      key,
    ),
  );
  const acknowledge = useNotificationAction(n.id, (routingId: string, key) => notificationsApi.acknowledgeCustomsRouting(n.id, routingId, key));
  const fieldError = fieldErrors(route.error);
  if (!n.customs.channel) return null;
  return (
    <Stack component="section" aria-labelledby="customs-heading" gap="sm">
      <Title order={2} size="h3" id="customs-heading">
        {t('notifications.customs.heading')}
      </Title>
      {n.customs.routings.length ? (
        <List spacing="xs" aria-label={t('notifications.customs.routingsHeading')}>
          {n.customs.routings.map((r) => (
            <List.Item key={r.id}>
              <Text>
                {r.customsUnit
                  ? t('notifications.customs.toUnit', { unit: unitLabel(r.customsUnit), date: formatDate(r.routedAt, locale), by: r.routedBy ? unitLabel(r.routedBy) : '' })
                  : t('notifications.customs.toOutside', { to: r.routedTo, date: formatDate(r.routedAt, locale), by: r.routedBy ? unitLabel(r.routedBy) : '' })}
              </Text>
              {r.customsUnit && (
                <Group gap="sm">
                  <Text size="sm" c={r.acknowledgedAt ? 'dimmed' : 'orange.8'}>
                    {r.acknowledgedAt ? t('notifications.customs.acknowledged', { name: r.acknowledgedBy, date: formatDate(r.acknowledgedAt, locale) }) : t('notifications.customs.awaitingAck')}
                  </Text>
                  {r.canAcknowledge && (
                    <Button size="xs" loading={acknowledge.isPending} onClick={() => acknowledge.mutate(r.id)}>
                      {t('notifications.customs.acknowledge')}
                    </Button>
                  )}
                </Group>
              )}
            </List.Item>
          ))}
        </List>
      ) : (
        <Alert color="orange" variant="light">
          {t('notifications.customs.pending')}
        </Alert>
      )}
      <ErrorNotice error={acknowledge.error} />
      {mayRoute && (
        <RevealForm label={t('notifications.customs.record')} action={route}>
          <SegmentedControl
            aria-label={t('notifications.customs.where')}
            value={where}
            onChange={(v) => setWhere(v as Where)}
            data={[
              { value: 'unit', label: t('notifications.customs.whereUnit') },
              { value: 'outside', label: t('notifications.customs.whereOutside') },
            ]}
          />
          <Text size="sm" c="dimmed">
            {where === 'unit' ? t('notifications.customs.sharedHint') : t('notifications.customs.outsideHint')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {where === 'unit' ? (
              <Select
                label={t('notifications.customs.customsUnitId')}
                required
                data={customsUnits}
                value={form.values.customsUnitId || null}
                onChange={(v) => form.set('customsUnitId')(v ?? '')}
                error={fieldError('customsUnitId')}
              />
            ) : (
              <TextInput label={t('notifications.customs.routedTo')} required {...form.text('routedTo')} error={fieldError('routedTo')} />
            )}
            <TextInput label={t('notifications.customs.routedAt')} type="datetime-local" required {...form.text('routedAt')} error={fieldError('routedAt')} />
          </SimpleGrid>
        </RevealForm>
      )}
    </Stack>
  );
}
