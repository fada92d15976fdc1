import { Button, Group, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router';
import { useMe } from '../../session.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { UsersPage } from './users/UsersPage.tsx';
import { CreateUserPage } from './users/CreateUserPage.tsx';
import { EditUserPage } from './users/EditUserPage.tsx';
import { UnitsPage } from './units/UnitsPage.tsx';
import { CreateUnitPage } from './units/CreateUnitPage.tsx';
import { EditUnitPage } from './units/EditUnitPage.tsx';
import { AuditPage } from './audit/AuditPage.tsx';
import { ExchangePage } from './exchange/ExchangePage.tsx';

/** Administration: platform administrators manage all units and users, unit administrators their own unit's users. */
export function AdminRoutes() {
  const { t } = useTranslation();
  const { me } = useMe();
  const { pathname } = useLocation();
  usePageTitle(t('admin.title'));
  const platform = !!me?.isPlatformAdmin;
  const sections = [
    { to: '/admin', label: t('admin.users'), active: pathname === '/admin' || pathname.startsWith('/admin/users') },
    { to: '/admin/units', label: t('admin.units'), active: pathname.startsWith('/admin/units'), show: platform },
    { to: '/admin/audit', label: t('admin.audit'), active: pathname.startsWith('/admin/audit') },
    { to: '/admin/exchange', label: t('exchange.title'), active: pathname.startsWith('/admin/exchange'), show: platform },
  ].filter((s) => s.show !== false);

  return (
    <Stack gap="md">
      <Title order={1}>{t('admin.title')}</Title>
      <Group component="nav" aria-label={t('admin.sections')} gap="xs">
        {sections.map((s) => (
          <Button key={s.to} component={Link} to={s.to} variant={s.active ? 'filled' : 'default'} size="sm" aria-current={s.active ? 'page' : undefined}>
            {s.label}
          </Button>
        ))}
      </Group>
      <Routes>
        <Route index element={<UsersPage />} />
        <Route path="users/new" element={<CreateUserPage />} />
        <Route path="users/:id" element={<EditUserPage />} />
        <Route path="units" element={platform ? <UnitsPage /> : <Navigate to="/admin" replace />} />
        <Route path="units/new" element={platform ? <CreateUnitPage /> : <Navigate to="/admin" replace />} />
        <Route path="units/:id" element={<EditUnitPage />} />
        <Route path="audit" element={<AuditPage />} />
        <Route path="exchange" element={platform ? <ExchangePage /> : <Navigate to="/admin" replace />} />
        <Route path="*" element={<Navigate to="/admin" replace />} />
      </Routes>
    </Stack>
  );
}
