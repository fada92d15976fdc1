import { Button, Group, Radio, Stack, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../lib/forms.ts';
import { useFormState } from '../../lib/useFormState.ts';
import { ErrorNotice } from '../../components/status.tsx';
import { useIdempotentMutation } from '../../lib/idempotency.ts';
import { outcomesOf } from './types.ts';
import { scriptLang, useWritingScript } from '../../lib/shownScript.ts';
import type { Outcome, Script, Verification } from './types.ts';
import { verificationApi } from './api.ts';

/** The unit asked answers: confirms, corrects or disputes the facts (a media report: confirms, refutes, or finds it partly true). */
export function AnswerForm({ v }: { v: Verification }) {
  const { t } = useTranslation();
  const writing = useWritingScript();
  const client = useQueryClient();
  const form = useFormState({ outcome: null as Outcome | null, script: writing, answer: '' });
  const answer = useIdempotentMutation(
    (_: void, key) => verificationApi.answer(v, { outcome: form.values.outcome as Outcome, script: form.values.script, answer: form.values.answer.trim() }, key),
    {
      onSuccess: (updated) => {
        client.setQueryData(['verification', v.id], updated);
        void client.invalidateQueries({ queryKey: ['verifications'] });
      },
    },
  );
  const fieldError = fieldErrors(answer.error);
  return (
    <form
      noValidate
      aria-labelledby="answer-form-heading"
      onSubmit={(e) => {
        e.preventDefault();
        answer.mutate();
      }}
    >
      <Stack gap="sm">
        <ErrorNotice error={answer.error} />
        <Radio.Group label={t('verification.outcomeLabel')} required value={form.values.outcome} onChange={(o) => form.set('outcome')(o as Outcome)} error={fieldError('outcome')}>
          <Group mt={4}>
            {outcomesOf[v.kind].map((o) => (
              <Radio key={o} value={o} label={t(`verification.outcome.${o}`)} />
            ))}
          </Group>
        </Radio.Group>
        <Radio.Group label={t('notifications.field.script')} value={form.values.script} onChange={(s) => form.set('script')(s as Script)} error={fieldError('script')}>
          <Group mt={4}>
            {(['zh-Hant', 'zh-Hans'] as const).map((s) => (
              <Radio key={s} value={s} label={t(`notifications.script.name.${s}`)} />
            ))}
          </Group>
        </Radio.Group>
        <Textarea label={t('verification.answer')} required autosize minRows={3} lang={scriptLang[form.values.script]} {...form.text('answer')} error={fieldError('answer')} />
        <Group>
          <Button type="submit" loading={answer.isPending}>
            {t('verification.sendAnswer')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
