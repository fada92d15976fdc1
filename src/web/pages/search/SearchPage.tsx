import { useEffect, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Group, Pagination, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../../api.ts';
import { usePick } from '../../lib/localized.ts';
import { useMe } from '../../session.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { ErrorNotice, Loading } from '../../components/status.tsx';
import { usePartyOptions } from './usePartyOptions.ts';
import { SearchResults } from './SearchResults.tsx';
import type { SearchKind } from '../../../shared/search-kinds.ts';

const pageSize = 20;
/** Kinds anyone may search, and those only signed-in officers see. */
const publicKinds: SearchKind[] = ['agreement', 'clause'];
const officerKinds: SearchKind[] = ['notification', 'follow_up', 'pre_publication', 'media_report', 'meeting'];

/** One search over everything the reader may see (M6); the query lives in the address, so results can be shared. */
export function SearchPage() {
  const { t } = useTranslation();
  const pick = usePick();
  usePageTitle(t('search.title'));
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const kind = params.get('kind') ?? '';
  const party = params.get('party') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [draft, setDraft] = useState(q);
  useEffect(() => setDraft(q), [q]);
  const parties = usePartyOptions();
  const { me } = useMe();
  const kinds = me ? [...publicKinds, ...officerKinds] : publicKinds;

  const results = useQuery({
    queryKey: ['search', q, kind, party, page],
    queryFn: () => api.search({ q, kind: kind || undefined, party: party || undefined, limit: pageSize, offset: (page - 1) * pageSize }),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
  });

  // Past the counted matches (`more`), a full page always offers the next one.
  const counted = results.data ? Math.ceil(results.data.total / pageSize) : 0;
  const pages = results.data?.more ? Math.max(counted, results.data.results.length === pageSize ? page + 1 : page) : counted;

  const update = (change: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(change)) value ? next.set(key, value) : next.delete(key);
    if (!('page' in change)) next.delete('page');
    setParams(next);
  };

  return (
    <Stack gap="md">
      <Title order={1}>{t('search.title')}</Title>
      <form
        role="search"
        aria-label={t('search.pageForm')}
        onSubmit={(e) => {
          e.preventDefault();
          update({ q: draft.trim() });
        }}
      >
        <Group align="end" gap="sm">
          <TextInput label={t('search.label')} type="search" value={draft} onChange={(e) => setDraft(e.currentTarget.value)} style={{ flex: 1 }} miw={220} />
          <Select
            label={t('search.kind')}
            data={[{ value: '', label: t('search.allKinds') }, ...kinds.map((k) => ({ value: k, label: t(`search.kinds.${k}`) }))]}
            value={kind}
            onChange={(v) => update({ kind: v ?? '' })}
            allowDeselect={false}
            w={200}
          />
          <Select
            label={t('search.party')}
            data={[{ value: '', label: t('search.allParties') }, ...parties.map((p) => ({ value: p.code, label: pick(p.name) }))]}
            value={party}
            onChange={(v) => update({ party: v ?? '' })}
            allowDeselect={false}
            w={200}
          />
          <Button type="submit">{t('search.submit')}</Button>
        </Group>
      </form>
      <Text size="sm" c="dimmed">
        {t('search.hint')}
      </Text>
      {results.isFetching && !results.data && <Loading />}
      <ErrorNotice error={results.error} />
      {q && results.data && (
        <>
          <Text role="status" fw={600}>
            {results.data.more ? t('search.totalNewest', { n: results.data.total, q }) : t('search.total', { n: results.data.total, q })}
          </Text>
          <SearchResults results={results.data.results} q={q} />
          {pages > 1 && (
            <Pagination
              total={pages}
              value={page}
              onChange={(p) => update({ page: String(p) })}
              getControlProps={(control) => ({ 'aria-label': t(`search.pagination.${control}`) })}
              getItemProps={(p) => ({ 'aria-label': t('search.pagination.page', { n: p }) })}
            />
          )}
        </>
      )}
    </Stack>
  );
}
