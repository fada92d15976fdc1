import { useState } from 'react';
import { ActionIcon, Anchor, FileButton, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RemoveAttachment } from '../components/RemoveAttachment.tsx';
import { notificationsApi } from '../lib/api.ts';
import { attachmentAccept, refusalOf } from '../lib/attachments.ts';
import { fileSize } from '../../../lib/files.ts';
import type { NotificationDetail } from '../lib/types.ts';
import type { ComposeForm } from './useComposeForm.ts';

type Props = { form: ComposeForm; draftId: string | null; attached: NotificationDetail['attachments'] };

/**
 * Lab reports and photos chosen while drafting: listed at once, attached when the draft is saved
 * (so a new notification need not be saved first). A file over the limit is refused before upload.
 */
export function AttachmentPicker({ form, draftId, attached }: Props) {
  const { t } = useTranslation();
  const [refused, setRefused] = useState<{ name: string; why: 'tooLarge' | 'fileType' }[]>([]);
  const shown = [...attached, ...form.justAttached.filter((a) => !attached.some((b) => b.id === a.id))];
  return (
    <Stack component="section" aria-labelledby="compose-attachments-heading" gap="xs">
      <Title order={2} size="h4" id="compose-attachments-heading">
        {t('notifications.attachments.heading')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('notifications.attachments.composeHint')}
      </Text>
      {(shown.length > 0 || form.files.length > 0) && (
        <List size="sm" spacing={4} aria-label={t('notifications.attachments.heading')}>
          {shown.map((a) => (
            <List.Item key={a.id}>
              {draftId ? (
                <Anchor href={notificationsApi.attachmentUrl(draftId, a.id)} download={a.filename}>
                  {a.filename}
                </Anchor>
              ) : (
                a.filename
              )}
              <Text span size="xs" c="dimmed">{` · ${fileSize(a.size)}`}</Text>
              {draftId && <RemoveAttachment notificationId={draftId} attachment={a} onRemoved={() => form.forgetAttached(a.id)} />}
            </List.Item>
          ))}
          {form.files.map((pending) => (
            <List.Item key={pending.key}>
              <Group gap="xs" wrap="nowrap">
                <Text span size="sm">
                  {pending.file.name}
                </Text>
                <Text span size="xs" c="dimmed">
                  {`${fileSize(pending.file.size)} · ${t('notifications.attachments.onSave')}`}
                </Text>
                <ActionIcon disabled={form.save.isPending} variant="subtle" color="gray" size="sm" aria-label={t('notifications.attachments.remove', { name: pending.file.name })} onClick={() => form.removeFile(pending)}>
                  ×
                </ActionIcon>
              </Group>
              {pending.error && (
                <Text size="sm" c="red" role="alert">
                  {pending.error}
                </Text>
              )}
            </List.Item>
          ))}
        </List>
      )}
      {refused.length > 0 && (
        <Stack gap={2} role="alert">
          {(['tooLarge', 'fileType'] as const).map(
            (why) =>
              refused.some((r) => r.why === why) && (
                <Text key={why} size="sm" c="red">
                  {t(`notifications.attachments.${why}`, { names: refused.filter((r) => r.why === why).map((r) => r.name).join(t('common.listSeparator')) })}
                </Text>
              ),
          )}
        </Stack>
      )}
      <Group>
        <FileButton
          disabled={form.save.isPending}
          multiple
          accept={attachmentAccept}
          onChange={(chosen) => {
            setRefused(chosen.flatMap((f) => (refusalOf(f) ? [{ name: f.name, why: refusalOf(f)! }] : [])));
            form.chooseFiles(chosen.filter((f) => !refusalOf(f)));
          }}
        >
          {(props) => (
            <Button {...props} variant="light" size="xs">
              {t('notifications.attachments.add')}
            </Button>
          )}
        </FileButton>
        <Text size="xs" c="dimmed">
          {t('notifications.attachments.hint')}
        </Text>
      </Group>
    </Stack>
  );
}
