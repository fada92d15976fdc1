import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Role } from '../types.ts';

export function RoleBadges({ roles, platformAdmin }: { roles: Role[]; platformAdmin?: boolean }) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      {platformAdmin && (
        <Badge color="grape" variant="light" size="sm">
          {t('roles.platform_admin')}
        </Badge>
      )}
      {roles.map((r) => (
        <Badge key={r} variant="light" size="sm" color="gray">
          {t(`roles.${r}`)}
        </Badge>
      ))}
    </Group>
  );
}
