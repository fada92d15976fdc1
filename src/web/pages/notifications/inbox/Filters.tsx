import { useEffect, useState } from 'react';
import { Button, Checkbox, Group, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Reveal } from '../../../components/Reveal.tsx';
import { categories, classifications, statuses } from '../lib/options.ts';
import type { ListFilters } from '../lib/api.ts';
import type { useInboxParams } from './useInboxParams.ts';

type Props = { params: ReturnType<typeof useInboxParams> };

/** Choices apply at once; the search words when the reader presses Enter or "Search". */
export function Filters({ params }: Props) {
  const { t } = useTranslation();
  const { filters, setFilter } = params;
  const phone = useMediaQuery('(max-width: 47.99em)');
  const drafts = params.box === 'drafts';
  const [q, setQ] = useState(filters.q ?? '');
  useEffect(() => setQ(filters.q ?? ''), [filters.q]);
  const choice = (key: keyof ListFilters, values: string[], prefix: string) => ({
    data: values.map((value) => ({ value, label: t(`${prefix}.${value}`) })),
    value: filters[key] ?? null,
    onChange: (value: string | null) => setFilter(key, value),
    clearable: true,
    placeholder: t('notifications.filters.any'),
  });

  const form = (
    <form
      role="search"
      aria-label={t('notifications.filters.label')}
      onSubmit={(e) => {
        e.preventDefault();
        setFilter('q', q.trim() || null);
      }}
    >
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" verticalSpacing="xs">
        <TextInput label={t('notifications.filters.q')} description={t('notifications.filters.qHint')} value={q} onChange={(e) => setQ(e.currentTarget.value)} type="search" />
        <Select label={t('notifications.field.category')} {...choice('category', categories, 'notifications.category')} />
        <Select label={t('notifications.field.classification')} {...choice('classification', classifications, 'notifications.classification')} />
        <Select label={t('notifications.field.status')} {...choice('status', statuses, 'notifications.status')} />
        {/* Drafts are not sent yet: their dates are when they were started. */}
        <TextInput label={t(drafts ? 'notifications.filters.createdFrom' : 'notifications.filters.from')} type="date" value={filters.from ?? ''} onChange={(e) => setFilter('from', e.currentTarget.value || null)} />
        <TextInput label={t(drafts ? 'notifications.filters.createdTo' : 'notifications.filters.to')} type="date" value={filters.to ?? ''} onChange={(e) => setFilter('to', e.currentTarget.value || null)} />
      </SimpleGrid>
      <Group mt="sm" gap="md">
        {!drafts && (
          <Checkbox label={t('notifications.filters.overdue')} checked={filters.overdue === 'true'} onChange={(e) => setFilter('overdue', e.currentTarget.checked ? 'true' : null)} />
        )}
        {params.box !== 'drafts' && (
          <Checkbox label={t('notifications.filters.openRequests')} checked={filters.openRequests === 'true'} onChange={(e) => setFilter('openRequests', e.currentTarget.checked ? 'true' : null)} />
        )}
        {params.box === 'inbox' && (
          <Checkbox label={t('notifications.filters.unread')} checked={filters.unread === 'true'} onChange={(e) => setFilter('unread', e.currentTarget.checked ? 'true' : null)} />
        )}
        <Button type="submit" size="xs">
          {t('notifications.filters.search')}
        </Button>
        {params.filtered && (
          <Button size="xs" variant="subtle" onClick={params.clearFilters}>
            {t('notifications.filters.clear')}
          </Button>
        )}
      </Group>
    </form>
  );
  if (!phone) return form;
  // On a phone the filters fold away behind one button, which says how many are on.
  const on = Object.keys(filters).length;
  return <Reveal label={`${t('notifications.filters.show')}${on ? `${t('common.parenOpen')}${on}${t('common.parenClose')}` : ''}`}>{form}</Reveal>;
}
