import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Group, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { fieldErrors, orNull } from '../../lib/forms.ts';
import { useFormState } from '../../lib/useFormState.ts';
import { ErrorNotice } from '../../components/status.tsx';
import { Saved } from '../../components/Saved.tsx';
import type { Me } from '../../types.ts';

/** How other officers see and reach you in the directory. */
export function ProfileForm({ me, headingId }: { me: Me; headingId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useFormState({ displayName: me.displayName, title: me.title ?? '', email: me.email ?? '', phone: me.phone ?? '' });
  const save = useMutation({
    mutationFn: () =>
      api.updateMe({
        displayName: form.values.displayName.trim(),
        title: orNull(form.values.title),
        email: orNull(form.values.email),
        phone: orNull(form.values.phone),
      }),
    onSuccess: (updated) => client.setQueryData(['me'], updated),
  });
  const fieldError = fieldErrors(save.error);
  return (
    <form
      noValidate
      aria-labelledby={headingId}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Stack gap="sm">
        <Title order={2} size="h4" id={headingId}>
          {t('account.profile')}
        </Title>
        <ErrorNotice error={save.error} />
        <Saved show={save.isSuccess}>{t('common.saved')}</Saved>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('admin.user.displayName')} required autoComplete="name" {...form.text('displayName')} error={fieldError('displayName')} />
          <TextInput label={t('admin.user.title')} autoComplete="organization-title" {...form.text('title')} error={fieldError('title')} />
          <TextInput label={t('admin.user.email')} type="email" autoComplete="email" {...form.text('email')} error={fieldError('email')} />
          <TextInput label={t('admin.user.phone')} type="tel" autoComplete="tel" {...form.text('phone')} error={fieldError('phone')} />
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
