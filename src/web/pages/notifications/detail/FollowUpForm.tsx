import { Button, Group, Radio, Select, Stack, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, useLocale } from '../../../lib/localized.ts';
import { fieldErrors } from '../../../lib/forms.ts';
import { useFormState } from '../../../lib/useFormState.ts';
import { ErrorNotice } from '../../../components/status.tsx';
import { Saved } from '../../../components/Saved.tsx';
import { useMe } from '../../../session.ts';
import { notificationsApi } from '../lib/api.ts';
import { classifications, followUpKinds } from '../lib/options.ts';
import { scriptLang, useWritingScript } from '../../../lib/shownScript.ts';
import type { Classification, FollowUpKind, NotificationDetail, Script } from '../lib/types.ts';
import { useNotificationAction } from './useNotificationAction.ts';

/** A follow-up from either side: more information, measures taken, a request for information (or its answer), a reclassification. */
export function FollowUpForm({ n }: { n: NotificationDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const writing = useWritingScript();
  const { me } = useMe();
  const initial = { kind: 'additional_information' as FollowUpKind, script: writing, text: '', newClassification: null as Classification | null, answersId: null as string | null };
  const form = useFormState(initial);
  const add = useNotificationAction(n.id, (_: void, key) =>
    notificationsApi.followUp(
      n.id,
      {
        kind: form.values.kind,
        script: form.values.script,
        text: form.values.text.trim(),
        newClassification: form.values.kind === 'reclassification' ? form.values.newClassification : null,
        answersId: form.values.answersId,
      },
      key,
    ),
    () => form.setValues(initial),
  );
  const fieldError = fieldErrors(add.error);
  // Requests for information put to my unit by the other side, not answered yet.
  const openRequests = n.followUps.filter((f) => f.kind === 'request_for_information' && !f.answeredAt && f.fromUnitId !== me?.unit?.id);

  return (
    <form
      noValidate
      aria-labelledby="follow-up-form-heading"
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate();
      }}
    >
      <Stack gap="sm">
        <ErrorNotice error={add.error} />
        <Saved show={add.isSuccess}>{t('notifications.followUp.added')}</Saved>
        <Group grow align="start" wrap="wrap">
          <Select
            label={t('notifications.followUp.kind')}
            data={followUpKinds.map((k) => ({ value: k, label: t(`notifications.followUp.kinds.${k}`) }))}
            value={form.values.kind}
            onChange={(v) => v && form.set('kind')(v as FollowUpKind)}
            allowDeselect={false}
            error={fieldError('kind')}
            miw={200}
          />
          {form.values.kind === 'reclassification' && (
            <Select
              label={t('notifications.followUp.newClassification')}
              data={classifications.map((c) => ({ value: c, label: t(`notifications.classification.${c}`) }))}
              value={form.values.newClassification}
              onChange={(v) => form.set('newClassification')(v as Classification | null)}
              required
              error={fieldError('newClassification')}
              miw={200}
            />
          )}
          {openRequests.length > 0 && form.values.kind !== 'request_for_information' && (
            <Select
              label={t('notifications.followUp.answers')}
              placeholder={t('notifications.followUp.answersNone')}
              data={openRequests.map((f) => ({ value: f.id, label: t('notifications.followUp.requestOf', { date: formatDate(f.createdAt, locale) }) }))}
              value={form.values.answersId}
              onChange={form.set('answersId')}
              clearable
              error={fieldError('answersId')}
              miw={200}
            />
          )}
        </Group>
        <Radio.Group label={t('notifications.field.script')} value={form.values.script} onChange={(v) => form.set('script')(v as Script)} error={fieldError('script')}>
          <Group mt={4}>
            {(['zh-Hant', 'zh-Hans'] as const).map((s) => (
              <Radio key={s} value={s} label={t(`notifications.script.name.${s}`)} />
            ))}
          </Group>
        </Radio.Group>
        <Textarea
          label={t('notifications.followUp.text')}
          required
          autosize
          minRows={3}
          lang={scriptLang[form.values.script]}
          {...form.text('text')}
          error={fieldError('text')}
        />
        <Group>
          <Button type="submit" loading={add.isPending}>
            {t('notifications.followUp.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
