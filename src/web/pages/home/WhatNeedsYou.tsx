import { useQuery } from '@tanstack/react-query';
import { Anchor, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorNotice } from '../../components/status.tsx';
import { workApi, type Work, type WorkCount } from './workApi.ts';
import { SystemHealthPanel } from './SystemHealthPanel.tsx';

const groups: WorkCount['group'][] = ['notifications', 'verification', 'meetings', 'progress'];
const listOf: Record<WorkCount['group'], string> = { notifications: '/notifications', verification: '/verification', meetings: '/meetings', progress: '/progress' };

/** The counts are refreshed each minute while the home page is open: work arrives without a reload. */
export const useWork = () => useQuery({ queryKey: ['work'], queryFn: workApi.get, refetchInterval: 60_000 });

/**
 * What needs the officer now, across every module: each number is a link to the list it counts
 * (the server counts each list with the very filters of its link). The platform administrator
 * sees the health of the system.
 */
export function WhatNeedsYou({ hasUnit }: { hasUnit: boolean }) {
  const { t } = useTranslation();
  const work = useWork();
  if (work.isPending)
    return (
      <Text role="status" c="dimmed">
        {t('work.loading')}
      </Text>
    );
  if (work.error)
    return (
      <Stack gap="xs">
        <ErrorNotice error={work.error} />
        {hasUnit && (
          <Group gap="md">
            <Text size="sm">{t('work.failed')}</Text>
            {groups.map((g) => (
              <Anchor key={g} component={Link} to={listOf[g]} size="sm">
                {t(`work.groups.${g}`)}
              </Anchor>
            ))}
          </Group>
        )}
      </Stack>
    );
  return (
    <>
      {work.data.health && <SystemHealthPanel health={work.data.health} />}
      {hasUnit && <UnitWork work={work.data} />}
    </>
  );
}

function UnitWork({ work }: { work: Work }) {
  const { t } = useTranslation();
  const nothing = work.counts.every((c) => c.count === 0);
  return (
    <section aria-labelledby="work-heading">
      <Title order={2} size="h3" id="work-heading">
        {t('work.heading')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {nothing ? t('work.nothingNeeded') : t('work.intro')}
      </Text>
      <Stack gap="md">
        {groups.map((group) => {
          const counts = work.counts.filter((c) => c.group === group);
          if (!counts.length) return null;
          return (
            <div key={group}>
              <Title order={3} size="h5" mb={6} id={`work-${group}`}>
                {t(`work.groups.${group}`)}
              </Title>
              <SimpleGrid component="ul" aria-labelledby={`work-${group}`} cols={{ base: 2, sm: 3, lg: 4 }} spacing="sm" p={0} m={0} style={{ listStyle: 'none' }}>
                {counts.map((c) => (
                  <CountCard key={c.key} count={c} />
                ))}
              </SimpleGrid>
            </div>
          );
        })}
      </Stack>
    </section>
  );
}

function CountCard({ count: c }: { count: WorkCount }) {
  const { t } = useTranslation();
  const alarm = c.urgent && c.count > 0;
  return (
    <Paper component="li" withBorder p="sm" radius="sm" bg={alarm ? 'red.0' : undefined} data-work={c.key}>
      {/* The number is part of the link: it is what the eye goes to and the hand clicks. */}
      <Anchor component={Link} to={c.link} size="sm" display="block">
        <Text span display="block" fz={28} fw={700} lh={1.1} c={alarm ? 'red.9' : c.count ? 'var(--mantine-color-text)' : 'dimmed'} data-count>
          {c.more ? t('work.more', { n: c.count }) : c.count}
        </Text>
        {t(`work.keys.${c.key}`)}
      </Anchor>
    </Paper>
  );
}
