import { Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePick } from '../../lib/localized.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { RoleBadges } from '../../components/RoleBadges.tsx';
import { useMe } from '../../session.ts';
import { ProfileForm } from './ProfileForm.tsx';
import { LanguagePanel } from './LanguagePanel.tsx';
import { PasswordForm } from './PasswordForm.tsx';
import { TokensPanel } from './TokensPanel.tsx';

export function AccountPage() {
  const { t } = useTranslation();
  const pick = usePick();
  const { me } = useMe();
  usePageTitle(t('account.title'));
  if (!me) return null;
  return (
    <Stack gap="lg" maw={760}>
      <div>
        <Title order={1}>{t('account.title')}</Title>
        <Text c="dimmed">
          {me.username}
          {me.unit && ` · ${pick(me.unit.name)}`}
        </Text>
        <RoleBadges roles={me.roles} platformAdmin={me.isPlatformAdmin} />
      </div>
      <Card withBorder component="section" aria-labelledby="account-language">
        <LanguagePanel headingId="account-language" />
      </Card>
      <Card withBorder component="section" aria-labelledby="account-profile">
        <ProfileForm me={me} headingId="account-profile" />
      </Card>
      <Card withBorder component="section" aria-labelledby="account-password">
        <PasswordForm headingId="account-password" />
      </Card>
      <Card withBorder component="section" aria-labelledby="account-tokens">
        <TokensPanel headingId="account-tokens" />
      </Card>
    </Stack>
  );
}
