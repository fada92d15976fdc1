import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router';
import { api } from '../../../api.ts';
import { fieldErrors, orNull } from '../../../lib/forms.ts';
import { useFormState } from '../../../lib/useFormState.ts';
import { ErrorNotice, Loading } from '../../../components/status.tsx';
import { Saved } from '../../../components/Saved.tsx';
import { useMe } from '../../../session.ts';
import type { Locale, User } from '../../../types.ts';
import { UserFields, type UserFieldValues } from './UserFields.tsx';
import { ResetPassword } from './ResetPassword.tsx';
import { UserStatus } from './UserStatus.tsx';

export function EditUserPage() {
  const { id = '' } = useParams();
  const user = useQuery({ queryKey: ['user', id], queryFn: () => api.user(id) });
  if (user.isPending) return <Loading />;
  if (user.error) return <ErrorNotice error={user.error} />;
  return <EditUser key={user.data.id} user={user.data} />;
}

function EditUser({ user }: { user: User }) {
  const { t } = useTranslation();
  const { me } = useMe();
  const location = useLocation();
  const client = useQueryClient();
  const form = useFormState<UserFieldValues>({
    displayName: user.displayName,
    title: user.title ?? '',
    email: user.email ?? '',
    phone: user.phone ?? '',
    unitId: user.unit?.id ?? null,
    roles: user.roles,
    isPlatformAdmin: user.isPlatformAdmin,
    locale: user.locale ?? '',
  });

  const save = useMutation({
    mutationFn: () => {
      const v = form.values;
      return api.updateUser(user.id, {
        displayName: v.displayName.trim(),
        title: orNull(v.title),
        email: orNull(v.email),
        phone: orNull(v.phone),
        roles: v.roles,
        locale: (v.locale || null) as Locale | null,
        ...(me?.isPlatformAdmin ? { unitId: v.unitId, isPlatformAdmin: v.isPlatformAdmin } : {}),
      });
    },
    onSuccess: (updated) => {
      client.setQueryData(['user', user.id], updated);
      void client.invalidateQueries({ queryKey: ['users'] });
    },
  });
  const fieldError = fieldErrors(save.error);
  const created = (location.state as { created?: boolean } | null)?.created && !save.isSuccess;

  return (
    <Stack maw={760} gap="lg">
      <Text component="h2" fz="h3" fw={700} m={0}>
        {t('admin.editUser', { name: user.displayName })}
      </Text>
      <Text c="dimmed" mt={-12}>
        {t('admin.user.usernameIs', { username: user.username })}
      </Text>
      <Saved show={!!created}>{t('admin.user.created', { username: user.username })}</Saved>
      <form
        noValidate
        aria-label={t('admin.user.details')}
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack>
          <ErrorNotice error={save.error} />
          <Saved show={save.isSuccess}>{t('common.saved')}</Saved>
          <UserFields form={form} fieldError={fieldError} rolesLocked={!me?.isPlatformAdmin && user.roles.includes('approver')} />
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
      <Card withBorder>
        <UserStatus user={user} />
      </Card>
      {/* An approver's password is the platform administrator's to set: whoever sets it could approve in their name. */}
      {(me?.isPlatformAdmin || !user.roles.includes('approver')) && (
        <Card withBorder>
          <ResetPassword user={user} />
        </Card>
      )}
    </Stack>
  );
}
