import { Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, useLocale } from '../../lib/localized.ts';
import { ErrorNotice } from '../../components/status.tsx';
import { Tag } from '../../components/Tag.tsx';
import { schoolsApi, type PairDetail } from './api.ts';

/** The school year a day is in: 2026-11-24 is in 2026/27. */
export function schoolYearOf(day: string) {
  const [y, m] = day.split('-').map(Number);
  const first = m >= 9 ? y : y - 1;
  return `${first}/${String((first + 1) % 100).padStart(2, '0')}`;
}

function DocumentCard({ pair, kind, year }: { pair: PairDetail; kind: 'plan' | 'report'; year: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const client = useQueryClient();
  const doc = pair.documents.find((d) => d.kind === kind && d.schoolYear === year);
  const [body, setBody] = useState(doc?.body ?? '');
  const [comment, setComment] = useState('');
  const done = (updated: PairDetail) => client.setQueryData(['schools', 'pair', pair.id], updated);
  const save = useMutation({ mutationFn: () => schoolsApi.saveDocument(pair.id, year, kind, body), onSuccess: done });
  const submit = useMutation({ mutationFn: () => schoolsApi.submitDocument(pair.id, year, kind), onSuccess: done });
  const review = useMutation({ mutationFn: (decision: 'accept' | 'return') => schoolsApi.reviewDocument(pair.id, year, kind, decision, comment || undefined), onSuccess: done });
  const editable = pair.can.contribute && (!doc || ['draft', 'returned'].includes(doc.status));
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={3}>{t(`schools.documents.${kind}`, { year })}</Title>
          {doc && <Tag color={doc.overdue ? 'red' : 'gray'}>{t(`schools.documentStatuses.${doc.status}`)}</Tag>}
        </Group>
        <Text size="sm" c="dimmed">
          {t('schools.documents.limit', { pages: kind === 'plan' ? 2 : 4 })}
          {doc && ` · ${t('schools.documents.due', { date: formatDate(doc.dueOn, locale) })} · ${t('schools.documents.pages', { pages: doc.pages })}`}
        </Text>
        {doc?.reviewComment && <Text size="sm">{t('schools.documents.comment', { comment: doc.reviewComment })}</Text>}
        {editable ? (
          <>
            <Textarea label={t(`schools.documents.${kind}`, { year })} value={body} onChange={(e) => setBody(e.currentTarget.value)} autosize minRows={3} />
            <Group>
              <Button variant="default" loading={save.isPending} onClick={() => save.mutate()}>
                {t('schools.documents.save')}
              </Button>
              {doc && (
                <Button loading={submit.isPending} onClick={() => submit.mutate()}>
                  {t('schools.documents.submit')}
                </Button>
              )}
            </Group>
          </>
        ) : (
          doc && <Text style={{ whiteSpace: 'pre-wrap' }}>{doc.body}</Text>
        )}
        {pair.can.review && doc?.status === 'submitted' && (
          <>
            <Textarea label={t('schools.documents.reviewComment')} value={comment} onChange={(e) => setComment(e.currentTarget.value)} />
            <Group>
              <Button color="green" loading={review.isPending && review.variables === 'accept'} onClick={() => review.mutate('accept')}>
                {t('schools.documents.accept')}
              </Button>
              <Button variant="default" loading={review.isPending && review.variables === 'return'} onClick={() => review.mutate('return')}>
                {t('schools.documents.return')}
              </Button>
            </Group>
          </>
        )}
        <ErrorNotice error={save.error ?? submit.error ?? review.error} />
      </Stack>
    </Card>
  );
}

/** This school year's plan and last year's report. */
export function AnnualDocuments({ pair, today }: { pair: PairDetail; today: string }) {
  const year = schoolYearOf(today);
  const last = `${Number(year.slice(0, 4)) - 1}/${year.slice(2, 4)}`;
  return (
    <Stack gap="sm">
      <DocumentCard pair={pair} kind="plan" year={year} />
      <DocumentCard pair={pair} kind="report" year={last} />
    </Stack>
  );
}
