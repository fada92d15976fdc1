import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Anchor, Button, FileInput, Group, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, useLocale } from '../../../lib/localized.ts';
import { fieldErrors } from '../../../lib/forms.ts';
import { ErrorNotice } from '../../../components/status.tsx';
import { notificationsApi } from '../lib/api.ts';
import { RemoveAttachment } from '../components/RemoveAttachment.tsx';
import { attachmentAccept as accept } from '../lib/attachments.ts';
import { fileSize as size } from '../../../lib/files.ts';
import { useIdempotentMutation } from '../../../lib/idempotency.ts';
import type { NotificationDetail } from '../lib/types.ts';


/** Lab reports and photos: downloaded by both units, attached while the notification is open. */
export function Attachments({ n }: { n: NotificationDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const upload = useIdempotentMutation((f: File, key) => notificationsApi.attach(n.id, f, key), {
    onSuccess: () => {
      setFile(null);
      void client.invalidateQueries({ queryKey: ['notification', n.id] });
    },
  });
  const mayAttach = n.can.followUp || n.can.edit;
  if (!mayAttach && !n.attachments.length) return null;
  return (
    <Stack component="section" aria-labelledby="attachments-heading" gap="xs">
      <Title order={2} size="h4" id="attachments-heading">
        {t('notifications.attachments.heading')}
      </Title>
      {n.attachments.length ? (
        <List size="sm" spacing={4}>
          {n.attachments.map((a) => (
            <List.Item key={a.id}>
              <Anchor href={notificationsApi.attachmentUrl(n.id, a.id)} download={a.filename}>
                {a.filename}
              </Anchor>
              <Text span size="xs" c="dimmed">
                {` · ${size(a.size)} · ${a.uploadedBy} · ${formatDate(a.uploadedAt, locale)}`}
              </Text>
              {n.can.edit && <RemoveAttachment notificationId={n.id} attachment={a} />}
            </List.Item>
          ))}
        </List>
      ) : (
        <Text size="sm" c="dimmed">
          {t('notifications.attachments.none')}
        </Text>
      )}
      {mayAttach && (
        <form
          noValidate
          aria-label={t('notifications.attachments.upload')}
          onSubmit={(e) => {
            e.preventDefault();
            if (file) upload.mutate(file);
          }}
        >
          <Stack gap="xs">
            <ErrorNotice error={upload.error} />
            <FileInput
              label={t('notifications.attachments.file')}
              description={t('notifications.attachments.hint')}
              placeholder={t('notifications.attachments.choose')}
              // Mantine's placeholder grey is too light to read (WCAG AA) for what here is the button's text.
              styles={{ placeholder: { color: 'var(--mantine-color-dimmed)' } }}
              accept={accept}
              value={file}
              onChange={(f) => {
                setFile(f);
                upload.reset();
              }}
              clearable
              error={fieldErrors(upload.error)('file')}
            />
            <Group>
              <Button type="submit" size="xs" variant="light" disabled={!file} loading={upload.isPending}>
                {t('notifications.attachments.upload')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
