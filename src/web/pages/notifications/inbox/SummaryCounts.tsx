import { useQuery } from '@tanstack/react-query';
import { Anchor, Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { notificationsApi } from '../lib/api.ts';
import { ErrorNotice } from '../../../components/status.tsx';

/** What needs the unit now: unread and overdue notifications, drafts awaiting approval, open requests for information. */
export function SummaryCounts() {
  const { t } = useTranslation();
  const summary = useQuery({ queryKey: ['notifications', 'summary'], queryFn: notificationsApi.summary });
  if (summary.error) return <ErrorNotice error={summary.error} />;
  const s = summary.data;
  // Requests wait on notifications the unit received or sent: the link goes where they are.
  const onSent = s?.openRequestsOnSent ?? 0;
  const inInbox = (s?.openRequests ?? 0) - onSent;
  const requestsLink = inInbox > 0 ? '/notifications?openRequests=true' : onSent > 0 ? '/notifications?box=sent&openRequests=true' : null;
  const counts = [
    { key: 'unread', label: t('notifications.summary.unread'), n: s?.unread, to: '/notifications?unread=true', alert: false },
    { key: 'overdue', label: t('notifications.summary.overdue'), n: s?.overdue, to: '/notifications?overdue=true', alert: true },
    { key: 'awaiting', label: t('notifications.summary.awaitingApproval'), n: s?.awaitingApproval, to: '/notifications?box=drafts&status=submitted', alert: false },
    { key: 'requests', label: t('notifications.summary.openRequests'), n: s?.openRequests, to: requestsLink, alert: !!s?.overdueRequests },
  ];
  return (
    <section aria-labelledby="summary-heading">
      <Text component="h2" id="summary-heading" className="visually-hidden">
        {t('notifications.summary.heading')}
      </Text>
      <SimpleGrid component="ul" cols={{ base: 2, sm: 4 }} spacing="sm" p={0} m={0} style={{ listStyle: 'none' }}>
        {counts.map((c) => (
          <Paper component="li" key={c.key} withBorder p="sm" radius="sm" bg={c.alert && c.n ? 'red.0' : undefined}>
            {/* The number is part of the link: it is what the eye goes to and the hand clicks. */}
            {c.to ? (
              <Anchor component={Link} to={c.to} size="sm" display="block">
                <Text span display="block" fz={28} fw={700} lh={1.1} c={c.alert && c.n ? 'red.9' : 'var(--mantine-color-text)'}>
                  {c.n ?? '–'}
                </Text>
                {c.label}
              </Anchor>
            ) : (
              <>
                <Text fz={28} fw={700} lh={1.1} c={c.alert && c.n ? 'red.9' : undefined}>
                  {c.n ?? '–'}
                </Text>
                <Text size="sm">{c.label}</Text>
              </>
            )}
            {c.key === 'requests' && inInbox > 0 && onSent > 0 && (
              <Anchor component={Link} to="/notifications?box=sent&openRequests=true" size="xs" display="block">
                {t('notifications.summary.openRequestsOnSent', { n: onSent })}
              </Anchor>
            )}
            {c.key === 'requests' && !!s?.overdueRequests && (
              <Text size="xs" c="red.9" fw={600}>
                {t('notifications.summary.overdueRequests', { n: s.overdueRequests })}
              </Text>
            )}
          </Paper>
        ))}
      </SimpleGrid>
    </section>
  );
}
