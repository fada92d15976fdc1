import { useState } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Anchor, Button, Group, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../../lib/localized.ts';
import { fieldErrors } from '../../lib/forms.ts';
import { ErrorNotice } from '../../components/status.tsx';
import { notificationsApi } from '../notifications/lib/api.ts';
import { useIdempotentMutation } from '../../lib/idempotency.ts';
import { inReaderScript } from '../../lib/shownScript.ts';
import type { Verification } from './types.ts';
import { verificationApi } from './api.ts';

type Option = { value: string; label: string };

/**
 * The notification that followed a verification or a media-report check, linked so that one
 * leads to the other. The choices are the unit's newest sent and received notifications, or,
 * as the officer types words or a reference number, those the server finds by them.
 */
export function LinkNotification({ v, mayLink }: { v: Verification; mayLink: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const client = useQueryClient();
  const [chosen, setChosen] = useState<Option | null>(null);
  const [typed, setTyped] = useState('');
  const [words] = useDebouncedValue(typed.trim(), 300);
  // Typing the chosen option's label into the box is not a search.
  const q = words && words !== chosen?.label ? words : '';
  const candidates = useQuery({
    queryKey: ['notifications', 'link-candidates', q],
    queryFn: async () => {
      const [sent, received] = await Promise.all([notificationsApi.list('sent', { q: q || undefined }, 0, 20), notificationsApi.list('inbox', { q: q || undefined }, 0, 20)]);
      return [...sent.items, ...received.items];
    },
    enabled: mayLink && !v.notificationId,
    placeholderData: keepPreviousData,
  });
  const link = useIdempotentMutation((id: string, key) => verificationApi.link(v, id, key), {
    onSuccess: (updated) => client.setQueryData(['verification', v.id], updated),
  });
  if (v.notificationId) {
    return (
      <Anchor component={Link} to={`/notifications/${v.notificationId}`}>
        {v.notification ? `${v.notification.reference ?? ''} ${v.notification.title[locale === 'zh-Hans' ? 'zh-Hans' : 'zh-Hant']}`.trim() : t('verification.openNotification')}
      </Anchor>
    );
  }
  if (!mayLink) return <Text size="sm" c="dimmed">{t('verification.noNotification')}</Text>;
  const found: Option[] = (candidates.data ?? []).map((n) => ({ value: n.id, label: `${n.reference ?? ''} ${inReaderScript(n.title, locale, n.authoritativeScript)}`.trim() }));
  const options = chosen && !found.some((o) => o.value === chosen.value) ? [chosen, ...found] : found;
  return (
    <form
      noValidate
      aria-label={t('verification.link')}
      onSubmit={(e) => {
        e.preventDefault();
        if (chosen) link.mutate(chosen.value);
      }}
    >
      <Stack gap="xs">
        <ErrorNotice error={candidates.error ?? link.error} />
        <Select
          label={t('verification.chooseNotification')}
          description={t('verification.chooseNotificationHint')}
          data={options}
          value={chosen?.value ?? null}
          onChange={(_, option) => setChosen(option ? { value: option.value, label: option.label } : null)}
          searchable
          searchValue={typed}
          onSearchChange={setTyped}
          // The server has already chosen by the words typed (in either script, or a reference number).
          filter={({ options: all }) => all}
          nothingFoundMessage={candidates.isFetching ? t('common.loading') : t('notifications.list.empty')}
          error={fieldErrors(link.error)('notificationId')}
        />
        <Group>
          <Button type="submit" variant="light" disabled={!chosen} loading={link.isPending}>
            {t('verification.link')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
