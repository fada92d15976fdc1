import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Button, Group, Stack, Text } from '@mantine/core';
import { PasswordField } from '../../../components/PasswordField.tsx';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api.ts';
import { fieldErrors } from '../../../lib/forms.ts';
import { ErrorNotice } from '../../../components/status.tsx';
import { Saved } from '../../../components/Saved.tsx';
import type { User } from '../../../types.ts';

/** Sets a new password for someone who has lost theirs; the server ends their sessions. */
export function ResetPassword({ user }: { user: User }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const reset = useMutation({
    mutationFn: () => api.updateUser(user.id, { password }),
    onSuccess: () => setPassword(''),
  });
  return (
    <form
      noValidate
      aria-labelledby={`reset-${user.id}`}
      onSubmit={(e) => {
        e.preventDefault();
        reset.mutate();
      }}
    >
      <Stack gap="xs">
        <Text fw={700} id={`reset-${user.id}`}>
          {t('admin.user.resetPassword')}
        </Text>
        <Text size="sm" c="dimmed">
          {t('admin.user.resetHint')}
        </Text>
        <ErrorNotice error={reset.error} />
        <Saved show={reset.isSuccess}>{t('admin.user.passwordReset')}</Saved>
        <PasswordField
          label={t('admin.user.newPassword')}
          description={t('admin.user.passwordHint')}
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={fieldErrors(reset.error)('password')}
          maw={360}
        />
        <Group>
          <Button type="submit" variant="default" loading={reset.isPending}>
            {t('admin.user.setPassword')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
