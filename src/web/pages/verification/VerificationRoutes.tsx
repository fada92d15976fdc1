import { Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Placeholder until the pages of this area are built. */
export function VerificationRoutes() {
  const { t } = useTranslation();
  return <Title order={1}>{t('notifications.title')}</Title>;
}
