import { Anchor, Badge, Group, Highlight, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, useLocale, usePick } from '../../lib/localized.ts';
import { useReaderScript } from '../../lib/readerScript.ts';
import type { SearchResult } from '../../types.ts';

export function SearchResults({ results, q }: { results: SearchResult[]; q: string }) {
  const { t } = useTranslation();
  const pick = usePick();
  const locale = useLocale();
  const snippets = useReaderScript(results.map((r) => r.snippet));
  const terms = q.split(/\s+/).filter(Boolean);
  const highlight = useReaderScript(terms);

  if (!results.length) return <Text>{t('search.none')}</Text>;
  return (
    <Stack component="ol" gap="md" p={0} m={0} style={{ listStyle: 'none' }}>
      {results.map((r, i) => (
        <li key={`${r.kind}-${r.id}`}>
          <Group gap="xs" align="baseline">
            <Badge size="sm" variant="light" color="gray">
              {t(`search.kinds.${r.kind}`, { defaultValue: r.kind })}
            </Badge>
            <Anchor component={Link} to={r.url} fw={600}>
              {pick(r.title)}
            </Anchor>
            {r.date && (
              <Text size="sm" c="dimmed">
                {formatDate(r.date, locale)}
              </Text>
            )}
          </Group>
          <Highlight highlight={[...terms, ...highlight]} size="sm" mt={4} lang={locale === 'zh-Hans' ? 'zh-Hans-CN' : 'zh-Hant-HK'}>
            {snippets[i] ?? r.snippet}
          </Highlight>
        </li>
      ))}
    </Stack>
  );
}
