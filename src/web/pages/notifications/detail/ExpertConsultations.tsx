import { Badge, Box, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, useLocale } from '../../../lib/localized.ts';
import { useReaderScript } from '../../../lib/readerScript.ts';
import { fieldErrors } from '../../../lib/forms.ts';
import { useFormState } from '../../../lib/useFormState.ts';
import { notificationsApi } from '../lib/api.ts';
import { RowsEditor } from '../compose/RowsEditor.tsx';
import { emptyRow, type Row } from '../compose/values.ts';
import type { NotificationDetail } from '../lib/types.ts';
import { AdviceForm } from './AdviceForm.tsx';
import { Reveal } from '../../../components/Reveal.tsx';
import { RevealForm } from '../../../components/RevealForm.tsx';
import { useNotificationAction } from './useNotificationAction.ts';

const expertKeys = ['name', 'affiliation'] as const;

/** Clause 7: professional and technical questions are studied by experts of both sides, whose advice informs the decision. */
export function ExpertConsultations({ n }: { n: NotificationDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const initial = { question: '', experts: [emptyRow(expertKeys)] as Row<(typeof expertKeys)[number]>[] };
  const form = useFormState(initial);
  const refer = useNotificationAction(
    n.id,
    (_: void, key) =>
      notificationsApi.consultExperts(
        n.id,
        {
          question: form.values.question.trim(),
          experts: form.values.experts.filter((e) => e.name.trim() || e.affiliation.trim()).map((e) => ({ name: e.name.trim(), affiliation: e.affiliation.trim() || null })),
        },
        key,
      ),
    () => form.setValues(initial),
  );
  const fieldError = fieldErrors(refer.error);
  // Questions and advice are kept as typed; Mainland readers read them in Simplified.
  const texts = useReaderScript(n.expertConsultations.flatMap((c) => [c.question, c.advice ?? '']));
  if (!n.can.followUp && !n.expertConsultations.length) return null;
  return (
    <Stack component="section" aria-labelledby="experts-heading" gap="sm">
      <Title order={2} size="h3" id="experts-heading">
        {t('notifications.experts.heading')}
      </Title>
      {n.expertConsultations.map((c, i) => (
        <Paper key={c.id} withBorder p="sm">
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              {c.requestedBy} · {formatDate(c.requestedAt, locale)}
            </Text>
            {!c.shared && (
              <Badge variant="light" color="gray">
                {t('notifications.experts.internal')}
              </Badge>
            )}
          </Group>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{texts[2 * i]}</Text>
          <Text size="sm" mt={4}>
            {t('notifications.experts.experts')}
            {t('common.colon')}
            {c.experts.map((e) => (e.affiliation ? `${e.name}${t('common.parenOpen')}${e.affiliation}${t('common.parenClose')}` : e.name)).join(t('common.listSeparator'))}
          </Text>
          {c.advice ? (
            <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
              <strong>{t('notifications.experts.advice')}</strong>
              {c.adviceAt && `${t('common.parenOpen')}${formatDate(c.adviceAt, locale)}${t('common.parenClose')}`}
              {t('common.colon')}
              {texts[2 * i + 1]}
            </Text>
          ) : (
            c.canAdvise && (
              <Box mt="xs">
                <Reveal label={t('notifications.experts.recordAdvice')}>
                  <AdviceForm id={n.id} consultationId={c.id} />
                </Reveal>
              </Box>
            )
          )}
        </Paper>
      ))}
      {n.can.followUp && (
        <RevealForm label={t('notifications.experts.refer')} action={refer}>
          <Textarea label={t('notifications.experts.question')} required autosize minRows={2} {...form.text('question')} error={fieldError('question')} />
          <RowsEditor
            legend={t('notifications.experts.experts')}
            rowLegend={(i) => t('notifications.experts.row', { n: i })}
            columns={expertKeys.map((key) => ({ key, label: t(`notifications.experts.${key}`), required: key === 'name' }))}
            rows={form.values.experts}
            onChange={form.set('experts')}
            field="experts"
            fieldError={fieldError}
            addLabel={t('notifications.experts.add')}
            removeLabel={(i) => t('notifications.experts.remove', { n: i })}
            emptyText={t('notifications.experts.noneNamed')}
          />
        </RevealForm>
      )}
    </Stack>
  );
}
