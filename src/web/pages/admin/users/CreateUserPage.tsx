import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { PasswordField } from '../../../components/PasswordField.tsx';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../../api.ts';
import { fieldErrors, orUndefined } from '../../../lib/forms.ts';
import { useFormState } from '../../../lib/useFormState.ts';
import { ErrorNotice } from '../../../components/status.tsx';
import { useMe } from '../../../session.ts';
import type { Locale } from '../../../types.ts';
import { UserFields, type UserFieldValues } from './UserFields.tsx';

export function CreateUserPage() {
  const { t } = useTranslation();
  const { me } = useMe();
  const navigate = useNavigate();
  const client = useQueryClient();
  const form = useFormState<UserFieldValues>({
    displayName: '',
    title: '',
    email: '',
    phone: '',
    unitId: me?.isPlatformAdmin ? null : (me?.unit?.id ?? null),
    roles: ['officer'],
    isPlatformAdmin: false,
    locale: '',
  });
  const account = useFormState({ username: '', password: '' });

  const create = useMutation({
    mutationFn: () => {
      const v = form.values;
      return api.createUser({
        username: account.values.username.trim(),
        password: account.values.password,
        displayName: v.displayName.trim(),
        title: orUndefined(v.title),
        email: orUndefined(v.email),
        phone: orUndefined(v.phone),
        unitId: v.unitId,
        roles: v.roles,
        isPlatformAdmin: me?.isPlatformAdmin ? v.isPlatformAdmin : undefined,
        locale: (v.locale || undefined) as Locale | undefined,
      });
    },
    onSuccess: async (user) => {
      await client.invalidateQueries({ queryKey: ['users'] });
      navigate(`/admin/users/${user.id}`, { state: { created: true } });
    },
  });
  const fieldError = fieldErrors(create.error);

  return (
    <form
      noValidate
      aria-labelledby="new-user-heading"
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate();
      }}
    >
      <Stack maw={760}>
        <Text component="h2" id="new-user-heading" fz="h3" fw={700} m={0}>
          {t('admin.newUser')}
        </Text>
        <ErrorNotice error={create.error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('admin.user.username')}
            description={t('admin.user.usernameHint')}
            required
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            {...account.text('username')}
            error={fieldError('username')}
          />
          <PasswordField
            label={t('admin.user.password')}
            description={t('admin.user.passwordHint')}
            required
            autoComplete="new-password"
            {...account.text('password')}
            error={fieldError('password')}
          />
        </SimpleGrid>
        <UserFields form={form} fieldError={fieldError} />
        <Group>
          <Button type="submit" loading={create.isPending}>
            {t('admin.user.create')}
          </Button>
          <Button component={Link} to="/admin" variant="default">
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
