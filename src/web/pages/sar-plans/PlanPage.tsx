import { Alert, Anchor, Button, Card, Group, List, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { formatDate, useLocale, usePick } from '../../lib/localized.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { ErrorNotice, Loading } from '../../components/status.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { Tag } from '../../components/Tag.tsx';
import { sarApi, type PlanDetail } from './api.ts';
import { planStatusColor } from './SarHome.tsx';
import { ShipName } from './ShipName.tsx';
import { ExerciseForm } from './ExerciseForm.tsx';
import { FacilitiesForm } from './FacilitiesForm.tsx';

const show = (value: unknown) => (value === null || value === undefined ? '—' : typeof value === 'object' ? JSON.stringify(value) : String(value));

/** A plan: validity, its four modules with what changed, the controlled copies, recognition, exercises, and the document in three languages. */
export function PlanPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const pick = usePick();
  const locale = useLocale();
  const client = useQueryClient();
  const plan = useQuery({ queryKey: ['sar-plans', 'plan', id], queryFn: () => sarApi.plan(id) });
  usePageTitle(plan.data ? plan.data.reference : t('sar-plans.title'));
  const [reason, setReason] = useState('');
  const done = (next: PlanDetail) => {
    client.setQueryData(['sar-plans', 'plan', id], next);
    void client.invalidateQueries({ queryKey: ['sar-plans'] });
  };
  const step = useMutation({ mutationFn: (s: { step: 'issue' | 'withdraw' | 'recognise'; reason?: string }) => sarApi.step(id, s.step, { reason: s.reason }), onSuccess: done });
  const ack = useMutation({ mutationFn: (a: { copyId: string; step: 'acknowledge' | 'acknowledge-withdrawal' }) => sarApi.acknowledge(id, a.copyId, a.step), onSuccess: done });
  if (plan.isPending) return <Loading />;
  if (plan.error) return <ErrorNotice error={plan.error} />;
  const p = plan.data;
  return (
    <Stack gap="lg">
      <Group gap="xs">
        <Title order={1}>{p.reference}</Title>
        <Tag color={planStatusColor[p.status]}>{t(`sar-plans.statuses.${p.status}`)}</Tag>
        {p.revision > 0 && <Tag>{t('sar-plans.plan.revision', { revision: p.revision })}</Tag>}
      </Group>
      <ShipName named={p.ship} />
      <Text c="dimmed">{pick(p.owner.name)}</Text>
      {p.status !== 'withdrawn' && !p.valid && <Alert color="red">{t('sar-plans.plan.invalid', { agencies: p.outdatedAgencies.join(', ') })}</Alert>}
      {p.registerChanges.length > 0 && <Alert color="yellow">{t('sar-plans.plan.registerChanged', { fields: p.registerChanges.map((c) => `${c.module}.${c.field}`).join(', ') })}</Alert>}
      {p.exerciseOverdue && <Alert color="orange">{t('sar-plans.plan.exerciseOverdue', { date: formatDate(p.exerciseDueOn, locale) })}</Alert>}
      <ErrorNotice error={step.error ?? ack.error} />
      <Group>
        {p.may.issue && (
          <Button loading={step.isPending && step.variables?.step === 'issue'} onClick={() => step.mutate({ step: 'issue' })}>
            {p.revision === 0 ? t('sar-plans.plan.issue') : t('sar-plans.plan.issueRevision')}
          </Button>
        )}
        {p.may.recognise && (
          <Button loading={step.isPending && step.variables?.step === 'recognise'} onClick={() => step.mutate({ step: 'recognise' })}>
            {t('sar-plans.plan.recognise')}
          </Button>
        )}
        {p.may.withdraw && (
          <Group gap="xs">
            <TextInput aria-label={t('sar-plans.plan.withdrawReason')} placeholder={t('sar-plans.plan.withdrawReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
            <Button color="red" variant="light" disabled={!reason.trim()} onClick={() => step.mutate({ step: 'withdraw', reason })}>
              {t('sar-plans.plan.withdraw')}
            </Button>
          </Group>
        )}
      </Group>
      <Group gap="md">
        <Text size="sm">{t('sar-plans.plan.document')}:</Text>
        {(['zh-Hant', 'zh-Hans', 'en'] as const).map((lang) => (
          <Group key={lang} gap={6}>
            <Anchor href={sarApi.documentUrl(p.id, 'html', lang)} target="_blank" rel="noopener">
              {t(`languages.${lang}`)}
            </Anchor>
            <Anchor href={sarApi.documentUrl(p.id, 'pdf', lang)} download aria-label={`PDF (${t(`languages.${lang}`)})`}>
              PDF
            </Anchor>
          </Group>
        ))}
      </Group>

      <Title order={2}>{t('sar-plans.plan.modules')}</Title>
      <Card withBorder>
        <Text fw={600}>{t('sar-plans.plan.module1')}</Text>
        <ShipName named={p.company} />
        <Text size="sm">
          {t('sar-plans.register.contact24h')}: {p.company.contact.name} · {p.company.contact.phone}
        </Text>
      </Card>
      <Card withBorder>
        <Text fw={600}>{t('sar-plans.plan.module2')}</Text>
        <Text size="sm">
          IMO {p.shipModule.imoNumber} · MMSI {p.shipModule.mmsi} · {p.shipModule.callSign} · {t(`sar-plans.places.${p.shipModule.place}`)} · {p.shipModule.passengerCapacity}
        </Text>
      </Card>
      {p.modules.map((m) => (
        <Card key={m.agency.code} withBorder>
          <Group gap="xs">
            <Text fw={600}>{t('sar-plans.plan.module3', { agency: pick(m.agency.name) })}</Text>
            <Tag color={m.current ? 'teal' : 'red'}>{t('sar-plans.modules.version', { version: m.version })}</Tag>
            {m.isSample && <Tag color="orange">{t('sar-plans.sample')}</Tag>}
          </Group>
          <Text size="sm">
            {pick(m.content.rccName)} · {m.content.telephone}
          </Text>
          {m.changes.length > 0 && (
            <>
              <Text size="sm" c="red.9">
                {t('sar-plans.plan.changedIn', { version: m.currentVersion })}
              </Text>
              <List size="sm">
                {m.changes.map((c) => (
                  <List.Item key={c.field}>
                    {c.field}: {show(c.from)} → {show(c.to)}
                  </List.Item>
                ))}
              </List>
            </>
          )}
        </Card>
      ))}
      <Card withBorder>
        <Text fw={600}>{t('sar-plans.plan.module4')}</Text>
        {p.facilities.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('sar-plans.plan.none')}
          </Text>
        ) : (
          p.facilities.map((f, i) => (
            <Text key={i} size="sm">
              {t(`sar-plans.places.${f.place}`)} · {t(`sar-plans.facilityKinds.${f.kind}`)} · {pick(f.name)}
              {f.contact ? ` · ${f.contact}` : ''}
            </Text>
          ))
        )}
        {p.notes && <Text size="sm">{p.notes}</Text>}
      </Card>
      {p.may.edit && <FacilitiesForm plan={p} />}

      <Title order={2}>{t('sar-plans.plan.copies')}</Title>
      {p.copies.length === 0 ? (
        <Text c="dimmed">{t('sar-plans.plan.none')}</Text>
      ) : (
        <ScrollTable minWidth={720} label={t('sar-plans.plan.copies')}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('sar-plans.plan.copy')}</Table.Th>
                <Table.Th>{t('sar-plans.plan.holder')}</Table.Th>
                <Table.Th>{t('sar-plans.plan.state')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.copies.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>{c.label}</Table.Td>
                  <Table.Td>{c.holderUnit ? pick(c.holderUnit.name) : c.holderName}</Table.Td>
                  <Table.Td>
                    <Tag color={c.state === 'held' || c.state === 'withdrawn' ? 'gray' : 'yellow'}>{t(`sar-plans.copyStates.${c.state}`)}</Tag>
                  </Table.Td>
                  <Table.Td>
                    {c.mayAcknowledge && (
                      <Button size="xs" variant="light" onClick={() => ack.mutate({ copyId: c.id, step: c.state === 'awaiting_receipt' ? 'acknowledge' : 'acknowledge-withdrawal' })}>
                        {c.state === 'awaiting_receipt' ? t('sar-plans.plan.acknowledge') : t('sar-plans.plan.acknowledgeWithdrawal')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}

      <Title order={2}>{t('sar-plans.plan.recognitions')}</Title>
      {p.recognitions.length === 0 ? (
        <Text c="dimmed">{t('sar-plans.plan.none')}</Text>
      ) : (
        <List size="sm">
          {p.recognitions.map((r) => (
            <List.Item key={`${r.agency.code}-${r.revision}`}>{t('sar-plans.plan.recognisedBy', { agency: pick(r.agency.name), by: r.recognisedBy, on: formatDate(r.recognisedAt, locale), revision: r.revision })}</List.Item>
          ))}
        </List>
      )}

      <Title order={2}>{t('sar-plans.plan.exercises')}</Title>
      {p.may.recordExercise && <ExerciseForm plan={p} />}
      {p.exercises.length === 0 ? (
        <Text c="dimmed">{t('sar-plans.plan.none')}</Text>
      ) : (
        <List size="sm" aria-label={t('sar-plans.plan.exercises')}>
          {p.exercises.map((e) => (
            <List.Item key={e.id}>
              {formatDate(e.heldOn, locale)} · {t(`sar-plans.exerciseKinds.${e.kind}`)} · {e.participants.join(', ')} — {e.findings}
              {e.followUpActions.length > 0 && (
                <List size="sm" withPadding>
                  {e.followUpActions.map((a, i) => (
                    <List.Item key={i}>
                      {a.action} · {a.owner}
                      {a.dueOn ? ` · ${formatDate(a.dueOn, locale)}` : ''}
                    </List.Item>
                  ))}
                </List>
              )}
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
