import { Anchor, Button, Card, Group, SegmentedControl, Select, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
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
import { handlingCodes, leadChannels, riskLevels } from '../../../shared/modules/ip.ts';
import { ipApi } from './api.ts';
import { useIpMe } from './shared.tsx';
import { PartiesInput, type PartyDraft } from './LeadParties.tsx';

/** An enforcement unit's leads (M21), received and sent, and a new lead to the other side. */
export function LeadsPage() {
  const { t } = useTranslation();
  usePageTitle(t('ip.leads.title'));
  const me = useIpMe();
  const pick = usePick();
  const [box, setBox] = useState<'received' | 'sent'>('received');
  const leads = useQuery({ queryKey: ['ip', 'leads', box], queryFn: () => ipApi.leads(box), enabled: !!me?.enforcement });
  if (me && !me.enforcement) return <Text c="dimmed">{t('ip.leads.notEnforcement')}</Text>;
  return (
    <Stack gap="md">
      <Title order={1}>{t('ip.leads.title')}</Title>
      <Text c="dimmed">{t('ip.leads.intro')}</Text>
      <SegmentedControl value={box} onChange={(v) => setBox(v as 'received' | 'sent')} data={[{ value: 'received', label: t('ip.leads.received') }, { value: 'sent', label: t('ip.leads.sent') }]} w={280} />
      {leads.isPending && <Loading />}
      <ErrorNotice error={leads.error} />
      {leads.data && !leads.data.length && <Text c="dimmed">{t('ip.leads.none')}</Text>}
      {!!leads.data?.length && (
        <ScrollTable minWidth={640} label={t('ip.leads.title')}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('ip.leads.reference')}</Table.Th>
                <Table.Th>{box === 'received' ? t('ip.leads.from') : t('ip.leads.to')}</Table.Th>
                <Table.Th>{t('ip.fields.channel')}</Table.Th>
                <Table.Th>{t('ip.fields.goods')}</Table.Th>
                <Table.Th>{t('ip.leads.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {leads.data.map((l) => (
                <Table.Tr key={l.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/ip/leads/${l.id}`}>
                      {l.reference}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{pick(box === 'received' ? l.from.name : l.to.name)}</Table.Td>
                  <Table.Td>{t(`ip.leads.channels.${l.channel}`)}</Table.Td>
                  <Table.Td>{l.goods}</Table.Td>
                  <Table.Td>
                    <Tag color={l.status === 'sent' ? 'orange' : l.status === 'answered' ? 'teal' : 'blue'}>{t(`ip.leads.statuses.${l.status}`)}</Tag>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      {me?.enforcement && <NewLead />}
    </Stack>
  );
}

function NewLead() {
  const { t } = useTranslation();
  const pick = usePick();
  const navigate = useNavigate();
  const client = useQueryClient();
  const recipients = useQuery({ queryKey: ['ip', 'recipients'], queryFn: ipApi.recipients });
  const [form, setForm] = useState({ toUnitId: '', channel: 'express_courier', goods: '', brands: '', quantity: '', route: '', summary: '', riskLevel: 'medium', riskAssessment: '', handlingCode: 'addressee_only' });
  const [parties, setParties] = useState<PartyDraft[]>([]);
  const send = useMutation({
    mutationFn: () =>
      ipApi.sendLead({
        ...form,
        brands: form.brands.split(/[,，;；]/).map((b) => b.trim()).filter(Boolean),
        quantity: orNull(form.quantity),
        route: orNull(form.route),
        riskAssessment: orNull(form.riskAssessment),
        parties: parties.map((p) => ({ role: p.role, name: p.name, idNumber: orNull(p.idNumber), address: orNull(p.address), company: orNull(p.company) })),
      } as never),
    onSuccess: (lead) => {
      void client.invalidateQueries({ queryKey: ['ip', 'leads'] });
      navigate(`/ip/leads/${lead.id}`);
    },
  });
  const error = (field: string) => (send.error instanceof ApiError ? send.error.fieldMessage(field) : undefined);
  const set = (key: keyof typeof form) => (value: string | null) => setForm({ ...form, [key]: value ?? '' });
  return (
    <Card withBorder>
      <Title order={2} size="h4">
        {t('ip.leads.new')}
      </Title>
      <Stack gap="sm" mt="sm">
        <Select label={t('ip.fields.toUnitId')} data={(recipients.data ?? []).map((u) => ({ value: u.id, label: pick(u.name) }))} value={form.toUnitId || null} onChange={set('toUnitId')} error={error('toUnitId')} required />
        <Group grow align="flex-start">
          <Select label={t('ip.fields.channel')} data={leadChannels.map((c) => ({ value: c, label: t(`ip.leads.channels.${c}`) }))} value={form.channel} onChange={set('channel')} allowDeselect={false} />
          <Select label={t('ip.fields.riskLevel')} data={riskLevels.map((c) => ({ value: c, label: t(`ip.leads.risk.${c}`) }))} value={form.riskLevel} onChange={set('riskLevel')} allowDeselect={false} />
          <Select label={t('ip.fields.handlingCode')} data={handlingCodes.map((c) => ({ value: c, label: t(`ip.leads.handling.${c}`) }))} value={form.handlingCode} onChange={set('handlingCode')} allowDeselect={false} />
        </Group>
        <TextInput label={t('ip.fields.goods')} value={form.goods} onChange={(e) => set('goods')(e.currentTarget.value)} error={error('goods')} required />
        <Group grow align="flex-start">
          <TextInput label={t('ip.fields.brands')} description={t('ip.leads.brandsHint')} value={form.brands} onChange={(e) => set('brands')(e.currentTarget.value)} />
          <TextInput label={t('ip.fields.quantity')} value={form.quantity} onChange={(e) => set('quantity')(e.currentTarget.value)} />
        </Group>
        <TextInput label={t('ip.fields.route')} value={form.route} onChange={(e) => set('route')(e.currentTarget.value)} />
        <Textarea label={t('ip.fields.summary')} value={form.summary} onChange={(e) => set('summary')(e.currentTarget.value)} error={error('summary')} autosize minRows={3} required />
        <Textarea label={t('ip.fields.riskAssessment')} value={form.riskAssessment} onChange={(e) => set('riskAssessment')(e.currentTarget.value)} autosize minRows={2} />
        <PartiesInput value={parties} onChange={setParties} error={error} />
        <ErrorNotice error={send.error instanceof ApiError && !send.error.fields.length ? send.error : null} />
        <Group>
          <Button onClick={() => send.mutate()} loading={send.isPending}>
            {t('ip.leads.send')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
