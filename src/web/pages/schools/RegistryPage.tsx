import { Anchor, Button, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { ErrorNotice, Loading } from '../../components/status.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { schoolsApi } from './api.ts';
import { SchoolName } from './SchoolName.tsx';
import { schoolLevels } from '../../../shared/modules/schools.ts';

/** The registry of both sides' schools, filtered by side, level and name or code. */
export function RegistryPage() {
  const { t } = useTranslation();
  usePageTitle(t('schools.registry.title'));
  const [side, setSide] = useState<string | null>(null);
  const [level, setLevel] = useState<string | null>(null);
  const [q, setQ] = useState('');
  const [offset, setOffset] = useState(0);
  const filter = { side: side ?? undefined, level: level ?? undefined, q: q.trim() || undefined, offset };
  const page = useQuery({ queryKey: ['schools', 'list', filter], queryFn: () => schoolsApi.list(filter), placeholderData: keepPreviousData });
  return (
    <Stack gap="md">
      <Title order={1}>{t('schools.registry.title')}</Title>
      <Group align="flex-end">
        <Select label={t('schools.registry.side')} data={['HK', 'GD'].map((s) => ({ value: s, label: t(`schools.sides.${s}`) }))} value={side} onChange={(v) => (setSide(v), setOffset(0))} clearable />
        <Select label={t('schools.registry.level')} data={schoolLevels.map((l) => ({ value: l, label: t(`schools.levels.${l}`) }))} value={level} onChange={(v) => (setLevel(v), setOffset(0))} clearable />
        <TextInput label={t('schools.registry.search')} value={q} onChange={(e) => (setQ(e.currentTarget.value), setOffset(0))} />
      </Group>
      {page.isPending && <Loading />}
      <ErrorNotice error={page.error} />
      {page.data && !page.data.schools.length && <Text c="dimmed">{t('schools.registry.none')}</Text>}
      {!!page.data?.schools.length && (
        <>
          <Text size="sm" c="dimmed">
            {t('schools.registry.total', { n: page.data.total })}
          </Text>
          <ScrollTable minWidth={720} label={t('schools.registry.title')}>
            <Table striped highlightOnHover verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('schools.registry.name')}</Table.Th>
                  <Table.Th>{t('schools.registry.side')}</Table.Th>
                  <Table.Th>{t('schools.registry.level')}</Table.Th>
                  <Table.Th>{t('schools.registry.district')}</Table.Th>
                  <Table.Th>{t('schools.registry.sisters')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {page.data.schools.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/schools/registry/${s.id}`}>
                        <SchoolName school={s} />
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{t(`schools.sides.${s.side}`)}</Table.Td>
                    <Table.Td>{t(`schools.levels.${s.level}`)}</Table.Td>
                    <Table.Td>{s.district}</Table.Td>
                    <Table.Td>{s.sisters}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
          <Group>
            <Button variant="default" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - 50))}>
              {t('schools.registry.previous')}
            </Button>
            <Button variant="default" disabled={offset + 50 >= page.data.total} onClick={() => setOffset(offset + 50)}>
              {t('schools.registry.next')}
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}
