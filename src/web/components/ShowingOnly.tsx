import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * Says which filter of the address narrows a list when the list's own filters do not show it
 * (a count on the home page links to such a list), with the way back to the whole list.
 */
export function ShowingOnly({ what, onShowAll }: { what: string[]; onShowAll: () => void }) {
  const { t } = useTranslation();
  if (!what.length) return null;
  return (
    <Alert color="blue" variant="light" p="xs">
      <Group justify="space-between" gap="xs">
        <Text size="sm">{t('work.filters.showingOnly', { what: what.join(t('common.listSeparator')) })}</Text>
        <Button size="xs" variant="subtle" onClick={onShowAll}>
          {t('work.filters.showAll')}
        </Button>
      </Group>
    </Alert>
  );
}
