import { Anchor, Badge, Group, List, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, evidenceUrl, type Deliveries } from '../api.ts';
import { formatDate, useLocale } from '../lib/localized.ts';

const color = { delivered: 'green', pending: 'yellow', refused: 'red' } as const;

/**
 * A record's exchange between nodes: each message sent about it (to which node, delivered when,
 * with a verified receipt, or still waiting and why) and each received, with the evidence bundle
 * to download. Shown on any record a module exchanges (a notification…).
 */
export function ExchangeRecord({ subjectType, subjectId }: { subjectType: string; subjectId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { data } = useQuery({ queryKey: ['deliveries', subjectType, subjectId], queryFn: () => api.deliveries(subjectType, subjectId) });
  // On one node for all parties, messages go to this node itself: nothing crossed, nothing to show.
  const sent = data?.sent.filter((m) => !m.to.self) ?? [];
  const received = data?.received.filter((r) => !r.from.self) ?? [];
  if (sent.length === 0 && received.length === 0) return null;
  const line = (m: Deliveries['sent'][number]) =>
    m.status === 'delivered'
      ? t('exchange.record.delivered', { node: m.to.name, at: formatDate(m.deliveredAt!, locale) })
      : m.status === 'refused'
        ? t('exchange.record.refused', { node: m.to.name, reason: m.lastError ?? '' })
        : t('exchange.record.pending', { node: m.to.name, attempts: m.attempts, error: m.lastError ?? t('exchange.record.notTried') });
  return (
    <section aria-labelledby="exchange-heading">
      <Title order={2} size="h4" id="exchange-heading" mb="xs">
        {t('exchange.record.heading')}
      </Title>
      <List size="sm" spacing={4}>
        {sent.map((m) => (
          <List.Item key={m.id}>
            <Group gap={6} wrap="wrap">
              <Badge size="xs" color={color[m.status]} variant="light">
                {t(`exchange.record.status.${m.status}`)}
              </Badge>
              <Text size="sm">
                {t(`exchange.kinds.${m.kind.replace('.', '_')}`, { defaultValue: m.kind })}: {line(m)}
                {m.receiptVerified && ` ${t('exchange.record.receiptVerified')}`}
                {m.overdue && ` ${t('exchange.record.overdue')}`}
              </Text>
            </Group>
          </List.Item>
        ))}
        {received.map((r) => (
            <List.Item key={r.id}>
              <Text size="sm">
                {t(`exchange.kinds.${r.kind.replace('.', '_')}`, { defaultValue: r.kind })}: {t('exchange.record.received', { node: r.from.name, at: formatDate(r.receivedAt, locale) })}
              </Text>
            </List.Item>
          ))}
      </List>
      <Anchor href={evidenceUrl(subjectType, subjectId)} size="sm" download>
        {t('exchange.record.evidence')}
      </Anchor>
    </section>
  );
}
