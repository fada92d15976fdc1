import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Anchor, Button, Group, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../../lib/localized.ts';
import { fieldErrors } from '../../lib/forms.ts';
import { ErrorNotice } from '../../components/status.tsx';
import { notificationsApi } from '../notifications/lib/api.ts';
import { useIdempotentMutation } from '../notifications/lib/idempotency.ts';
import { inReaderScript } from '../notifications/lib/script.ts';
import type { Verification } from '../notifications/lib/types.ts';
import { verificationApi } from './api.ts';

/** The notification that followed a verification or a media-report check, linked so that one leads to the other. */
export function LinkNotification({ v, mayLink }: { v: Verification; mayLink: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const client = useQueryClient();
  const [chosen, setChosen] = useState<string | null>(null);
  const candidates = useQuery({
    queryKey: ['notifications', 'link-candidates'],
    queryFn: async () => [...(await notificationsApi.list('sent', {})).items, ...(await notificationsApi.list('inbox', {})).items],
    enabled: mayLink && !v.notificationId,
  });
  const link = useIdempotentMutation((id: string, key) => verificationApi.link(v, id, key), {
    onSuccess: (updated) => client.setQueryData(['verification', v.id], updated),
  });
  if (v.notificationId) {
    return (
      <Anchor component={Link} to={`/notifications/${v.notificationId}`}>
        {t('notifications.verification.openNotification')}
      </Anchor>
    );
  }
  if (!mayLink) return <Text size="sm" c="dimmed">{t('notifications.verification.noNotification')}</Text>;
  const options = (candidates.data ?? []).map((n) => ({ value: n.id, label: `${n.reference ?? ''} ${inReaderScript(n.title, locale, n.authoritativeScript)}`.trim() }));
  return (
    <form
      noValidate
      aria-label={t('notifications.verification.link')}
      onSubmit={(e) => {
        e.preventDefault();
        if (chosen) link.mutate(chosen);
      }}
    >
      <Stack gap="xs">
        <ErrorNotice error={candidates.error ?? link.error} />
        <Select
          label={t('notifications.verification.chooseNotification')}
          data={options}
          value={chosen}
          onChange={setChosen}
          searchable
          nothingFoundMessage={t('notifications.list.empty')}
          error={fieldErrors(link.error)('notificationId')}
        />
        <Group>
          <Button type="submit" variant="light" disabled={!chosen} loading={link.isPending}>
            {t('notifications.verification.link')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
