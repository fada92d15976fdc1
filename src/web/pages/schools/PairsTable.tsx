import { Anchor, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, useLocale } from '../../lib/localized.ts';
import { ErrorNotice, Loading } from '../../components/status.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { Tag } from '../../components/Tag.tsx';
import { schoolsApi } from './api.ts';
import { SampleBadge, SchoolName } from './SchoolName.tsx';

export const statusColor: Record<string, string> = { proposed: 'indigo', consented: 'violet', active: 'blue', dormant: 'yellow', ended: 'gray', declined: 'gray', withdrawn: 'gray' };

/** The pairs the reader may see, latest first. */
export function PairsTable() {
  const { t } = useTranslation();
  const locale = useLocale();
  const pairs = useQuery({ queryKey: ['schools', 'pairs'], queryFn: schoolsApi.pairs });
  if (pairs.isPending) return <Loading />;
  if (pairs.error) return <ErrorNotice error={pairs.error} />;
  if (!pairs.data.length) return <Text c="dimmed">{t('schools.pairs.none')}</Text>;
  return (
    <ScrollTable minWidth={720} label={t('schools.pairs.title')}>
      <Table striped highlightOnHover verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('schools.sides.HK')}</Table.Th>
            <Table.Th>{t('schools.sides.GD')}</Table.Th>
            <Table.Th>{t('schools.pairs.status')}</Table.Th>
            <Table.Th>{t('schools.pairs.startedOn')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {pairs.data.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                <Anchor component={Link} to={`/schools/pairs/${p.id}`}>
                  <SchoolName school={p.hk} withSample={false} />
                </Anchor>
              </Table.Td>
              <Table.Td>
                <SchoolName school={p.gd} withSample={false} />
              </Table.Td>
              <Table.Td>
                <Tag color={statusColor[p.status]}>{t(`schools.statuses.${p.status}`)}</Tag> <SampleBadge show={p.isSample} />
              </Table.Td>
              <Table.Td>{formatDate(p.startedOn, locale)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
