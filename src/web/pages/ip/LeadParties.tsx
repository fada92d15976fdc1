import { Button, Card, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { ErrorNotice } from '../../components/status.tsx';
import { leadPartyRoles } from '../../../shared/modules/ip.ts';
import { ipApi, type LeadParty } from './api.ts';

export type PartyDraft = { role: string; name: string; idNumber: string; address: string; company: string };
export const emptyParty = (): PartyDraft => ({ role: 'consignor', name: '', idNumber: '', address: '', company: '' });

/** The parties of a new lead: personal data kept apart from the lead, seen only by the two units' approvers. */
export function PartiesInput({ value, onChange, error }: { value: PartyDraft[]; onChange: (parties: PartyDraft[]) => void; error: (field: string) => string | undefined }) {
  const { t } = useTranslation();
  const set = (n: number, key: keyof PartyDraft, v: string) => onChange(value.map((p, i) => (i === n ? { ...p, [key]: v } : p)));
  return (
    <Stack gap="xs">
      <Text fw={600}>{t('ip.leads.parties.title')}</Text>
      <Text size="sm" c="dimmed">
        {t('ip.leads.parties.hint')}
      </Text>
      {value.map((p, n) => (
        <Group key={n} grow align="flex-start">
          <Select label={t('ip.leads.parties.role')} data={leadPartyRoles.map((r) => ({ value: r, label: t(`ip.leads.parties.roles.${r}`) }))} value={p.role} onChange={(v) => v && set(n, 'role', v)} allowDeselect={false} />
          <TextInput label={t('ip.leads.parties.name')} value={p.name} onChange={(e) => set(n, 'name', e.currentTarget.value)} error={error(`parties.${n}.name`)} required />
          <TextInput label={t('ip.leads.parties.idNumber')} value={p.idNumber} onChange={(e) => set(n, 'idNumber', e.currentTarget.value)} error={error(`parties.${n}.idNumber`)} />
          <TextInput label={t('ip.leads.parties.address')} value={p.address} onChange={(e) => set(n, 'address', e.currentTarget.value)} />
          <TextInput label={t('ip.leads.parties.company')} value={p.company} onChange={(e) => set(n, 'company', e.currentTarget.value)} />
          <Button variant="subtle" color="red" mt={24} style={{ flexGrow: 0 }} onClick={() => onChange(value.filter((_, i) => i !== n))}>
            {t('ip.leads.parties.remove')}
          </Button>
        </Group>
      ))}
      <Group>
        <Button variant="light" onClick={() => onChange([...value, emptyParty()])}>
          {t('ip.leads.parties.add')}
        </Button>
      </Group>
    </Stack>
  );
}

/** A lead's parties, for an approver of the two units: asked for on purpose, since every view is recorded. */
export function PartiesPanel({ leadId }: { leadId: string }) {
  const { t } = useTranslation();
  const view = useMutation({ mutationFn: () => ipApi.parties(leadId) });
  return (
    <Card withBorder>
      <Title order={2} size="h4">
        {t('ip.leads.parties.title')}
      </Title>
      {!view.data && (
        <Stack gap="xs" mt="xs">
          <Text size="sm" c="dimmed">
            {t('ip.leads.parties.recorded')}
          </Text>
          <Group>
            <Button variant="light" onClick={() => view.mutate()} loading={view.isPending}>
              {t('ip.leads.parties.show')}
            </Button>
          </Group>
        </Stack>
      )}
      <ErrorNotice error={view.error} />
      {view.data && !view.data.length && <Text c="dimmed">{t('ip.leads.parties.none')}</Text>}
      {!!view.data?.length && <PartiesTable parties={view.data} />}
    </Card>
  );
}

function PartiesTable({ parties }: { parties: LeadParty[] }) {
  const { t } = useTranslation();
  return (
    <ScrollTable minWidth={600} label={t('ip.leads.parties.title')}>
      <Table verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            {(['role', 'name', 'idNumber', 'address', 'company'] as const).map((k) => (
              <Table.Th key={k}>{t(`ip.leads.parties.${k}`)}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {parties.map((p, n) => (
            <Table.Tr key={n}>
              <Table.Td>{t(`ip.leads.parties.roles.${p.role}`)}</Table.Td>
              <Table.Td>{p.name}</Table.Td>
              <Table.Td>{p.idNumber ?? '—'}</Table.Td>
              <Table.Td>{p.address ?? '—'}</Table.Td>
              <Table.Td>{p.company ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
