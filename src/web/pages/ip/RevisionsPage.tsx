import { Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { ErrorNotice, Loading } from '../../components/status.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { Tag } from '../../components/Tag.tsx';
import { ipApi } from './api.ts';
import { useIpLabels, useIpMe } from './shared.tsx';

/** Revisions of the jurisdictions the viewer's side keeps: drafts, those awaiting review, returned and published. */
export function RevisionsPage() {
  const { t } = useTranslation();
  usePageTitle(t('ip.revisions.title'));
  const me = useIpMe();
  const label = useIpLabels();
  const revisions = useQuery({ queryKey: ['ip', 'revisions'], queryFn: ipApi.revisions, enabled: !!me?.ipUnit });
  if (me && !me.ipUnit) return <Text c="dimmed">{t('ip.notIpUnit')}</Text>;
  return (
    <Stack gap="md">
      <Title order={1}>{t('ip.revisions.title')}</Title>
      <Text c="dimmed">{t('ip.revisions.intro')}</Text>
      {!!me?.keeps.length && (
        <Group>
          <Button component={Link} to="/ip/revisions/new">
            {t('ip.revisions.new')}
          </Button>
        </Group>
      )}
      {revisions.isPending && <Loading />}
      <ErrorNotice error={revisions.error} />
      {revisions.data && !revisions.data.length && <Text c="dimmed">{t('ip.revisions.none')}</Text>}
      {!!revisions.data?.length && (
        <ScrollTable minWidth={640} label={t('ip.revisions.title')}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('ip.fields.title')}</Table.Th>
                <Table.Th>{t('ip.fields.jurisdiction')}</Table.Th>
                <Table.Th>{t('ip.revisions.status')}</Table.Th>
                <Table.Th>{t('ip.revisions.author')}</Table.Th>
                <Table.Th>{t('ip.revisions.updatedAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {revisions.data.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/ip/revisions/${r.id}`}>
                      {r.content.titleEn}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {r.content.titleZh}
                    </Text>
                  </Table.Td>
                  <Table.Td>{label.jurisdiction(r.jurisdiction)}</Table.Td>
                  <Table.Td>
                    <Tag color={r.status === 'submitted' ? 'orange' : r.status === 'published' ? 'teal' : 'gray'}>{t(`ip.revisions.statuses.${r.status}`)}</Tag>
                  </Table.Td>
                  <Table.Td>{r.author}</Table.Td>
                  <Table.Td>{r.updatedAt.slice(0, 10)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </Stack>
  );
}
