import { List, Text, ThemeIcon } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { clause1Keys, type TextKey } from './values.ts';

/**
 * Clause 1 of the food-safety agreement: a notification states the scope of the event, the
 * control measures taken and the matters needing attention. Checked as the officer types.
 */
export function Clause1Check({ missing }: { missing: TextKey[] }) {
  const { t } = useTranslation();
  return (
    <div>
      <Text size="sm" fw={600} id="clause1-heading">
        {t('notifications.clause1.heading')}
      </Text>
      <List size="sm" spacing={2} aria-labelledby="clause1-heading" center>
        {clause1Keys.map((key) => {
          const done = !missing.includes(key);
          return (
            <List.Item
              key={key}
              icon={
                <ThemeIcon size={18} radius="xl" color={done ? 'teal.8' : 'gray.6'} aria-hidden="true">
                  {done ? '✓' : '·'}
                </ThemeIcon>
              }
            >
              {t(`notifications.field.${key}`)}
              {t('common.parenOpen')}
              {done ? t('notifications.clause1.filled') : t('notifications.clause1.missing')}
              {t('common.parenClose')}
            </List.Item>
          );
        })}
      </List>
    </div>
  );
}
