import { Anchor, Button, Card, Group, MultiSelect, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../../api.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { usePick } from '../../lib/localized.ts';
import { orNull } from '../../lib/forms.ts';
import { ErrorNotice, Loading } from '../../components/status.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { Tag } from '../../components/Tag.tsx';
import { ipApi } from './api.ts';
import { useIpMe } from './shared.tsx';

export const operationStateColor = { upcoming: 'gray', running: 'teal', ended: 'blue' } as const;

/** The joint enforcement operations the viewer's unit is a member of (M21), and a new one. */
export function OperationsPage() {
  const { t } = useTranslation();
  usePageTitle(t('ip.operations.title'));
  const me = useIpMe();
  const pick = usePick();
  const operations = useQuery({ queryKey: ['ip', 'operations'], queryFn: ipApi.operations, enabled: !!me?.enforcement });
  if (me && !me.enforcement) return <Text c="dimmed">{t('ip.leads.notEnforcement')}</Text>;
  return (
    <Stack gap="md">
      <Title order={1}>{t('ip.operations.title')}</Title>
      <Text c="dimmed">{t('ip.operations.intro')}</Text>
      {operations.isPending && <Loading />}
      <ErrorNotice error={operations.error} />
      {operations.data && !operations.data.length && <Text c="dimmed">{t('ip.operations.none')}</Text>}
      {!!operations.data?.length && (
        <ScrollTable minWidth={640} label={t('ip.operations.title')}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('ip.operations.name')}</Table.Th>
                <Table.Th>{t('ip.operations.window')}</Table.Th>
                <Table.Th>{t('ip.operations.members')}</Table.Th>
                <Table.Th>{t('ip.operations.leads')}</Table.Th>
                <Table.Th>{t('ip.leads.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {operations.data.map((o) => (
                <Table.Tr key={o.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/ip/operations/${o.id}`}>
                      {o.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    {o.startsOn} – {o.endsOn}
                  </Table.Td>
                  <Table.Td>{o.members.map((m) => pick(m.name)).join('、')}</Table.Td>
                  <Table.Td>{o.results.leads}</Table.Td>
                  <Table.Td>
                    <Tag color={operationStateColor[o.state]}>{t(`ip.operations.states.${o.state}`)}</Tag>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      {me?.enforcement && <NewOperation />}
    </Stack>
  );
}

function NewOperation() {
  const { t } = useTranslation();
  const pick = usePick();
  const navigate = useNavigate();
  const client = useQueryClient();
  const candidates = useQuery({ queryKey: ['ip', 'operation-members'], queryFn: ipApi.operationMembers });
  const [form, setForm] = useState({ name: '', description: '', startsOn: '', endsOn: '', memberUnitIds: [] as string[] });
  const create = useMutation({
    mutationFn: () => ipApi.createOperation({ ...form, description: orNull(form.description) }),
    onSuccess: (op) => {
      void client.invalidateQueries({ queryKey: ['ip', 'operations'] });
      navigate(`/ip/operations/${op.id}`);
    },
  });
  const error = (field: string) => (create.error instanceof ApiError ? create.error.fieldMessage(field) : undefined);
  const units = (candidates.data ?? []).map((u) => ({ value: u.id, label: pick(u.name) }));
  return (
    <Card withBorder>
      <Title order={2} size="h4">
        {t('ip.operations.new')}
      </Title>
      <Stack gap="sm" mt="sm">
        <TextInput label={t('ip.operations.name')} value={form.name} onChange={(e) => setForm({ ...form, name: e.currentTarget.value })} error={error('name')} required />
        <Textarea label={t('ip.operations.description')} value={form.description} onChange={(e) => setForm({ ...form, description: e.currentTarget.value })} autosize minRows={2} />
        <Group grow align="flex-start">
          <TextInput type="date" label={t('ip.operations.startsOn')} value={form.startsOn} onChange={(e) => setForm({ ...form, startsOn: e.currentTarget.value })} error={error('startsOn')} required />
          <TextInput type="date" label={t('ip.operations.endsOn')} value={form.endsOn} onChange={(e) => setForm({ ...form, endsOn: e.currentTarget.value })} error={error('endsOn')} required />
        </Group>
        <MultiSelect label={t('ip.operations.members')} description={t('ip.operations.membersHint')} data={units} value={form.memberUnitIds} onChange={(v) => setForm({ ...form, memberUnitIds: v })} error={error('memberUnitIds')} required />
        <ErrorNotice error={create.error instanceof ApiError && !create.error.fields.length ? create.error : null} />
        <Group>
          <Button onClick={() => create.mutate()} loading={create.isPending}>
            {t('ip.operations.create')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
