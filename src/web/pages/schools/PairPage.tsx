import { Anchor, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { dayInput } from '../../lib/dates.ts';
import { formatDate, useLocale } from '../../lib/localized.ts';
import { useReaderScript } from '../../lib/readerScript.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { ErrorNotice, Loading } from '../../components/status.tsx';
import { Tag } from '../../components/Tag.tsx';
import { schoolsApi, type PairDetail } from './api.ts';
import { ActivityForm } from './ActivityForm.tsx';
import { EvidenceFiles } from './EvidenceFiles.tsx';
import { MaterialForm } from './MaterialForm.tsx';
import { AnnualDocuments } from './AnnualDocuments.tsx';
import { PairActions } from './PairActions.tsx';
import { statusColor } from './PairsTable.tsx';
import { SampleBadge, SchoolName } from './SchoolName.tsx';

function Side({ pair, side }: { pair: PairDetail; side: 'HK' | 'GD' }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const school = side === 'HK' ? pair.hk : pair.gd;
  return (
    <Card withBorder>
      <Text size="sm" c="dimmed">
        {t(`schools.sides.${side}`)}
      </Text>
      <Text fw={600} component="div">
        <SchoolName school={school} withSample={false} />
      </Text>
      <Text size="sm">{pair.consent[side] ? t('schools.pair.consentedOn', { date: formatDate(pair.consent[side], locale) }) : t('schools.pair.awaitingConsent')}</Text>
      <Text size="sm">{pair.endorsement[side] ? t('schools.pair.endorsedOn', { date: formatDate(pair.endorsement[side], locale) }) : t('schools.pair.awaitingEndorsement')}</Text>
    </Card>
  );
}

/** A sister-school pair: both sides' consents and endorsements, its steps, activities with their evidence, materials, plan and report. */
export function PairPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { id = '' } = useParams();
  const pair = useQuery({ queryKey: ['schools', 'pair', id], queryFn: () => schoolsApi.pair(id) });
  usePageTitle(t('schools.pair.title'));
  const texts = useReaderScript([...(pair.data?.activities ?? []).map((a) => a.description), ...(pair.data?.history ?? []).map((h) => h.comment ?? '')]);
  if (pair.isPending) return <Loading />;
  if (pair.error) return <ErrorNotice error={pair.error} />;
  const p = pair.data;
  const nActivities = p.activities.length;
  return (
    <Stack gap="md">
      <Group gap="sm">
        <Title order={1}>{t('schools.pair.title')}</Title>
        <Tag color={statusColor[p.status]}>{t(`schools.statuses.${p.status}`)}</Tag>
        <SampleBadge show={p.isSample} />
      </Group>
      {p.startedOn && <Text>{t('schools.pair.since', { date: formatDate(p.startedOn, locale) })}</Text>}
      {p.statusReason && <Text>{t('schools.pair.reasonGiven', { reason: p.statusReason })}</Text>}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Side pair={p} side="HK" />
        <Side pair={p} side="GD" />
      </SimpleGrid>
      <PairActions pair={p} />
      <Title order={2}>{t('schools.activities.title')}</Title>
      {!nActivities && <Text c="dimmed">{t('schools.activities.none')}</Text>}
      {!!nActivities && (
        <>
          <Text size="sm">{Object.entries(p.participantTotals).map(([g, n]) => t('schools.activities.total', { group: t(`schools.groups.${g}`), n })).join(' · ')}</Text>
          <List spacing="xs" aria-label={t('schools.activities.title')}>
            {p.activities.map((a, i) => (
              <List.Item key={a.id}>
                <Text fw={600} span>
                  {formatDate(a.heldOn, locale)} · {t(`schools.activityKinds.${a.kind}`)}
                </Text>{' '}
                <Text span>{texts[i]}</Text>{' '}
                <Text span size="sm" c="dimmed">
                  ({a.participants.map((x) => `${t(`schools.sides.${x.side}`)} ${t(`schools.groups.${x.group}`)} ${x.count}`).join(', ')})
                </Text>
                <EvidenceFiles pair={p} activity={a} />
              </List.Item>
            ))}
          </List>
        </>
      )}
      {p.can.contribute && <ActivityForm pair={p} />}
      <Title order={2}>{t('schools.materials.title')}</Title>
      {!p.materials.length && <Text c="dimmed">{t('schools.materials.none')}</Text>}
      {!!p.materials.length && (
        <List aria-label={t('schools.materials.title')}>
          {p.materials.map((m) => (
            <List.Item key={m.id}>
              {m.url ? <Anchor href={m.url}>{m.title}</Anchor> : m.title} — {m.description} ({t(`schools.licences.${m.licence}`)})
            </List.Item>
          ))}
        </List>
      )}
      {p.can.contribute && <MaterialForm pair={p} />}
      {['active', 'dormant', 'ended'].includes(p.status) && (
        <>
          <Title order={2}>{t('schools.documents.title')}</Title>
          <AnnualDocuments pair={p} today={dayInput(new Date())} />
        </>
      )}
      <Title order={2}>{t('schools.pair.history')}</Title>
      <List spacing={4}>
        {p.history.map((h, i) => (
          <List.Item key={i}>
            {formatDate(h.at, locale)} · {t(`schools.events.${h.kind}`, { defaultValue: h.kind })}
            {h.side ? ` (${t(`schools.sides.${h.side}`)})` : ''} · {h.actor}
            {h.comment ? ` — ${texts[nActivities + i]}` : ''}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
