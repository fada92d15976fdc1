import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { usePick } from '../../lib/localized.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { ErrorNotice, Loading } from '../../components/status.tsx';
import { PartySection } from './PartySection.tsx';
import type { Directory } from '../../types.ts';

/** Who to call on the other side (M1): parties, their liaison units with duty lines, and the officers. */
export function DirectoryPage() {
  const { t } = useTranslation();
  const pick = usePick();
  usePageTitle(t('directory.title'));
  const directory = useQuery({ queryKey: ['directory'], queryFn: api.directory });
  const [filter, setFilter] = useState('');

  const parties = useMemo(() => filterDirectory(directory.data, filter), [directory.data, filter]);

  return (
    <Stack gap="lg">
      <Title order={1}>{t('directory.title')}</Title>
      <Text c="dimmed">{t('directory.intro')}</Text>
      <TextInput label={t('directory.filter')} description={t('directory.filterHint')} value={filter} onChange={(e) => setFilter(e.currentTarget.value)} maw={420} />
      {directory.isPending && <Loading />}
      <ErrorNotice error={directory.error} />
      {directory.data && !parties.length && <Text>{t('directory.noMatch')}</Text>}
      {parties.map((party) => (
        <PartySection key={party.code} party={party} title={pick(party.name)} />
      ))}
    </Stack>
  );
}

/** Units whose name (any language), code or officers match the words typed. */
function filterDirectory(directory: Directory | undefined, filter: string): Directory['parties'] {
  if (!directory) return [];
  const words = filter.trim().toLowerCase();
  if (!words) return directory.parties.filter((p) => p.units.length);
  return directory.parties
    .map((party) => ({
      ...party,
      units: party.units.filter((u) =>
        [u.code, u.abbreviation ?? '', ...Object.values(u.name), ...u.officers.map((o) => o.displayName)].some((s) => s.toLowerCase().includes(words)),
      ),
    }))
    .filter((p) => p.units.length);
}
