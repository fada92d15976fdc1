import { Anchor, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useLocale } from '../../lib/localized.ts';
import { ErrorNotice, Loading } from '../../components/status.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { ipApi } from './api.ts';
import { useIpLabels, useSummary, useTitle } from './shared.tsx';

/** Latest policy and regulation updates of the three places (item 21), with the Atom feed. */
export function UpdatesPage() {
  const { t } = useTranslation();
  usePageTitle(t('ip.updates.title'));
  const locale = useLocale();
  const updates = useQuery({ queryKey: ['ip', 'updates'], queryFn: ipApi.updates });
  const title = useTitle();
  const label = useIpLabels();
  const summary = useSummary(updates.data?.map((u) => u.summary.zh) ?? []);
  return (
    <Stack gap="md">
      <Title order={1}>{t('ip.updates.title')}</Title>
      <Text>
        <Anchor href={`/api/v1/ip/updates.atom?lang=${locale}`}>{t('ip.updates.feed')}</Anchor>
      </Text>
      {updates.isPending && <Loading />}
      <ErrorNotice error={updates.error} />
      {updates.data && !updates.data.length && <Text c="dimmed">{t('ip.updates.none')}</Text>}
      {!!updates.data?.length && (
        <ScrollTable minWidth={640} label={t('ip.updates.title')}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('ip.updates.on')}</Table.Th>
                <Table.Th>{t('ip.fields.jurisdiction')}</Table.Th>
                <Table.Th>{t('ip.updates.what')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {updates.data.map((u) => (
                <Table.Tr key={u.id}>
                  <Table.Td>{u.on}</Table.Td>
                  <Table.Td>{label.jurisdiction(u.jurisdiction)}</Table.Td>
                  <Table.Td>
                    {u.instrumentCode ? (
                      <Anchor component={Link} to={`/ip/instruments/${u.instrumentCode}`}>
                        {title(u.title)}
                      </Anchor>
                    ) : (
                      title(u.title)
                    )}
                    <Text size="sm" c="dimmed">
                      {summary(u.summary)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </Stack>
  );
}
