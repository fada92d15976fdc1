import { Group, Radio, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { scriptLang } from '../../../lib/shownScript.ts';
import type { Script } from '../lib/types.ts';
import { Clause1Check } from './Clause1Check.tsx';
import type { ComposeForm } from './useComposeForm.ts';
import type { TextKey } from './values.ts';

/** The notification's text in the script the officer writes in, which stays authoritative; the other script is made from it. */
export function TextFields({ form, fieldError }: { form: ComposeForm; fieldError: (field: string) => string | undefined }) {
  const { t } = useTranslation();
  const lang = scriptLang[form.values.script];
  // Server messages win; after a first try to submit, what clause 1 still lacks is marked too.
  const error = (key: TextKey) => {
    const server = fieldError(`text.${key}`);
    if (server || !form.attempted || !form.missing.includes(key)) return server;
    return key === 'title' ? t('notifications.compose.titleRequired') : t('notifications.clause1.required', { field: t(`notifications.field.${key}`) });
  };
  const area = (key: Exclude<TextKey, 'title'>) => (
    <Textarea
      label={t(`notifications.field.${key}`)}
      description={t(`notifications.fieldHint.${key}`)}
      required
      autosize
      minRows={3}
      lang={lang}
      {...form.text(key)}
      error={error(key)}
    />
  );
  return (
    <>
      <Radio.Group
        label={t('notifications.field.script')}
        description={t('notifications.fieldHint.script')}
        value={form.values.script}
        onChange={(v) => form.set('script')(v as Script)}
        error={fieldError('script')}
      >
        <Group mt="xs">
          {(['zh-Hant', 'zh-Hans'] as const).map((s) => (
            <Radio key={s} value={s} label={t(`notifications.script.name.${s}`)} />
          ))}
        </Group>
      </Radio.Group>
      <TextInput label={t('notifications.field.title')} required lang={lang} {...form.text('title')} error={error('title')} />
      <Clause1Check missing={form.missing} />
      {area('scope')}
      {area('measures')}
      {area('attention')}
      <Textarea
        label={t('notifications.field.summaryEn')}
        description={t('notifications.fieldHint.summaryEn')}
        autosize
        minRows={2}
        lang="en"
        {...form.text('summaryEn')}
        error={fieldError('summaryEn')}
      />
    </>
  );
}
