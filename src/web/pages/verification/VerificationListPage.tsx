import { useQuery } from '@tanstack/react-query';
import { Button, Group, SegmentedControl, Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { ErrorNotice, Loading } from '../../components/status.tsx';
import type { VerificationKind } from './types.ts';
import { useActs } from '../../lib/useActs.ts';
import { verificationApi, type Direction, type VerificationFilters } from './api.ts';
import { ShowingOnly } from '../../components/ShowingOnly.tsx';
import { VerificationTable } from './VerificationTable.tsx';

const kinds: VerificationKind[] = ['pre_publication', 'media_report'];

/** Verification before publishing (clause 4) and of uncertain media reports (clause 5), asked of the unit or by it. */
export function VerificationListPage() {
  const { t } = useTranslation();
  usePageTitle(t('verification.title'));
  const acts = useActs();
  const [params, setParams] = useSearchParams();
  const kind: VerificationKind = params.get('kind') === 'media_report' ? 'media_report' : 'pre_publication';
  const box: Direction = params.get('box') === 'outgoing' ? 'outgoing' : 'incoming';
  const set = (key: string, value: string) => setParams((p) => new URLSearchParams({ ...Object.fromEntries(p), [key]: value }), { replace: true });
  const only: VerificationFilters = { ...(params.get('status') === 'open' ? { status: 'open' } : {}), ...(params.get('overdue') === 'true' ? { overdue: 'true' } : {}) };
  const showAll = () => setParams((p) => { const next = new URLSearchParams(p); next.delete('status'); next.delete('overdue'); return next; }, { replace: true });
  const list = useQuery({ queryKey: ['verifications', kind, box, only], queryFn: () => verificationApi.list(kind, box, only) });

  return (
    <Stack gap="md">
      <Group justify="space-between" align="center">
        <Title order={1}>{t('verification.title')}</Title>
        {acts && (
          <Button component={Link} to={`/verification/new?kind=${kind}`}>
            {t(`verification.ask.${kind}`)}
          </Button>
        )}
      </Group>
      <Text c="dimmed">{t('verification.intro')}</Text>
      <Tabs value={kind} onChange={(v) => v && set('kind', v)} keepMounted={false}>
        <Tabs.List aria-label={t('verification.kindLabel')}>
          {kinds.map((k) => (
            <Tabs.Tab key={k} value={k}>
              {t(`verification.kinds.${k}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {kinds.map((k) => (
          <Tabs.Panel key={k} value={k} pt="md">
            <Stack gap="md">
              <div role="group" aria-label={t('verification.boxLabel')}>
                <SegmentedControl
                  value={box}
                  onChange={(v) => set('box', v)}
                  data={(['incoming', 'outgoing'] as const).map((b) => ({ value: b, label: t(`verification.box.${b}`) }))}
                />
              </div>
              <ShowingOnly what={[only.status && t('work.filters.open'), only.overdue && t('work.filters.overdue')].filter((x): x is string => !!x)} onShowAll={showAll} />
              {list.isPending && <Loading />}
              <ErrorNotice error={list.error} />
              {list.data && <VerificationTable items={list.data} box={box} />}
            </Stack>
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
