import { AppShell, Box, Button, Divider, NavLink, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { usePick } from '../lib/localized.ts';
import { canAdminister, useLogOut, useMe } from '../session.ts';
import { SearchBox } from './SearchBox.tsx';
import { useSchoolRole } from '../pages/schools/useSchoolRole.ts';

export function Navigation() {
  const { t } = useTranslation();
  const { me } = useMe();
  const pick = usePick();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const logOut = useLogOut();
  const { role: schoolRole } = useSchoolRole();

  const links = [
    { to: '/', label: t('nav.home'), show: true },
    { to: '/agreements', label: t('nav.agreements'), show: true },
    { to: '/search', label: t('nav.search'), show: true },
    { to: '/notifications', label: t('notifications.title'), show: !!me?.unit },
    { to: '/progress', label: t('progress.title'), show: !!me },
    { to: '/schools', label: t('schools.nav'), show: !!schoolRole },
    { to: '/reports', label: t('progress.reports'), show: !me },
    { to: '/directory', label: t('nav.directory'), show: !!me },
    { to: '/admin', label: t('nav.admin'), show: canAdminister(me) },
    { to: '/account', label: t('nav.account'), show: !!me },
  ];
  const isActive = (to: string) => (to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`));

  return (
    <>
      <Box hiddenFrom="sm" mb="sm">
        <SearchBox id="nav-search" />
      </Box>
      <AppShell.Section grow component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {links
          .filter((l) => l.show)
          .map((l) => (
            <li key={l.to}>
              <NavLink
                component={Link}
                to={l.to}
                label={l.label}
                active={isActive(l.to)}
                aria-current={isActive(l.to) ? 'page' : undefined}
              />
            </li>
          ))}
      </AppShell.Section>
      <AppShell.Section>
        <Divider my="sm" />
        {me ? (
          <Stack gap="xs">
            <Text size="sm" fw={600}>
              {me.displayName}
            </Text>
            {me.unit && (
              <Text size="xs" c="dimmed">
                {pick(me.unit.name)}
              </Text>
            )}
            <Button variant="default" size="xs" loading={logOut.isPending} onClick={() => logOut.mutate(undefined, { onSettled: () => navigate('/') })}>
              {t('nav.logOut')}
            </Button>
          </Stack>
        ) : (
          <Button component={Link} to="/login" variant="light" fullWidth>
            {t('nav.logIn')}
          </Button>
        )}
      </AppShell.Section>
    </>
  );
}
