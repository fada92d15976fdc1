import { Button, Card, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { ApiError } from '../../api.ts';
import { ErrorNotice, Loading } from '../../components/status.tsx';
import { BarChart, ColumnChart } from '../../components/BarChart.tsx';
import { ipApi } from './api.ts';
import { useIpMe } from './shared.tsx';

/** Risk analysis (重點開展風險分析): the unit's own leads counted by channel, goods, route and month, as charts. */
export function AnalysisPage() {
  const { t } = useTranslation();
  usePageTitle(t('ip.analysis.title'));
  const me = useIpMe();
  const [period, setPeriod] = useState<{ from?: string; to?: string }>({});
  const [draft, setDraft] = useState({ from: '', to: '' });
  const analysis = useQuery({ queryKey: ['ip', 'analysis', period], queryFn: () => ipApi.analysis(period), enabled: !!me?.enforcement });
  if (me && !me.enforcement) return <Text c="dimmed">{t('ip.leads.notEnforcement')}</Text>;
  const error = (field: string) => (analysis.error instanceof ApiError ? analysis.error.fieldMessage(field) : undefined);
  const a = analysis.data;
  return (
    <Stack gap="md">
      <Title order={1}>{t('ip.analysis.title')}</Title>
      <Text c="dimmed">{t('ip.analysis.intro')}</Text>
      <Group align="flex-end">
        <TextInput type="month" label={t('ip.analysis.from')} value={draft.from || a?.from || ''} onChange={(e) => setDraft({ ...draft, from: e.currentTarget.value })} error={error('from')} />
        <TextInput type="month" label={t('ip.analysis.to')} value={draft.to || a?.to || ''} onChange={(e) => setDraft({ ...draft, to: e.currentTarget.value })} error={error('to')} />
        <Button onClick={() => setPeriod({ from: draft.from || undefined, to: draft.to || undefined })}>{t('ip.analysis.show')}</Button>
      </Group>
      {analysis.isPending && <Loading />}
      <ErrorNotice error={analysis.error instanceof ApiError && analysis.error.fields.length ? null : analysis.error} />
      {a && (
        <>
          <Text fw={600}>{t('ip.analysis.total', { n: a.total })}</Text>
          {!a.total && <Text c="dimmed">{t('ip.analysis.none')}</Text>}
          <Card withBorder>
            <Title order={2} size="h4" mb="xs">
              {t('ip.analysis.byMonth')}
            </Title>
            <ColumnChart label={t('ip.analysis.byMonth')} partLabel={t('ip.analysis.seizures')} data={a.byMonth.map((m) => ({ label: m.month, value: m.total, part: m.seizures }))} />
            <Text size="xs" c="dimmed">
              <span style={{ color: 'var(--mantine-color-teal-7)' }}>■</span> {t('ip.analysis.seizures')}
            </Text>
          </Card>
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            <Card withBorder>
              <Title order={2} size="h4" mb="xs">
                {t('ip.analysis.byChannel')}
              </Title>
              <BarChart label={t('ip.analysis.byChannel')} data={a.byChannel.map((c) => ({ label: t(`ip.leads.channels.${c.key}`), value: c.count }))} />
            </Card>
            <Card withBorder>
              <Title order={2} size="h4" mb="xs">
                {t('ip.analysis.byGoods')}
              </Title>
              <BarChart label={t('ip.analysis.byGoods')} data={a.byGoods.map((c) => ({ label: c.key, value: c.count }))} />
            </Card>
            <Card withBorder>
              <Title order={2} size="h4" mb="xs">
                {t('ip.analysis.byRoute')}
              </Title>
              <BarChart label={t('ip.analysis.byRoute')} data={a.byRoute.map((c) => ({ label: c.key || t('ip.analysis.noRoute'), value: c.count }))} />
            </Card>
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}
