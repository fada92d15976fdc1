import { useQuery } from '@tanstack/react-query';
import { Anchor, Card, Group, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api.ts';
import { formatDate, useLocale, usePick } from '../../lib/localized.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { ErrorNotice, Loading } from '../../components/status.tsx';
import { Field } from '../../components/Field.tsx';
import { Reveal } from '../../components/Reveal.tsx';
import { Tag } from '../../components/Tag.tsx';
import type { Meeting } from './types.ts';
import { useActs } from '../../lib/useActs.ts';
import { meetingsApi } from './api.ts';
import { ActionItemForm } from './ActionItemForm.tsx';
import { ActionItems } from './ActionItems.tsx';
import { MeetingDetailsForm } from './MeetingDetailsForm.tsx';
import { MeetingRecord } from './MeetingRecord.tsx';
import { kindColor } from './MeetingsPage.tsx';
import { useReaderMeeting } from './useReaderMeeting.ts';

export function MeetingPage() {
  const { id = '' } = useParams();
  const meeting = useQuery({ queryKey: ['meeting', id], queryFn: () => meetingsApi.get(id) });
  if (meeting.isPending) return <Loading />;
  if (meeting.error) return <ErrorNotice error={meeting.error} />;
  return <MeetingView key={meeting.data.id} meeting={meeting.data} />;
}

/** A meeting: when, where, who; its agenda, minutes and decisions; the action items that follow. */
function MeetingView({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const pick = usePick();
  const m = useReaderMeeting(meeting);
  usePageTitle(m.title);
  const acts = useActs();
  const unitName = (id: string) => pick(m.units.find((u) => u.id === id)?.name);
  const agreements = useQuery({ queryKey: ['agreements'], queryFn: api.agreements, enabled: !!m.agreementCode });
  const agreement = agreements.data?.find((a) => a.code === m.agreementCode);

  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to="/meetings" size="sm">
          {t('meetings.back')}
        </Anchor>
        <Group gap="xs" mt="xs">
          <Tag color={kindColor[m.kind]}>{t(`meetings.kinds.${m.kind}`)}</Tag>
          {agreement && <Tag>{pick(agreement.shortTitle)}</Tag>}
        </Group>
        <Title order={1} mt={4}>
          {m.title}
        </Title>
      </div>
      <SimpleGrid component="dl" cols={{ base: 1, sm: 3 }} spacing="md" verticalSpacing="xs" m={0}>
        <Field label={t('meetings.scheduledAt')}>{formatDate(m.scheduledAt, locale)}</Field>
        <Field label={t('meetings.location')}>{m.location || '—'}</Field>
        <Field label={t('meetings.convenedBy')}>{`${pick(m.convenedBy.name)} · ${m.createdBy}`}</Field>
        <Field label={t('meetings.units')}>{m.units.map((u) => pick(u.name)).join(t('common.listSeparator'))}</Field>
        {m.trigger && (
          <Field label={t('meetings.trigger')}>
            <Anchor component={Link} to={`/notifications/${m.trigger.id}`}>
              {m.trigger.reference ?? t('meetings.triggerLink')}
            </Anchor>
          </Field>
        )}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <section aria-labelledby="agenda-heading">
          <Title order={2} size="h3" id="agenda-heading" mb="xs">
            {t('meetings.agenda')}
          </Title>
          {m.agenda.length ? (
            <List type="ordered">
              {m.agenda.map((a, i) => (
                <List.Item key={i}>{a}</List.Item>
              ))}
            </List>
          ) : (
            <Text c="dimmed">{t('meetings.noAgenda')}</Text>
          )}
        </section>
        <section aria-labelledby="participants-heading">
          <Title order={2} size="h3" id="participants-heading" mb="xs">
            {t('meetings.participants')}
          </Title>
          {m.participants.length ? (
            <Table verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('meetings.participantName')}</Table.Th>
                  <Table.Th>{t('meetings.participantRole')}</Table.Th>
                  <Table.Th>{t('meetings.unit')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {m.participants.map((p, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>{p.name}</Table.Td>
                    <Table.Td>{p.role ?? ''}</Table.Td>
                    <Table.Td>{unitName(p.unitId)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : (
            <Text c="dimmed">{t('meetings.noParticipants')}</Text>
          )}
        </section>
      </SimpleGrid>
      {acts && <MeetingDetailsForm meeting={meeting} />}
      <Card withBorder component="section" aria-labelledby="record-heading">
        <Title order={2} size="h3" id="record-heading" mb="sm">
          {t('meetings.record')}
        </Title>
        <MeetingRecord meeting={meeting} shown={m} mayEdit={acts} />
      </Card>
      <Stack component="section" aria-labelledby="items-heading" gap="sm">
        <Title order={2} size="h3" id="items-heading">
          {t('meetings.actionItems')}
        </Title>
        <ActionItems meeting={m} acts={acts} />
        {acts && (
          <Reveal label={t('meetings.addItem')}>
            <ActionItemForm meeting={meeting} />
          </Reveal>
        )}
      </Stack>
    </Stack>
  );
}
