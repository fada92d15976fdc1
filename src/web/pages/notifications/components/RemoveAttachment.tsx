import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { notificationsApi } from '../lib/api.ts';

type Props = { notificationId: string; attachment: { id: string; filename: string }; onRemoved?: () => void };

/** Takes a file off a draft (the approver may have asked for it): allowed until the draft is submitted. */
export function RemoveAttachment({ notificationId, attachment, onRemoved }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const remove = useMutation({
    mutationFn: () => notificationsApi.removeAttachment(notificationId, attachment.id),
    onSuccess: () => {
      onRemoved?.();
      void client.invalidateQueries({ queryKey: ['notification', notificationId] });
    },
  });
  return (
    <>
      <Button
        variant="subtle"
        color="red"
        size="compact-xs"
        ml="xs"
        loading={remove.isPending}
        aria-label={t('notifications.attachments.remove', { name: attachment.filename })}
        onClick={() => remove.mutate()}
      >
        {t('notifications.attachments.removeAttached')}
      </Button>
      {remove.error && (
        <Text span size="xs" c="red" role="alert" ml="xs">
          {remove.error.message}
        </Text>
      )}
    </>
  );
}
