import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api.ts';
import { ErrorNotice } from '../../../components/status.tsx';
import { useMe } from '../../../session.ts';
import type { User } from '../../../types.ts';

/** Deactivating keeps the user's history but ends their access; it can be undone. */
export function UserStatus({ user }: { user: User }) {
  const { t } = useTranslation();
  const { me } = useMe();
  const client = useQueryClient();
  const toggle = useMutation({
    mutationFn: () => api.updateUser(user.id, { active: !user.active }),
    onSuccess: (updated) => {
      client.setQueryData(['user', user.id], updated);
      void client.invalidateQueries({ queryKey: ['users'] });
    },
  });
  const self = me?.id === user.id;
  return (
    <Stack gap="xs">
      <Group gap="sm">
        <Text fw={700}>{t('admin.user.status')}</Text>
        <Badge color={user.active ? 'teal' : 'red'} variant="light">
          {user.active ? t('admin.user.active') : t('admin.user.inactive')}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed">
        {user.active ? t('admin.user.deactivateHint') : t('admin.user.reactivateHint')}
      </Text>
      <ErrorNotice error={toggle.error} />
      <Group>
        <Button color={user.active ? 'red' : 'teal'} variant="light" onClick={() => toggle.mutate()} loading={toggle.isPending} disabled={self}>
          {user.active ? t('admin.user.deactivate') : t('admin.user.reactivate')}
        </Button>
      </Group>
    </Stack>
  );
}
