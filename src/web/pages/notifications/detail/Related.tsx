import { Anchor, Button, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, useLocale } from '../../../lib/localized.ts';
import { useReaderScript } from '../../../lib/readerScript.ts';
import { scriptLang } from '../../../lib/shownScript.ts';
import type { NotificationDetail, Script } from '../lib/types.ts';

/**
 * Earlier notifications this one follows, and the meetings convened from it; from a notification
 * about a major incident, an urgent high-level meeting can be convened (clause 6).
 */
export function Related({ n, script }: { n: NotificationDetail; script: Script }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const meetingTitles = useReaderScript(n.meetings.map((m) => m.title));
  const mayConvene = n.can.followUp || n.can.close || n.can.disseminate;
  return (
    <Stack gap="md">
      {n.related.length > 0 && (
        <section aria-labelledby="related-heading">
          <Title order={2} size="h4" id="related-heading" mb="xs">
            {t('notifications.related.heading')}
          </Title>
          <List size="sm" spacing={4}>
            {n.related.map((r) => (
              <List.Item key={r.id}>
                <Anchor component={Link} to={`/notifications/${r.id}`}>
                  {r.reference && `${r.reference} `}
                  <span lang={scriptLang[script]}>{r.title[script]}</span>
                </Anchor>
              </List.Item>
            ))}
          </List>
        </section>
      )}
      <section aria-labelledby="meetings-heading">
        <Title order={2} size="h4" id="meetings-heading" mb="xs">
          {t('notifications.related.meetings')}
        </Title>
        {n.meetings.length ? (
          <List size="sm" spacing={4}>
            {n.meetings.map((m, i) => (
              <List.Item key={m.id}>
                <Anchor component={Link} to={`/meetings/${m.id}`}>
                  {meetingTitles[i]}
                </Anchor>
                <Text span size="xs" c="dimmed">{` · ${t(`meetings.kinds.${m.kind}`)} · ${formatDate(m.scheduledAt, locale)}`}</Text>
              </List.Item>
            ))}
          </List>
        ) : (
          <Text size="sm" c="dimmed">
            {t('notifications.related.noMeetings')}
          </Text>
        )}
        {mayConvene && (
          <Button component={Link} to={`/meetings/new?notification=${n.id}`} variant="light" color="red" c="red.9" size="xs" mt="sm">
            {t('notifications.related.convene')}
          </Button>
        )}
      </section>
      {mayConvene && (
        <Anchor component={Link} to={`/verification/new?notification=${n.id}`} size="sm">
          {t('notifications.related.askVerification')}
        </Anchor>
      )}
    </Stack>
  );
}
