import { Anchor, Button, Card, Group, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, useLocale, usePick } from '../../lib/localized.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { ErrorNotice, Loading } from '../../components/status.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { Tag } from '../../components/Tag.tsx';
import { sarApi, type Dashboard } from './api.ts';
import { ShipName } from './ShipName.tsx';
import { useSarAgency } from './useSarAgency.ts';

export const planStatusColor: Record<string, string> = { draft: 'gray', issued: 'blue', withdrawn: 'gray' };

type Item = Dashboard['awaitingMyRecognition'][number];

function Pile({ title, items, render }: { title: string; items: Item[]; render?: (item: never) => ReactNode }) {
  const { t } = useTranslation();
  return (
    <Card withBorder>
      <Text fw={600}>
        {title}: {items.length}
      </Text>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('sar-plans.dashboard.nothing')}
        </Text>
      ) : (
        <List size="sm" spacing={2}>
          {items.slice(0, 8).map((i, n) => (
            <List.Item key={`${i.planId}-${n}`}>
              <Anchor component={Link} to={`/sar-plans/plans/${i.planId}`}>
                {i.reference}
              </Anchor>{' '}
              <ShipName named={{ name: i.ship, isSample: i.isSample }} /> {render ? render(i as never) : null}
            </List.Item>
          ))}
        </List>
      )}
    </Card>
  );
}

/** The agency's start page: what needs it, then every plan of the three places. */
export function SarHome() {
  const { t } = useTranslation();
  usePageTitle(t('sar-plans.title'));
  const locale = useLocale();
  const pick = usePick();
  const { agency } = useSarAgency();
  const board = useQuery({ queryKey: ['sar-plans', 'dashboard'], queryFn: sarApi.dashboard });
  const plans = useQuery({ queryKey: ['sar-plans', 'plans'], queryFn: sarApi.plans });
  return (
    <Stack gap="lg">
      <Title order={1}>{t('sar-plans.title')}</Title>
      <Text c="dimmed">{t('sar-plans.intro')}</Text>
      <Text>{agency && pick(agency.agency!.name)}</Text>
      <Group>
        <Button component={Link} to="/sar-plans/register" variant="light">
          {t('sar-plans.register.title')}
        </Button>
        {agency?.mayEdit && (
          <Button component={Link} to="/sar-plans/import" variant="light">
            {t('sar-plans.import.title')}
          </Button>
        )}
        <Button component={Link} to="/sar-plans/modules" variant="light">
          {t('sar-plans.modules.title')}
        </Button>
      </Group>
      <Title order={2}>{t('sar-plans.dashboard.title')}</Title>
      {board.isPending ? (
        <Loading />
      ) : board.error ? (
        <ErrorNotice error={board.error} />
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Pile title={t('sar-plans.dashboard.plansDue')} items={board.data.plansDue} render={(i: Dashboard['plansDue'][number]) => i.reasons.map((r) => <Tag key={r} color="red">{t(`sar-plans.dueReasons.${r}`)}</Tag>)} />
          <Pile title={t('sar-plans.dashboard.copiesUnacknowledged')} items={board.data.copiesUnacknowledged} render={(i: Dashboard['copiesUnacknowledged'][number]) => <Tag color="yellow">{t(`sar-plans.copyStates.${i.state}`)}</Tag>} />
          <Pile title={t('sar-plans.dashboard.plansNotRecognised')} items={board.data.plansNotRecognised} />
          <Pile title={t('sar-plans.dashboard.awaitingMyRecognition')} items={board.data.awaitingMyRecognition} />
          <Pile title={t('sar-plans.dashboard.exercisesOverdue')} items={board.data.exercisesOverdue} render={(i: Dashboard['exercisesOverdue'][number]) => <Text span size="sm">{formatDate(i.dueOn, locale)}</Text>} />
        </SimpleGrid>
      )}
      <Title order={2}>{t('sar-plans.plans.title')}</Title>
      {plans.isPending ? (
        <Loading />
      ) : plans.error ? (
        <ErrorNotice error={plans.error} />
      ) : plans.data.length === 0 ? (
        <Text c="dimmed">{t('sar-plans.plans.none')}</Text>
      ) : (
        <ScrollTable minWidth={760} label={t('sar-plans.plans.title')}>
          <Table striped highlightOnHover verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('sar-plans.plans.reference')}</Table.Th>
                <Table.Th>{t('sar-plans.plans.ship')}</Table.Th>
                <Table.Th>{t('sar-plans.plans.owner')}</Table.Th>
                <Table.Th>{t('sar-plans.plans.status')}</Table.Th>
                <Table.Th>{t('sar-plans.plans.recognisedBy')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {plans.data.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/sar-plans/plans/${p.id}`}>
                      {p.reference}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <ShipName named={p.ship} />
                  </Table.Td>
                  <Table.Td>{pick(p.owner.name)}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <Tag color={planStatusColor[p.status]}>{t(`sar-plans.statuses.${p.status}`)}</Tag>
                      {p.status !== 'withdrawn' && !p.valid && <Tag color="red">{t('sar-plans.plans.invalid')}</Tag>}
                      {p.exerciseOverdue && <Tag color="orange">{t('sar-plans.plans.exerciseOverdue')}</Tag>}
                    </Group>
                  </Table.Td>
                  <Table.Td>{p.recognisedBy.length}/2</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </Stack>
  );
}
