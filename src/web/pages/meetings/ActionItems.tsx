import { useQueryClient } from '@tanstack/react-query';
import { Button, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, useLocale, usePick } from '../../lib/localized.ts';
import { ErrorNotice } from '../../components/status.tsx';
import { useMe } from '../../session.ts';
import { Tag } from '../../components/Tag.tsx';
import { useIdempotentMutation } from '../../lib/idempotency.ts';
import type { Meeting } from './types.ts';
import { meetingsApi } from './api.ts';
import { ScrollTable } from '../../components/ScrollTable.tsx';

/** The action items agreed, each with its owning unit and due date; the owning unit marks its own done. */
export function ActionItems({ meeting, acts }: { meeting: Meeting; acts: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const pick = usePick();
  const { me } = useMe();
  const client = useQueryClient();
  const done = useIdempotentMutation((itemId: string, key) => meetingsApi.markDone(meeting.id, itemId, key), {
    onSuccess: (updated) => {
      client.setQueryData(['meeting', meeting.id], updated);
      void client.invalidateQueries({ queryKey: ['meetings'] });
    },
  });
  const unitName = (id: string) => pick(meeting.units.find((u) => u.id === id)?.name);
  if (!meeting.actionItems.length) return <Text c="dimmed">{t('meetings.noItems')}</Text>;
  return (
    <>
      <ErrorNotice error={done.error} />
      <ScrollTable minWidth={640} label={t('meetings.actionItems')}>
        <Table striped verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('meetings.itemDescription')}</Table.Th>
              <Table.Th>{t('meetings.ownerUnit')}</Table.Th>
              <Table.Th>{t('meetings.dueOn')}</Table.Th>
              <Table.Th>{t('notifications.field.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {meeting.actionItems.map((item) => (
              <Table.Tr key={item.id}>
                <Table.Td>{item.description}</Table.Td>
                <Table.Td>
                  {unitName(item.ownerUnitId)}
                  {item.ownerName && <Text size="xs" c="dimmed">{item.ownerName}</Text>}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(item.dueOn, locale)}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <Tag color={item.status === 'done' ? 'teal' : 'yellow'}>{t(`meetings.itemStatus.${item.status}`)}</Tag>
                    {item.overdue && (
                      <Tag color="red" filled>
                        {t('notifications.overdue')}
                      </Tag>
                    )}
                    {item.status === 'open' && acts && item.ownerUnitId === me?.unit?.id && (
                      <Button size="compact-xs" variant="light" onClick={() => done.mutate(item.id)} loading={done.isPending && done.variables === item.id} aria-label={t('meetings.markDoneNamed', { item: item.description })}>
                        {t('meetings.markDone')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </>
  );
}
