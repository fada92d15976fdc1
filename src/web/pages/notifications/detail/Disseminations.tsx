import { Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, useLocale } from '../../../lib/localized.ts';
import { useReaderScript } from '../../../lib/readerScript.ts';
import { fieldErrors } from '../../../lib/forms.ts';
import { useFormState } from '../../../lib/useFormState.ts';
import { notificationsApi } from '../lib/api.ts';
import { fromRegionInput, toRegionInput } from '../../../lib/dates.ts';
import { meansOfInforming } from '../lib/options.ts';
import type { Means, NotificationDetail } from '../lib/types.ts';
import { RevealForm } from '../../../components/RevealForm.tsx';
import { useNotificationAction } from './useNotificationAction.ts';
import { ScrollTable } from '../../../components/ScrollTable.tsx';

/** Clause 1: the receiving unit informs the departments of its government concerned, and records which, when and how. */
export function Disseminations({ n }: { n: NotificationDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const initial = { department: '', informedAt: toRegionInput(new Date()), means: 'email' as Means, note: '' };
  const form = useFormState(initial);
  const record = useNotificationAction(
    n.id,
    (_: void, key) =>
      notificationsApi.disseminate(n.id, { department: form.values.department.trim(), informedAt: fromRegionInput(form.values.informedAt)!, means: form.values.means, note: form.values.note.trim() || null }, key),
    () => form.setValues({ ...initial, informedAt: toRegionInput(new Date()) }),
  );
  const fieldError = fieldErrors(record.error);
  const texts = useReaderScript(n.disseminations.flatMap((d) => [d.department, d.note ?? '']));
  if (!n.can.disseminate && !n.disseminations.length) return null;
  return (
    <Stack component="section" aria-labelledby="dissemination-heading" gap="sm">
      <Title order={2} size="h3" id="dissemination-heading">
        {t('notifications.dissemination.heading')}
      </Title>
      {n.disseminations.length > 0 ? (
        <ScrollTable minWidth={520} label={t('notifications.dissemination.heading')}>
          <Table striped withTableBorder verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('notifications.dissemination.department')}</Table.Th>
                <Table.Th>{t('notifications.dissemination.informedAt')}</Table.Th>
                <Table.Th>{t('notifications.dissemination.means')}</Table.Th>
                <Table.Th>{t('notifications.dissemination.recordedBy')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {n.disseminations.map((d, i) => (
                <Table.Tr key={d.id}>
                  <Table.Td>
                    {texts[2 * i]}
                    {d.note && (
                      <Text size="xs" c="dimmed">
                        {texts[2 * i + 1]}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{formatDate(d.informedAt, locale)}</Table.Td>
                  <Table.Td>{t(`notifications.dissemination.meansOf.${d.means}`)}</Table.Td>
                  <Table.Td>{d.recordedBy}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      ) : (
        <Text size="sm" c="dimmed">
          {t('notifications.dissemination.none')}
        </Text>
      )}
      {n.can.disseminate && (
        <RevealForm label={t('notifications.dissemination.record')} action={record}>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput label={t('notifications.dissemination.department')} required {...form.text('department')} error={fieldError('department')} />
            <TextInput label={t('notifications.dissemination.informedAt')} type="datetime-local" required {...form.text('informedAt')} error={fieldError('informedAt')} />
            <Select
              label={t('notifications.dissemination.means')}
              data={meansOfInforming.map((m) => ({ value: m, label: t(`notifications.dissemination.meansOf.${m}`) }))}
              value={form.values.means}
              onChange={(v) => v && form.set('means')(v as Means)}
              allowDeselect={false}
              error={fieldError('means')}
            />
          </SimpleGrid>
          <TextInput label={t('notifications.dissemination.note')} {...form.text('note')} error={fieldError('note')} />
        </RevealForm>
      )}
    </Stack>
  );
}
