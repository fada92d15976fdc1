import { AppShell, Box, Button, Divider, NavLink, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { manifests, type ModuleManifest } from '../../shared/modules.ts';
import { usePick } from '../lib/localized.ts';
import { canAdminister, useLogOut, useMe } from '../session.ts';
import { SearchBox } from './SearchBox.tsx';

const navGroups = ['agreement', 'work', 'platform'] as const;

export function Navigation() {
  const { t } = useTranslation();
  const { me } = useMe();
  const pick = usePick();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const logOut = useLogOut();

  const sees = (audience: NonNullable<ModuleManifest['nav']>['audience']) =>
    ({ everyone: true, 'signed-in': !!me, unit: !!me?.unit, 'signed-out': !me, administrators: canAdminister(me) })[audience];
  // By agreement (those not built yet shown as such), then the work that serves every agreement, then the platform.
  const groups = navGroups.map((group) => ({
    group,
    links: manifests
      .flatMap((m) => (m.nav && m.nav.group === group && sees(m.nav.audience) ? [m.nav] : []))
      .sort((a, b) => (a.order ?? 0) - (b.order ?? 0))
      .map((n) => ({ to: n.path, label: t(n.labelKey), built: n.built })),
  }));
  const isActive = (to: string) => (to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`));

  return (
    <>
      <Box hiddenFrom="sm" mb="sm">
        <SearchBox id="nav-search" />
      </Box>
      <AppShell.Section grow component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        <li>
          <NavLink component={Link} to="/" label={t('nav.home')} active={isActive('/')} aria-current={isActive('/') ? 'page' : undefined} />
        </li>
        {groups
          .filter((g) => g.links.length)
          .map(({ group, links }) => (
            <li key={group} data-nav-group={group}>
              <Text id={`nav-group-${group}`} size="xs" fw={700} mt="sm" px="sm">
                {t(`nav.groups.${group}`)}
              </Text>
              <ul aria-labelledby={`nav-group-${group}`} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                {links.map((l) => (
                  <li key={l.to}>
                    <NavLink
                      component={Link}
                      to={l.to}
                      label={l.label}
                      description={l.built ? undefined : t('nav.notBuilt')}
                      data-built={l.built}
                      active={isActive(l.to)}
                      aria-current={isActive(l.to) ? 'page' : undefined}
                    />
                  </li>
                ))}
              </ul>
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
