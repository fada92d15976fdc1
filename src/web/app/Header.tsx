import type { ReactNode } from 'react';
import { Anchor, Box, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../session.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { SearchBox } from './SearchBox.tsx';

export function Header({ burger }: { burger: ReactNode }) {
  const { t } = useTranslation();
  const { me, loading } = useMe();
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
      <Group gap="sm" wrap="nowrap">
        {burger}
        <Anchor component={Link} to="/" underline="never" c="inherit" aria-label={t('app.homeLink')}>
          <Text fw={700} fz="lg" c="teal.9">
            {t('app.name')}
          </Text>
        </Anchor>
      </Group>
      <Box visibleFrom="sm" style={{ flex: 1, display: 'flex', justifyContent: 'center' }}>
        <SearchBox id="header-search" />
      </Box>
      <Group gap="sm" wrap="nowrap">
        <LanguageSwitch />
        {!loading && !me && (
          <Button component={Link} to="/login" size="xs" variant="light" visibleFrom="xs">
            {t('nav.logIn')}
          </Button>
        )}
      </Group>
    </Group>
  );
}
