import { useQuery } from '@tanstack/react-query';
import { Box, Button, Group, Pagination, Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../../../lib/usePageTitle.ts';
import { ErrorNotice, Loading } from '../../../components/status.tsx';
import { notificationsApi, type NotificationBox } from '../lib/api.ts';
import { useActs } from '../../../lib/useActs.ts';
import { Filters } from './Filters.tsx';
import { NotificationCards } from './NotificationCards.tsx';
import { NotificationTable } from './NotificationTable.tsx';
import { SummaryCounts } from './SummaryCounts.tsx';
import { pageSize, useInboxParams } from './useInboxParams.ts';
import { ShowingOnly } from '../../../components/ShowingOnly.tsx';
import { addressOnlyFilters } from './addressOnlyFilters.ts';

const boxes: NotificationBox[] = ['inbox', 'sent', 'drafts'];

/** The unit's notifications: received (inbox), sent, and drafts not yet sent. */
export function InboxPage() {
  const { t } = useTranslation();
  usePageTitle(t('notifications.title'));
  const params = useInboxParams();
  const { box, filters, offset } = params;
  const list = useQuery({ queryKey: ['notifications', 'list', box, filters, offset], queryFn: () => notificationsApi.list(box, filters, offset, pageSize) });
  const acts = useActs();
  // Past the counted matches (`more`), a full page always offers the next one.
  const page = Math.floor(offset / pageSize) + 1;
  const counted = list.data ? Math.ceil(list.data.total / pageSize) : 0;
  const pages = list.data?.more ? Math.max(counted, list.data.items.length === pageSize ? page + 1 : page) : counted;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="center">
        <Title order={1}>{t('notifications.title')}</Title>
        {acts && (
          <Button component={Link} to="/notifications/new">
            {t('notifications.new')}
          </Button>
        )}
      </Group>
      <SummaryCounts />
      <Tabs value={box} onChange={(v) => v && params.setBox(v as NotificationBox)} keepMounted={false}>
        <Tabs.List aria-label={t('notifications.box.label')}>
          {boxes.map((b) => (
            <Tabs.Tab key={b} value={b}>
              {t(`notifications.box.${b}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {boxes.map((b) => (
          <Tabs.Panel key={b} value={b} pt="md">
            <Stack gap="md">
              <Filters params={params} />
              <ShowingOnly what={addressOnlyFilters(filters, t)} onShowAll={params.clearFilters} />
              {list.isPending && <Loading />}
              <ErrorNotice error={list.error} />
              {list.data && (
                <>
                  <Text size="sm" c="dimmed" role="status">
                    {t(list.data.more ? 'notifications.list.totalMore' : 'notifications.list.total', { n: list.data.total })}
                  </Text>
                  <Box visibleFrom="sm">
                    <NotificationTable box={b} items={list.data.items} />
                  </Box>
                  <Box hiddenFrom="sm">
                    <NotificationCards box={b} items={list.data.items} />
                  </Box>
                </>
              )}
              {pages > 1 && (
                <Pagination
                  total={pages}
                  value={page}
                  onChange={(page) => params.setOffset((page - 1) * pageSize)}
                  getControlProps={(control) => ({ 'aria-label': t(`search.pagination.${control}`) })}
                  getItemProps={(page) => ({ 'aria-label': t('search.pagination.page', { n: page }) })}
                />
              )}
            </Stack>
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
