import { useEffect, useRef } from 'react';
import { Alert, Button, Divider, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fieldErrors } from '../../../lib/forms.ts';
import { ErrorNotice } from '../../../components/status.tsx';
import { Saved } from '../../../components/Saved.tsx';
import type { NotificationDetail } from '../lib/types.ts';
import { AttachmentPicker } from './AttachmentPicker.tsx';
import { ChoiceFields } from './ChoiceFields.tsx';
import { RecordRows } from './RecordRows.tsx';
import { TextFields } from './TextFields.tsx';
import { DraftSavedFileRefused, useComposeForm } from './useComposeForm.ts';
import type { ComposeValues } from './values.ts';

/** The label of each required choice (the recipient's is "recipient"). */
const choiceLabel = { recipientUnitId: 'recipient', category: 'category', classification: 'classification', basis: 'basis' } as const;

type Props = { initial: ComposeValues; id: string | null; heading: string; saved?: boolean; returnComment?: string | null; attached?: NotificationDetail['attachments'] };

/** Drafting a notification: saved as a draft as often as needed, then submitted for an approver of the unit to send. */
export function ComposeForm({ initial, id, heading, saved, returnComment, attached = [] }: Props) {
  const { t } = useTranslation();
  const form = useComposeForm(initial, id);
  const fieldError = fieldErrors(form.save.error);
  const blocked = form.attempted && (form.missing.length > 0 || form.missingChoices.length > 0);
  const pending = form.save.isPending ? form.save.variables?.submit : undefined;
  // A blocked or refused submission brings the reader (and screen reader) to the summary of what is wrong.
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (blocked || form.save.error) summary.current?.focus();
  }, [form.attempts, form.save.error]);

  return (
    <form
      noValidate
      aria-labelledby="compose-heading"
      onSubmit={(e) => {
        e.preventDefault();
        form.submit();
      }}
    >
      <Stack maw={900} gap="md">
        <Title order={1} id="compose-heading">
          {heading}
        </Title>
        {returnComment && (
          <Alert color="orange" title={t('notifications.detail.returned')}>
            {returnComment}
          </Alert>
        )}
        <Saved show={(!!saved && form.save.isIdle && !form.attempted) || (form.save.isSuccess && !form.save.data.submit)}>{t('notifications.compose.saved')}</Saved>
        <div ref={summary} tabIndex={-1} style={{ scrollMarginTop: 80, outline: 'none' }}>
          {blocked && (
            <Alert color="red" role="alert" title={t(form.missing.length ? 'notifications.clause1.title' : 'notifications.compose.notYet')}>
              {form.missingChoices.length > 0 && (
                <Text size="sm">{t('notifications.compose.chooseList', { fields: form.missingChoices.map((k) => t(`notifications.field.${choiceLabel[k]}`)).join(t('common.listSeparator')) })}</Text>
              )}
              {form.missing.length > 0 && (
                <Text size="sm">{t('notifications.clause1.missingList', { fields: form.missing.map((k) => t(`notifications.field.${k}`)).join(t('common.listSeparator')) })}</Text>
              )}
            </Alert>
          )}
          {form.save.error instanceof DraftSavedFileRefused ? (
            <Alert color="orange" role="alert">
              {t('notifications.attachments.savedButRefused')}
            </Alert>
          ) : (
            <ErrorNotice error={form.save.error} />
          )}
        </div>
        <ChoiceFields form={form} fieldError={fieldError} recipientFixed={!!form.draftId} />
        <Divider />
        <TextFields form={form} fieldError={fieldError} />
        <Divider />
        <RecordRows form={form} fieldError={fieldError} />
        <Divider />
        <AttachmentPicker form={form} draftId={form.draftId} attached={attached} />
        <Group>
          <Button type="submit" loading={pending === true} disabled={pending === false}>
            {t('notifications.compose.submit')}
          </Button>
          <Button variant="default" onClick={form.saveDraft} loading={pending === false} disabled={pending === true}>
            {t('notifications.compose.saveDraft')}
          </Button>
          <Button component={Link} to={form.draftId ? `/notifications/${form.draftId}` : '/notifications?box=drafts'} variant="subtle">
            {t('common.cancel')}
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          {t('notifications.compose.submitHint')}
        </Text>
      </Stack>
    </form>
  );
}
