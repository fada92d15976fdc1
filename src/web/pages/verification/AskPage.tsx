import { Alert, Button, Group, Radio, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { fieldErrors } from '../../lib/forms.ts';
import { useFormState } from '../../lib/useFormState.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { ErrorNotice } from '../../components/status.tsx';
import { usePartnerOptions } from '../../lib/usePartnerOptions.ts';
import { dayInput, fromRegionInput, toRegionInput } from '../../lib/dates.ts';
import { useIdempotentMutation } from '../../lib/idempotency.ts';
import { scriptLang, useWritingScript } from '../../lib/shownScript.ts';
import type { Script, VerificationKind } from './types.ts';
import { verificationApi } from './api.ts';
import { MediaFields } from './MediaFields.tsx';
import type { AskValues } from './types.ts';


const hours = (n: number) => new Date(Date.now() + n * 3_600_000);

/** Asking the other side to verify facts: before a media release (clause 4) or about a media report (clause 5). */
export function AskPage() {
  const { t } = useTranslation();
  const writing = useWritingScript();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const notificationId = params.get('notification');
  const partners = usePartnerOptions();
  usePageTitle(t('verification.askTitle'));
  const form = useFormState<AskValues>({
    kind: params.get('kind') === 'media_report' ? 'media_report' : 'pre_publication',
    toUnitId: null,
    script: writing,
    subject: '',
    question: '',
    enterprise: '',
    deadlineAt: toRegionInput(hours(24)),
    plannedReleaseAt: toRegionInput(hours(48)),
    outlet: '',
    publishedOn: dayInput(new Date()),
    link: '',
    claim: '',
  });
  const v = form.values;
  // Most units have one counterpart: it is the one asked unless the officer chooses another.
  const toUnitId = v.toUnitId ?? (partners.options.length === 1 ? partners.options[0].value : null);
  const ask = useIdempotentMutation(
    (_: void, key) => {
      const base = {
        toUnitId: toUnitId as string,
        script: v.script,
        subject: v.subject.trim(),
        question: v.question.trim(),
        enterprise: v.enterprise.trim() || null,
        deadlineAt: fromRegionInput(v.deadlineAt) as string,
        notificationId,
      };
      return v.kind === 'pre_publication'
        ? verificationApi.askBeforePublishing({ ...base, plannedReleaseAt: fromRegionInput(v.plannedReleaseAt) as string }, key)
        : verificationApi.askAboutMediaReport({ ...base, media: { outlet: v.outlet.trim(), publishedOn: v.publishedOn, link: v.link.trim() || null, claim: v.claim.trim() } }, key);
    },
    { onSuccess: (created) => navigate(`/verification/${created.id}`) },
  );
  const fieldError = fieldErrors(ask.error);
  const lang = scriptLang[v.script];

  return (
    <form
      noValidate
      aria-labelledby="ask-heading"
      onSubmit={(e) => {
        e.preventDefault();
        ask.mutate();
      }}
    >
      <Stack maw={900} gap="md">
        <Title order={1} id="ask-heading">
          {t('verification.askTitle')}
        </Title>
        <div role="group" aria-label={t('verification.kindLabel')}>
          <SegmentedControl value={v.kind} onChange={(k) => form.set('kind')(k as VerificationKind)} data={(['pre_publication', 'media_report'] as const).map((k) => ({ value: k, label: t(`verification.kinds.${k}`) }))} />
        </div>
        <Text size="sm" c="dimmed">
          {t(`verification.kindHint.${v.kind}`)}
        </Text>
        {notificationId && <Alert color="blue">{t('verification.fromNotification')}</Alert>}
        <ErrorNotice error={ask.error} />
        <ErrorNotice error={partners.error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Select label={t('verification.toUnit')} data={partners.options} value={toUnitId} onChange={form.set('toUnitId')} allowDeselect={false} required error={fieldError('toUnitId')} />
          <TextInput label={t('verification.enterprise')} description={t('verification.enterpriseHint')} {...form.text('enterprise')} error={fieldError('enterprise')} />
          <TextInput label={t('verification.deadline')} type="datetime-local" required {...form.text('deadlineAt')} error={fieldError('deadlineAt')} />
          {v.kind === 'pre_publication' && (
            <TextInput label={t('verification.plannedReleaseAt')} type="datetime-local" required {...form.text('plannedReleaseAt')} error={fieldError('plannedReleaseAt')} />
          )}
        </SimpleGrid>
        {v.kind === 'media_report' && <MediaFields form={form} fieldError={fieldError} />}
        <Radio.Group label={t('notifications.field.script')} value={v.script} onChange={(s) => form.set('script')(s as Script)} error={fieldError('script')}>
          <Group mt={4}>
            {(['zh-Hant', 'zh-Hans'] as const).map((s) => (
              <Radio key={s} value={s} label={t(`notifications.script.name.${s}`)} />
            ))}
          </Group>
        </Radio.Group>
        <TextInput label={t('verification.subject')} required lang={lang} {...form.text('subject')} error={fieldError('subject')} />
        <Textarea label={t('verification.question')} required autosize minRows={3} lang={lang} {...form.text('question')} error={fieldError('question')} />
        <Group>
          <Button type="submit" loading={ask.isPending}>
            {t('verification.send')}
          </Button>
          <Button component={Link} to="/verification" variant="subtle">
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
