import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RoleBadges } from '../../components/RoleBadges.tsx';
import type { UnitDetail } from '../../types.ts';
import { useInReaderScript } from '../../lib/useInReaderScript.ts';

export function OfficersTable({ officers }: { officers: UnitDetail['officers'] }) {
  const { t } = useTranslation();
  const inScript = useInReaderScript(officers.flatMap((o) => [o.displayName, o.title]));
  if (!officers.length) return <Text c="dimmed">{t('directory.noOfficers')}</Text>;
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('directory.officerName')}</Table.Th>
            <Table.Th>{t('directory.officerTitle')}</Table.Th>
            <Table.Th>{t('directory.phone')}</Table.Th>
            <Table.Th>{t('directory.email')}</Table.Th>
            <Table.Th>{t('directory.roles')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {officers.map((o) => (
            <Table.Tr key={o.id}>
              <Table.Td>{inScript(o.displayName)}</Table.Td>
              <Table.Td>{inScript(o.title)}</Table.Td>
              <Table.Td>{o.phone && <Anchor href={`tel:${o.phone.replace(/\s/g, '')}`}>{o.phone}</Anchor>}</Table.Td>
              <Table.Td>{o.email && <Anchor href={`mailto:${o.email}`}>{o.email}</Anchor>}</Table.Td>
              <Table.Td>
                <RoleBadges roles={o.roles} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
