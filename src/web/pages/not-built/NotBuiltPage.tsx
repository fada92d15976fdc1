import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../../lib/usePageTitle.ts';

/** The page of an agreement whose module is not built yet: says so, and leads to its text. */
export function NotBuiltPage({ agreement, labelKey }: { agreement: string; labelKey: string }) {
  const { t } = useTranslation();
  const title = t('notBuilt.title', { name: t(labelKey) });
  usePageTitle(title);
  return (
    <Stack gap="md">
      <Title order={1}>{title}</Title>
      <Text>{t('notBuilt.body')}</Text>
      <Anchor component={Link} to={`/agreements/${agreement}`}>
        {t('notBuilt.readText')}
      </Anchor>
    </Stack>
  );
}
