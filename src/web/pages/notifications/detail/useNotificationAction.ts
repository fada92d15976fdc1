import { useQueryClient } from '@tanstack/react-query';
import { useIdempotentMutation } from '../../../lib/idempotency.ts';
import type { NotificationDetail } from '../lib/types.ts';

/** An action on a notification whose answer is the notification as it now stands: shown at once, lists refreshed. */
export function useNotificationAction<V = void>(id: string, post: (variables: V, key: string) => Promise<NotificationDetail>, onDone?: (detail: NotificationDetail) => void) {
  const client = useQueryClient();
  return useIdempotentMutation(post, {
    onSuccess: (detail) => {
      client.setQueryData(['notification', id], detail);
      void client.invalidateQueries({ queryKey: ['notifications'] });
      onDone?.(detail);
    },
  });
}
