import { useQuery } from '@tanstack/react-query';
import { Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatDate, useLocale, usePick } from '../../lib/localized.ts';
import { useReaderScript } from '../../lib/readerScript.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { ErrorNotice, Loading } from '../../components/status.tsx';
import { Tag } from '../../components/Tag.tsx';
import { useActs } from '../../lib/useActs.ts';
import { meetingsApi, type MeetingFilters } from './api.ts';
import { ShowingOnly } from '../../components/ShowingOnly.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';

export const kindColor: Record<string, string> = { joint_work: 'blue', urgent_high_level: 'red', special_work: 'grape' };

/** Meetings the unit takes part in, latest first, with their open and overdue action items. */
export function MeetingsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const pick = usePick();
  usePageTitle(t('meetings.title'));
  const acts = useActs();
  const [params, setParams] = useSearchParams();
  const items = params.get('actionItems');
  const only: MeetingFilters = { ...(params.get('upcoming') === 'true' ? { upcoming: 'true' } : {}), ...(items === 'overdue' || items === 'due_soon' ? { actionItems: items } : {}) };
  const meetings = useQuery({ queryKey: ['meetings', only], queryFn: () => meetingsApi.list(undefined, only) });
  const titles = useReaderScript((meetings.data ?? []).map((m) => m.title));
  return (
    <Stack gap="md">
      <Group justify="space-between" align="center">
        <Title order={1}>{t('meetings.title')}</Title>
        {acts && (
          <Button component={Link} to="/meetings/new">
            {t('meetings.convene')}
          </Button>
        )}
      </Group>
      <Text c="dimmed">{t('meetings.intro')}</Text>
      <ShowingOnly
        what={[only.upcoming && t('work.filters.upcoming'), only.actionItems === 'overdue' && t('work.filters.actionItemsOverdue'), only.actionItems === 'due_soon' && t('work.filters.actionItemsDueSoon')].filter((x): x is string => !!x)}
        onShowAll={() => setParams(new URLSearchParams(), { replace: true })}
      />
      {meetings.isPending && <Loading />}
      <ErrorNotice error={meetings.error} />
      {meetings.data && !meetings.data.length && <Text c="dimmed">{t('meetings.none')}</Text>}
      {!!meetings.data?.length && (
        <ScrollTable minWidth={720} label={t('meetings.title')}>
          <Table striped highlightOnHover verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('meetings.scheduledAt')}</Table.Th>
                <Table.Th>{t('meetings.meetingTitle')}</Table.Th>
                <Table.Th>{t('meetings.kind')}</Table.Th>
                <Table.Th>{t('meetings.convenedBy')}</Table.Th>
                <Table.Th>{t('meetings.actionItems')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {meetings.data.map((m, i) => {
                const open = m.actionItems.filter((i) => i.status === 'open');
                const overdue = open.filter((i) => i.overdue).length;
                return (
                  <Table.Tr key={m.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(m.scheduledAt, locale)}</Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/meetings/${m.id}`}>
                        {titles[i]}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Tag color={kindColor[m.kind]}>{t(`meetings.kinds.${m.kind}`)}</Tag>
                    </Table.Td>
                    <Table.Td>{pick(m.convenedBy.name)}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        <Text size="sm">{t('meetings.openItems', { n: open.length })}</Text>
                        {overdue > 0 && (
                          <Tag color="red" filled>
                            {t('meetings.overdueItems', { n: overdue })}
                          </Tag>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </Stack>
  );
}
