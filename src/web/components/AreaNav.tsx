import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';

/** The food-safety exchange: notifications, verification before publishing and of media reports, meetings. */
export function AreaNav() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const sections = [
    { to: '/notifications', label: t('notifications.title') },
    { to: '/verification', label: t('verification.title') },
    { to: '/meetings', label: t('meetings.title') },
  ];
  return (
    <Group component="nav" aria-label={t('notifications.sections')} gap="xs" mb="md">
      {sections.map((s) => {
        const active = pathname === s.to || pathname.startsWith(`${s.to}/`);
        return (
          <Button key={s.to} component={Link} to={s.to} size="xs" variant={active ? 'filled' : 'default'} aria-current={active ? 'page' : undefined}>
            {s.label}
          </Button>
        );
      })}
    </Group>
  );
}
