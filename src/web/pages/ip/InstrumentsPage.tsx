import { Button, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useAddressParams } from '../../lib/useAddressParams.ts';
import { ErrorNotice, Loading } from '../../components/status.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { ipJurisdictions, ipSubjects, instrumentTypes } from '../../../shared/modules/ip.ts';
import { ipApi } from './api.ts';
import { InstrumentLink, useIpLabels } from './shared.tsx';

/** The database's instruments, by jurisdiction, subject, type and words in either script (WIPO Lex's filters). */
export function InstrumentsPage() {
  const { t } = useTranslation();
  usePageTitle(t('ip.instruments.title'));
  const label = useIpLabels();
  const { values: params, update } = useAddressParams(['q', 'jurisdiction', 'subject', 'type', 'offset'], { resetKey: 'offset' });
  const offset = Number(params.offset ?? 0) || 0;
  const filter = { q: params.q || undefined, jurisdiction: params.jurisdiction || undefined, subject: params.subject || undefined, type: params.type || undefined, offset };
  const page = useQuery({ queryKey: ['ip', 'instruments', filter], queryFn: () => ipApi.instruments(filter), placeholderData: keepPreviousData });
  const set = (key: string, value: string | null) => update({ [key]: value });
  return (
    <Stack gap="md">
      <Title order={1}>{t('ip.instruments.title')}</Title>
      <Group align="flex-end">
        <TextInput label={t('ip.instruments.search')} defaultValue={params.q ?? ''} onBlur={(e) => set('q', e.currentTarget.value.trim())} onKeyDown={(e) => e.key === 'Enter' && set('q', e.currentTarget.value.trim())} />
        <Select label={t('ip.fields.jurisdiction')} data={ipJurisdictions.map((j) => ({ value: j, label: label.jurisdiction(j) }))} value={params.jurisdiction || null} onChange={(v) => set('jurisdiction', v)} clearable />
        <Select label={t('ip.fields.subject')} data={ipSubjects.map((s) => ({ value: s, label: label.subject(s) }))} value={params.subject || null} onChange={(v) => set('subject', v)} clearable />
        <Select label={t('ip.fields.type')} data={instrumentTypes.map((s) => ({ value: s, label: label.type(s) }))} value={params.type || null} onChange={(v) => set('type', v)} clearable />
      </Group>
      {page.isPending && <Loading />}
      <ErrorNotice error={page.error} />
      {page.data && !page.data.instruments.length && <Text c="dimmed">{t('ip.instruments.none')}</Text>}
      {!!page.data?.instruments.length && (
        <>
          <Text size="sm" c="dimmed">
            {t('ip.instruments.total', { n: page.data.total })}
          </Text>
          <ScrollTable minWidth={720} label={t('ip.instruments.title')}>
            <Table striped verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('ip.fields.title')}</Table.Th>
                  <Table.Th>{t('ip.fields.jurisdiction')}</Table.Th>
                  <Table.Th>{t('ip.fields.type')}</Table.Th>
                  <Table.Th>{t('ip.fields.inForceOn')}</Table.Th>
                  <Table.Th>{t('ip.fields.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {page.data.instruments.map((i) => (
                  <Table.Tr key={i.id}>
                    <Table.Td>
                      <InstrumentLink instrument={i} />
                    </Table.Td>
                    <Table.Td>{label.jurisdiction(i.jurisdiction)}</Table.Td>
                    <Table.Td>{label.type(i.type)}</Table.Td>
                    <Table.Td>{i.inForceOn ?? '—'}</Table.Td>
                    <Table.Td>{label.status(i.status)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
          <Group>
            <Button variant="default" disabled={offset === 0} onClick={() => update({ offset: String(Math.max(0, offset - 50)) })}>
              {t('ip.previous')}
            </Button>
            <Button variant="default" disabled={offset + 50 >= page.data.total} onClick={() => update({ offset: String(offset + 50) })}>
              {t('ip.next')}
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}
