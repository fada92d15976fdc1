import { useQuery } from '@tanstack/react-query';
import { Anchor, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDate, useLocale, usePick } from '../../lib/localized.ts';
import { useReaderScript } from '../../lib/readerScript.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { ErrorNotice, Loading } from '../../components/status.tsx';
import { useMe } from '../../session.ts';
import { Field } from '../../components/Field.tsx';
import { ScriptToggle } from '../../components/ScriptToggle.tsx';
import { Tag } from '../../components/Tag.tsx';
import { scriptLang, useShownScript } from '../../lib/shownScript.ts';
import type { Script, Verification } from './types.ts';
import { useActs } from '../../lib/useActs.ts';
import { verificationApi } from './api.ts';
import { AnswerForm } from './AnswerForm.tsx';
import { LinkNotification } from './LinkNotification.tsx';
import { ReleaseGate } from './ReleaseGate.tsx';
import { VerificationAnswer } from './VerificationAnswer.tsx';

export function VerificationPage() {
  const { id = '' } = useParams();
  const request = useQuery({ queryKey: ['verification', id], queryFn: () => verificationApi.get(id) });
  if (request.isPending) return <Loading />;
  if (request.error) return <ErrorNotice error={request.error} />;
  return <VerificationView key={request.data.id} v={request.data} />;
}

/** One request: whether the release may go ahead (before publishing), the question, the answer, and answering it. */
function VerificationView({ v }: { v: Verification }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const pick = usePick();
  const { me } = useMe();
  const [script, setScript] = useShownScript(v.authoritativeScript as Script);
  usePageTitle(`${v.reference} ${v.subject[script]}`);
  // Kept as typed: the enterprise and what the media claimed; Mainland readers read them in Simplified.
  const [enterprise, claim, outlet] = useReaderScript([v.enterprise ?? '', v.media?.claim ?? '', v.media?.outlet ?? '']);
  const acts = useActs();
  const asked = me?.unit?.id === v.to.id;

  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to={`/verification?kind=${v.kind}&box=${asked ? 'incoming' : 'outgoing'}`} size="sm">
          {t('verification.back')}
        </Anchor>
        <Group gap="xs" mt="xs">
          <Text fw={700}>{v.reference}</Text>
          <Tag color="blue">{t(`verification.kinds.${v.kind}`)}</Tag>
          <Tag color={v.status === 'open' ? 'yellow' : 'teal'}>{t(`verification.status.${v.status}`)}</Tag>
          {v.overdue && (
            <Tag color="red" filled>
              {t('notifications.overdue')}
            </Tag>
          )}
        </Group>
        <Title order={1} mt={4} lang={scriptLang[script]}>
          {v.subject[script]}
        </Title>
      </div>
      <ReleaseGate v={v} asked={asked} />
      <ScriptToggle value={script} onChange={setScript} authoritative={v.authoritativeScript as Script} />
      <section aria-labelledby="question-heading">
        <Title order={2} size="h3" id="question-heading" mb="xs">
          {t('verification.question')}
        </Title>
        <Text lang={scriptLang[script]} style={{ whiteSpace: 'pre-wrap' }}>
          {v.question[script]}
        </Text>
      </section>
      <SimpleGrid component="dl" cols={{ base: 1, sm: 3 }} spacing="md" verticalSpacing="xs" m={0}>
        <Field label={t('notifications.field.from')}>{pick(v.from.name)}</Field>
        <Field label={t('notifications.field.to')}>{pick(v.to.name)}</Field>
        <Field label={t('verification.askedBy')}>{`${v.createdBy} · ${formatDate(v.createdAt, locale)}`}</Field>
        <Field label={t('verification.deadline')}>{formatDate(v.deadlineAt, locale)}</Field>
        {v.plannedReleaseAt && <Field label={t('verification.plannedReleaseAt')}>{formatDate(v.plannedReleaseAt, locale)}</Field>}
        {v.enterprise && <Field label={t('verification.enterprise')}>{enterprise}</Field>}
        {v.media && <Field label={t('verification.outlet')}>{`${outlet} · ${formatDate(v.media.publishedOn, locale)}`}</Field>}
        {v.media?.link && (
          <Field label={t('verification.mediaLink')}>
            <Anchor href={v.media.link} target="_blank" rel="noreferrer noopener">
              {v.media.link}
            </Anchor>
          </Field>
        )}
      </SimpleGrid>
      {v.media && (
        <section aria-labelledby="claim-heading">
          <Title order={2} size="h4" id="claim-heading" mb="xs">
            {t('verification.claim')}
          </Title>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{claim}</Text>
        </section>
      )}
      <Card withBorder component="section" aria-labelledby="answer-form-heading">
        <Title order={2} size="h3" id="answer-form-heading" mb="sm">
          {t('verification.answerHeading')}
        </Title>
        {v.answer ? (
          <VerificationAnswer v={v} script={script} />
        ) : asked && acts ? (
          <AnswerForm v={v} />
        ) : (
          <Text c="dimmed">{t('verification.awaiting')}</Text>
        )}
      </Card>
      <section aria-labelledby="link-heading">
        <Title order={2} size="h4" id="link-heading" mb="xs">
          {t('verification.notification')}
        </Title>
        <LinkNotification v={v} mayLink={acts} />
      </section>
    </Stack>
  );
}
