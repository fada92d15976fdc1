import { Alert, Badge, Card, Code, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api.ts';
import { ErrorNotice } from '../../../components/status.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { formatDate, useLocale } from '../../../lib/localized.ts';

/** The operator's view of the exchange: this node, its peers and their reachability, the queues, failures, refusals and witnessed checkpoints. */
export function ExchangePage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { data, error } = useQuery({ queryKey: ['exchange-status'], queryFn: api.exchangeStatus, refetchInterval: 10_000 });
  const date = (value: string | null) => (value ? formatDate(value, locale) : '—');
  return (
    <Stack gap="md">
      <Title order={2}>{t('exchange.title')}</Title>
      <Text size="sm">{t('exchange.intro')}</Text>
      <ErrorNotice error={error} />
      {data && (
        <>
          <Group gap="lg">
            <Text>{t('exchange.queue.pending', { count: data.queue.pending })}</Text>
            <Text c={data.queue.overdue ? 'red' : undefined}>{t('exchange.queue.overdue', { count: data.queue.overdue })}</Text>
            <Text c={data.queue.refused ? 'red' : undefined}>{t('exchange.queue.refused', { count: data.queue.refused })}</Text>
          </Group>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {data.nodes.map((node) => (
              <Card withBorder key={node.id} component="section" aria-label={node.name}>
                <Group justify="space-between" mb="xs">
                  <Title order={3} size="h4">
                    {node.name}
                  </Title>
                  {node.self ? (
                    <Badge variant="light">{t('exchange.thisNode')}</Badge>
                  ) : (
                    <Badge color={node.reachable === false ? 'red' : node.reachable ? 'green' : 'gray'} variant="light">
                      {t(node.reachable === false ? 'exchange.unreachable' : node.reachable ? 'exchange.reachable' : 'exchange.notTried')}
                    </Badge>
                  )}
                </Group>
                <Text size="sm">
                  <Code>{node.url}</Code> · {node.party ?? t('exchange.allParties')}
                </Text>
                {!node.self && <Text size="sm">{t('exchange.units', { units: node.units.join(', ') })}</Text>}
                <Text size="sm">{t('exchange.keys', { count: node.keys.length, current: node.keys.find((k) => !k.retiredAt)?.kid.slice(0, 12) ?? '—' })}</Text>
                {!node.self && (
                  <>
                    <Text size="sm">{t('exchange.outbox', { pending: node.outbox.pending, delivered: node.outbox.delivered, refused: node.outbox.refused, inbox: node.inbox })}</Text>
                    <Text size="sm">{t('exchange.lastDelivery', { at: date(node.lastDeliveryAt) })}</Text>
                    {node.lastError && node.reachable === false && (
                      <Text size="sm" c="red">
                        {t('exchange.lastError', { at: date(node.lastFailureAt), error: node.lastError })}
                      </Text>
                    )}
                    <Text size="sm">{node.witnessed ? t('exchange.witnessed', { position: node.witnessed.position, at: date(node.witnessed.at) }) : t('exchange.notWitnessed')}</Text>
                    {node.conflicts.map((c, i) => (
                      <Alert key={i} color="red" role="alert" mt="xs">
                        {t(`exchange.conflicts.${c.conflict}`, { position: c.position, at: date(c.receivedAt) })}
                      </Alert>
                    ))}
                  </>
                )}
              </Card>
            ))}
          </SimpleGrid>
          <Title order={3} size="h4">
            {t('exchange.failing')}
          </Title>
          {data.failing.length === 0 ? (
            <Text size="sm">{t('exchange.noneFailing')}</Text>
          ) : (
            <ScrollTable minWidth={700} label={t('exchange.failing')}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('exchange.columns.kind')}</Table.Th>
                    <Table.Th>{t('exchange.columns.to')}</Table.Th>
                    <Table.Th>{t('exchange.columns.since')}</Table.Th>
                    <Table.Th>{t('exchange.columns.attempts')}</Table.Th>
                    <Table.Th>{t('exchange.columns.error')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.failing.map((m) => (
                    <Table.Tr key={m.id}>
                      <Table.Td>{m.kind}</Table.Td>
                      <Table.Td>{data.nodes.find((n) => n.id === m.toNodeId)?.name ?? m.toNodeId}</Table.Td>
                      <Table.Td>
                        {date(m.createdAt)} {m.overdue && <Badge color="red">{t('exchange.overdue')}</Badge>}
                      </Table.Td>
                      <Table.Td>{m.attempts}</Table.Td>
                      <Table.Td>{m.lastError}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          )}
          <Title order={3} size="h4">
            {t('exchange.refusals')}
          </Title>
          {data.refusals.length === 0 ? (
            <Text size="sm">{t('exchange.noRefusals')}</Text>
          ) : (
            <ScrollTable minWidth={700} label={t('exchange.refusals')}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('exchange.columns.at')}</Table.Th>
                    <Table.Th>{t('exchange.columns.from')}</Table.Th>
                    <Table.Th>{t('exchange.columns.reason')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.refusals.map((r, i) => (
                    <Table.Tr key={i}>
                      <Table.Td>{date(r.at)}</Table.Td>
                      <Table.Td>{data.nodes.find((n) => n.id === r.fromNode)?.name ?? r.fromNode ?? '—'}</Table.Td>
                      <Table.Td>
                        {t(`exchange.reasons.${r.reason}`, { defaultValue: r.reason })}
                        {r.detail && (
                          <Text size="xs" c="dimmed">
                            {r.detail}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          )}
        </>
      )}
    </Stack>
  );
}
