import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Anchor, Badge, Button, Group, Select, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../api.ts';
import { formatDate, useLocale, usePick } from '../../../lib/localized.ts';
import { ErrorNotice, Loading } from '../../../components/status.tsx';
import { RoleBadges } from '../../../components/RoleBadges.tsx';
import { useMe } from '../../../session.ts';
import { useUnitOptions } from '../useUnitOptions.ts';

export function UsersPage() {
  const { t } = useTranslation();
  const pick = usePick();
  const locale = useLocale();
  const { me } = useMe();
  const [unitId, setUnitId] = useState<string | null>(null);
  const unitOptions = useUnitOptions();
  const users = useQuery({ queryKey: ['users', unitId], queryFn: () => api.users(unitId ?? undefined) });

  return (
    <section aria-labelledby="users-heading">
      <Group justify="space-between" align="end" mb="md">
        <Group align="end">
          <Text component="h2" id="users-heading" fz="h3" fw={700} m={0}>
            {t('admin.users')}
          </Text>
          {me?.isPlatformAdmin && (
            <Select label={t('admin.filterUnit')} placeholder={t('admin.allUnits')} data={unitOptions} value={unitId} onChange={setUnitId} clearable searchable w={300} />
          )}
        </Group>
        <Button component={Link} to="/admin/users/new">
          {t('admin.newUser')}
        </Button>
      </Group>
      {users.isPending && <Loading />}
      <ErrorNotice error={users.error} />
      {users.data && (
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admin.user.displayName')}</Table.Th>
                <Table.Th>{t('admin.user.username')}</Table.Th>
                <Table.Th>{t('admin.user.unit')}</Table.Th>
                <Table.Th>{t('admin.user.roles')}</Table.Th>
                <Table.Th>{t('admin.user.status')}</Table.Th>
                <Table.Th>{t('admin.user.lastLogin')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.data.map((u) => (
                <Table.Tr key={u.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/admin/users/${u.id}`}>
                      {u.displayName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{u.username}</Table.Td>
                  <Table.Td>{u.unit ? pick(u.unit.name) : '—'}</Table.Td>
                  <Table.Td>
                    <RoleBadges roles={u.roles} platformAdmin={u.isPlatformAdmin} />
                  </Table.Td>
                  <Table.Td>
                    <Badge color={u.active ? 'teal' : 'red'} variant="light">
                      {u.active ? t('admin.user.active') : t('admin.user.inactive')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{u.lastLoginAt ? formatDate(u.lastLoginAt, locale) : t('admin.user.never')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </section>
  );
}
