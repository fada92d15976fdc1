import { useQueryClient } from '@tanstack/react-query';
import { Alert, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { PasswordForm } from './PasswordForm.tsx';

/**
 * Shown in place of every page while the user's password is one an administrator chose: the
 * server answers nothing else until its holder has chosen their own.
 */
export function ChoosePasswordPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  usePageTitle(t('account.choosePassword'));
  return (
    <Stack gap="md" maw={560}>
      <Title order={1}>{t('account.choosePassword')}</Title>
      <Alert color="blue">{t('account.choosePasswordWhy')}</Alert>
      <PasswordForm headingId="choose-password-heading" onChanged={() => void client.invalidateQueries()} />
    </Stack>
  );
}
