import { useQuery } from '@tanstack/react-query';
import { Anchor, Badge, Button, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../api.ts';
import { usePick } from '../../../lib/localized.ts';
import { ErrorNotice, Loading } from '../../../components/status.tsx';

export function UnitsPage() {
  const { t } = useTranslation();
  const pick = usePick();
  const units = useQuery({ queryKey: ['units'], queryFn: () => api.units() });
  return (
    <section aria-labelledby="units-heading">
      <Group justify="space-between" mb="md">
        <Text component="h2" id="units-heading" fz="h3" fw={700} m={0}>
          {t('admin.units')}
        </Text>
        <Button component={Link} to="/admin/units/new">
          {t('admin.newUnit')}
        </Button>
      </Group>
      {units.isPending && <Loading />}
      <ErrorNotice error={units.error} />
      {units.data && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admin.unit.name')}</Table.Th>
                <Table.Th>{t('admin.unit.code')}</Table.Th>
                <Table.Th>{t('admin.unit.party')}</Table.Th>
                <Table.Th>{t('admin.unit.kind')}</Table.Th>
                <Table.Th>{t('admin.user.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {units.data.map((u) => (
                <Table.Tr key={u.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/admin/units/${u.id}`}>
                      {pick(u.name)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{u.code}</Table.Td>
                  <Table.Td>{u.partyCode}</Table.Td>
                  <Table.Td>{t(`unitKinds.${u.kind}`, { defaultValue: u.kind })}</Table.Td>
                  <Table.Td>
                    <Badge color={u.active ? 'teal' : 'red'} variant="light">
                      {u.active ? t('admin.user.active') : t('admin.user.inactive')}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </section>
  );
}
