import { Anchor, Button, Card, Group, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { usePick } from '../../lib/localized.ts';
import { ErrorNotice, Loading } from '../../components/status.tsx';
import { Field } from '../../components/Field.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { Tag } from '../../components/Tag.tsx';
import { leadOutcomes } from '../../../shared/modules/ip.ts';
import { ipApi } from './api.ts';
import { operationStateColor } from './OperationsPage.tsx';

/** A joint enforcement operation: its members, window, attached leads and results (its member units only). */
export function OperationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const pick = usePick();
  const client = useQueryClient();
  const operation = useQuery({ queryKey: ['ip', 'operation', id], queryFn: () => ipApi.operation(id) });
  usePageTitle(operation.data?.name ?? t('ip.operations.title'));
  if (operation.isPending) return <Loading />;
  if (operation.error) return <ErrorNotice error={operation.error} />;
  const o = operation.data;
  return (
    <Stack gap="md" maw={1000}>
      <Anchor component={Link} to="/ip/operations" size="sm">
        {t('ip.operations.back')}
      </Anchor>
      <Title order={1}>{o.name}</Title>
      <Group gap="xs">
        <Tag color={operationStateColor[o.state]}>{t(`ip.operations.states.${o.state}`)}</Tag>
      </Group>
      {o.description && <Text style={{ whiteSpace: 'pre-wrap' }}>{o.description}</Text>}
      <dl style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(14rem, 1fr))', gap: '0.75rem', margin: 0 }}>
        <Field label={t('ip.operations.window')}>
          {o.startsOn} – {o.endsOn}
        </Field>
        <Field label={t('ip.operations.members')}>{o.members.map((m) => pick(m.name)).join('、')}</Field>
      </dl>
      <Title order={2} size="h4">
        {t('ip.operations.results')}
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        {(['leads', ...leadOutcomes, 'pending'] as const).map((k) => (
          <Card withBorder key={k} padding="sm">
            <Text size="xl" fw={700}>
              {o.results[k] ?? 0}
            </Text>
            <Text size="sm" c="dimmed">
              {k === 'leads' ? t('ip.operations.leads') : k === 'pending' ? t('ip.operations.pending') : t(`ip.leads.outcomes.${k}`)}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      <Title order={2} size="h4">
        {t('ip.operations.leads')}
      </Title>
      {!o.leads.length && <Text c="dimmed">{t('ip.leads.none')}</Text>}
      {!!o.leads.length && (
        <ScrollTable minWidth={700} label={t('ip.operations.leads')}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('ip.leads.reference')}</Table.Th>
                <Table.Th>{t('ip.leads.from')}</Table.Th>
                <Table.Th>{t('ip.leads.to')}</Table.Th>
                <Table.Th>{t('ip.fields.channel')}</Table.Th>
                <Table.Th>{t('ip.fields.goods')}</Table.Th>
                <Table.Th>{t('ip.fields.outcome')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {o.leads.map((l) => (
                <Table.Tr key={l.id}>
                  <Table.Td>
                    {l.readable ? (
                      <Anchor component={Link} to={`/ip/leads/${l.id}`}>
                        {l.reference}
                      </Anchor>
                    ) : (
                      l.reference
                    )}
                  </Table.Td>
                  <Table.Td>{pick(l.from.name)}</Table.Td>
                  <Table.Td>{pick(l.to.name)}</Table.Td>
                  <Table.Td>{t(`ip.leads.channels.${l.channel}`)}</Table.Td>
                  <Table.Td>{l.goods ?? <Text c="dimmed" size="sm">{t('ip.operations.notYours')}</Text>}</Table.Td>
                  <Table.Td>{l.outcome ? t(`ip.leads.outcomes.${l.outcome}`) : t(`ip.leads.statuses.${l.status}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      {o.can.attach && <AttachLead operationId={o.id} attached={o.leads.map((l) => l.id)} onDone={() => void client.invalidateQueries({ queryKey: ['ip', 'operation', id] })} />}
    </Stack>
  );
}

/** Attach one of the unit's own leads (sent or received). */
function AttachLead({ operationId, attached, onDone }: { operationId: string; attached: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const [leadId, setLeadId] = useState<string | null>(null);
  const sent = useQuery({ queryKey: ['ip', 'leads', 'sent'], queryFn: () => ipApi.leads('sent') });
  const received = useQuery({ queryKey: ['ip', 'leads', 'received'], queryFn: () => ipApi.leads('received') });
  const attach = useMutation({
    mutationFn: () => ipApi.attachLead(operationId, leadId ?? ''),
    onSuccess: () => {
      setLeadId(null);
      onDone();
    },
  });
  const options = [...(sent.data ?? []), ...(received.data ?? [])].filter((l) => !attached.includes(l.id)).map((l) => ({ value: l.id, label: `${l.reference} · ${l.goods}` }));
  return (
    <Group align="flex-end">
      <Select label={t('ip.operations.attach')} data={options} value={leadId} onChange={setLeadId} searchable error={attach.error instanceof ApiError ? attach.error.fieldMessage('leadId') : undefined} w={360} />
      <Button onClick={() => attach.mutate()} loading={attach.isPending} disabled={!leadId}>
        {t('ip.operations.attachButton')}
      </Button>
      <ErrorNotice error={attach.error instanceof ApiError && attach.error.fields.length ? null : attach.error} />
    </Group>
  );
}
