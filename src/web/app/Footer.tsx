import { Anchor, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function Footer() {
  const { t } = useTranslation();
  return (
    <Group component="footer" px="md" py="sm" gap="lg" justify="space-between" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
      <Text size="sm" c="dimmed">
        {t('footer.about')}
      </Text>
      <Group gap="md">
        <Anchor href="/api/docs" size="sm">
          {t('footer.apiDocs')}
        </Anchor>
        <Anchor href="/api/openapi.json" size="sm">
          {t('footer.openapi')}
        </Anchor>
      </Group>
    </Group>
  );
}
