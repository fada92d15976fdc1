import { Anchor, Button, Card, Group, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { usePick } from '../../lib/localized.ts';
import { ErrorNotice, Loading } from '../../components/status.tsx';
import { Field } from '../../components/Field.tsx';
import { Tag } from '../../components/Tag.tsx';
import { leadOutcomes } from '../../../shared/modules/ip.ts';
import { ipApi } from './api.ts';
import { PartiesPanel } from './LeadParties.tsx';

/** One lead: seen by the sending and the addressed unit only; acknowledged, then answered with its outcome. */
export function LeadPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const pick = usePick();
  const client = useQueryClient();
  const lead = useQuery({ queryKey: ['ip', 'lead', id], queryFn: () => ipApi.lead(id) });
  usePageTitle(lead.data?.reference ?? t('ip.leads.title'));
  const [comment, setComment] = useState('');
  const [outcome, setOutcome] = useState<string>('seizure');
  const [feedback, setFeedback] = useState('');
  const done = (saved: Awaited<ReturnType<typeof ipApi.lead>>) => {
    client.setQueryData(['ip', 'lead', id], saved);
    void client.invalidateQueries({ queryKey: ['ip', 'leads'] });
  };
  const acknowledge = useMutation({ mutationFn: () => ipApi.acknowledge(id, comment), onSuccess: done });
  const answer = useMutation({ mutationFn: () => ipApi.answer(id, outcome, feedback), onSuccess: done });
  const [passTo, setPassTo] = useState<string | null>(null);
  const [passComment, setPassComment] = useState('');
  const passOn = useMutation({ mutationFn: () => ipApi.passOn(id, passTo ?? '', passComment), onSuccess: done });
  if (lead.isPending) return <Loading />;
  if (lead.error) return <ErrorNotice error={lead.error} />;
  const l = lead.data;
  return (
    <Stack gap="md" maw={900}>
      <Anchor component={Link} to="/ip/leads" size="sm">
        {t('ip.leads.back')}
      </Anchor>
      <Title order={1}>{l.reference}</Title>
      <Group gap="xs">
        <Tag color={l.status === 'sent' ? 'orange' : l.status === 'answered' ? 'teal' : 'blue'}>{t(`ip.leads.statuses.${l.status}`)}</Tag>
        <Tag color="red">{t(`ip.leads.handling.${l.handlingCode}`)}</Tag>
      </Group>
      <dl style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(14rem, 1fr))', gap: '0.75rem', margin: 0 }}>
        <Field label={t('ip.leads.from')}>{pick(l.from.name)}</Field>
        <Field label={t('ip.leads.to')}>{pick(l.to.name)}</Field>
        <Field label={t('ip.fields.channel')}>{t(`ip.leads.channels.${l.channel}`)}</Field>
        <Field label={t('ip.fields.riskLevel')}>{t(`ip.leads.risk.${l.riskLevel}`)}</Field>
        <Field label={t('ip.fields.goods')}>{l.goods}</Field>
        <Field label={t('ip.fields.brands')}>{l.brands.join(', ') || '—'}</Field>
        <Field label={t('ip.fields.quantity')}>{l.quantity ?? '—'}</Field>
        <Field label={t('ip.fields.route')}>{l.route ?? '—'}</Field>
        {!!l.passedTo.length && <Field label={t('ip.leads.passedTo')}>{l.passedTo.map((u) => pick(u.name)).join('、')}</Field>}
      </dl>
      <Card withBorder>
        <Text fw={600}>{t('ip.fields.summary')}</Text>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{l.summary}</Text>
        {l.riskAssessment && (
          <>
            <Text fw={600} mt="sm">
              {t('ip.fields.riskAssessment')}
            </Text>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{l.riskAssessment}</Text>
          </>
        )}
      </Card>
      {l.outcome && (
        <Card withBorder>
          <Text fw={600}>{t(`ip.leads.outcomes.${l.outcome}`)}</Text>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{l.feedback}</Text>
        </Card>
      )}
      {l.can.viewParties && <PartiesPanel leadId={l.id} />}
      <Title order={2} size="h4">
        {t('ip.leads.history')}
      </Title>
      {l.history.map((h, n) => (
        <Text key={n} size="sm">
          {h.at.slice(0, 16).replace('T', ' ')} · {t(`ip.leads.steps.${h.kind}`)} · {h.actor}
          {h.comment ? ` — ${h.comment}` : ''}
        </Text>
      ))}
      {l.can.acknowledge && (
        <Group align="flex-end">
          <Textarea label={t('ip.leads.ackComment')} value={comment} onChange={(e) => setComment(e.currentTarget.value)} style={{ flex: 1 }} />
          <Button onClick={() => acknowledge.mutate()} loading={acknowledge.isPending}>
            {t('ip.leads.acknowledge')}
          </Button>
        </Group>
      )}
      {l.can.answer && (
        <Stack gap="xs">
          <Select label={t('ip.fields.outcome')} data={leadOutcomes.map((o) => ({ value: o, label: t(`ip.leads.outcomes.${o}`) }))} value={outcome} onChange={(v) => v && setOutcome(v)} allowDeselect={false} w={260} />
          <Textarea label={t('ip.fields.feedback')} value={feedback} onChange={(e) => setFeedback(e.currentTarget.value)} error={answer.error instanceof ApiError ? answer.error.fieldMessage('feedback') : undefined} autosize minRows={2} required />
          <Group>
            <Button onClick={() => answer.mutate()} loading={answer.isPending}>
              {t('ip.leads.answer')}
            </Button>
          </Group>
        </Stack>
      )}
      {l.can.passOn && (
        <Group align="flex-end">
          <Select label={t('ip.leads.passOnTo')} data={l.passOnTo.map((u) => ({ value: u.id, label: pick(u.name) }))} value={passTo} onChange={setPassTo} error={passOn.error instanceof ApiError ? passOn.error.fieldMessage('toUnitId') : undefined} w={280} />
          <Textarea label={t('ip.leads.passOnComment')} value={passComment} onChange={(e) => setPassComment(e.currentTarget.value)} style={{ flex: 1 }} />
          <Button onClick={() => passOn.mutate()} loading={passOn.isPending} disabled={!passTo}>
            {t('ip.leads.passOn')}
          </Button>
        </Group>
      )}
      <ErrorNotice error={passOn.error instanceof ApiError && passOn.error.fields.length ? null : passOn.error} />
      <ErrorNotice error={acknowledge.error ?? (answer.error instanceof ApiError && answer.error.fields.length ? null : answer.error)} />
    </Stack>
  );
}
