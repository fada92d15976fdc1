import { useMutation } from '@tanstack/react-query';
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { PasswordField } from '../../components/PasswordField.tsx';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { fieldErrors } from '../../lib/forms.ts';
import { useFormState } from '../../lib/useFormState.ts';
import { ErrorNotice } from '../../components/status.tsx';
import { Saved } from '../../components/Saved.tsx';

/** Changing one's own password; `onChanged` runs once the server has taken the new one. */
export function PasswordForm({ headingId, onChanged }: { headingId: string; onChanged?: () => void }) {
  const { t } = useTranslation();
  const form = useFormState({ currentPassword: '', newPassword: '' });
  const change = useMutation({
    mutationFn: () => api.changePassword(form.values.currentPassword, form.values.newPassword),
    onSuccess: () => {
      form.setValues({ currentPassword: '', newPassword: '' });
      onChanged?.();
    },
  });
  const fieldError = fieldErrors(change.error);
  return (
    <form
      noValidate
      aria-labelledby={headingId}
      onSubmit={(e) => {
        e.preventDefault();
        change.mutate();
      }}
    >
      <Stack gap="sm" maw={420}>
        <Title order={2} size="h4" id={headingId}>
          {t('account.password')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('account.passwordHint')}
        </Text>
        <ErrorNotice error={change.error} />
        <Saved show={change.isSuccess}>{t('account.passwordChanged')}</Saved>
        <PasswordField label={t('account.currentPassword')} autoComplete="current-password" {...form.text('currentPassword')} error={fieldError('currentPassword')} />
        <PasswordField
          label={t('account.newPassword')}
          description={t('admin.user.passwordHint')}
          autoComplete="new-password"
          {...form.text('newPassword')}
          error={fieldError('newPassword')}
        />
        <Group>
          <Button type="submit" loading={change.isPending}>
            {t('account.changePassword')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
