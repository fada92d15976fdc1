import { Alert, Button, Group, Stack, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, request } from '../../api.ts';
import { ErrorNotice } from '../../components/status.tsx';

/** The side's authority gives a school a coordinator account, which acts for that school only. */
export function AppointCoordinator({ schoolId }: { schoolId: string }) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ username: '', displayName: '', email: '', password: '' });
  const appoint = useMutation({ mutationFn: () => request<{ userId: string }>('POST', `/schools/${encodeURIComponent(schoolId)}/coordinators`, { body: { ...form, email: form.email || null } }) });
  const fieldError = (field: string) => (appoint.error instanceof ApiError ? appoint.error.fieldMessage(field) : undefined);
  const field = (name: keyof typeof form, type = 'text') => (
    <TextInput type={type} label={t(`schools.coordinator.${name}`)} value={form[name]} onChange={(e) => setForm({ ...form, [name]: e.currentTarget.value })} error={fieldError(name)} />
  );
  return (
    <Stack gap="xs" component="form" onSubmit={(e) => (e.preventDefault(), appoint.mutate())}>
      <Title order={2} size="h4">
        {t('schools.coordinator.title')}
      </Title>
      <Group grow align="flex-start">
        {field('username')}
        {field('displayName')}
      </Group>
      <Group grow align="flex-start">
        {field('email', 'email')}
        {field('password', 'password')}
      </Group>
      <Group>
        <Button type="submit" loading={appoint.isPending}>
          {t('schools.coordinator.appoint')}
        </Button>
      </Group>
      {appoint.isSuccess && <Alert color="green">{t('schools.coordinator.done')}</Alert>}
      {appoint.error && !(appoint.error instanceof ApiError && appoint.error.fields.length) && <ErrorNotice error={appoint.error} />}
    </Stack>
  );
}
