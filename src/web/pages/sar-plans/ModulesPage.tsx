import { Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDate, useLocale, usePick } from '../../lib/localized.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { ErrorNotice, Loading } from '../../components/status.tsx';
import { Tag } from '../../components/Tag.tsx';
import { sarApi } from './api.ts';
import { ModuleForm } from './ModuleForm.tsx';
import { useSarAgency } from './useSarAgency.ts';

/** Each agency's Module 3 as numbered versions, the current one first: kept once, carried by every plan. */
export function ModulesPage() {
  const { t } = useTranslation();
  usePageTitle(t('sar-plans.modules.title'));
  const pick = usePick();
  const locale = useLocale();
  const { agency } = useSarAgency();
  const modules = useQuery({ queryKey: ['sar-plans', 'modules'], queryFn: sarApi.modules });
  if (modules.isPending) return <Loading />;
  if (modules.error) return <ErrorNotice error={modules.error} />;
  const ours = modules.data.find((m) => m.current && m.agency.id === agency?.agency?.id);
  return (
    <Stack gap="md">
      <Title order={1}>{t('sar-plans.modules.title')}</Title>
      <Text c="dimmed">{t('sar-plans.modules.intro')}</Text>
      {agency?.mayEdit && agency.place && <ModuleForm current={ours} place={agency.place} />}
      {modules.data.length === 0 && <Text c="dimmed">{t('sar-plans.modules.none')}</Text>}
      {modules.data.map((m) => (
        <Card key={m.id} withBorder>
          <Group gap="xs">
            <Text fw={600}>{pick(m.content.rccName)}</Text>
            <Tag color={m.current ? 'teal' : 'gray'}>{m.current ? t('sar-plans.modules.current') : t('sar-plans.modules.superseded')}</Tag>
            {m.isSample && <Tag color="orange">{t('sar-plans.sample')}</Tag>}
          </Group>
          <Text size="sm" c="dimmed">
            {pick(m.agency.name)} · {t('sar-plans.modules.version', { version: m.version })} · {formatDate(m.issuedAt, locale)} · {m.issuedBy}
          </Text>
          <Text size="sm">
            {m.content.telephone}
            {m.content.email ? ` · ${m.content.email}` : ''}
            {m.content.vhf ? ` · ${m.content.vhf}` : ''}
          </Text>
          {m.changeNote && <Text size="sm">{m.changeNote}</Text>}
        </Card>
      ))}
    </Stack>
  );
}
