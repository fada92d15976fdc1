import { Card, SimpleGrid, Select, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useAddressParams } from '../../lib/useAddressParams.ts';
import { ErrorNotice, Loading } from '../../components/status.tsx';
import { ipSubjects } from '../../../shared/modules/ip.ts';
import { ipApi } from './api.ts';
import { InstrumentLink, useIpLabels, useSummary } from './shared.tsx';

/** The three places' rules on one subject, side by side: what WIPO Lex cannot show. */
export function ComparePage() {
  const { t } = useTranslation();
  usePageTitle(t('ip.compare.title'));
  const label = useIpLabels();
  const { values, update } = useAddressParams(['subject']);
  const subject = values.subject ?? 'copyright';
  const compare = useQuery({ queryKey: ['ip', 'compare', subject], queryFn: () => ipApi.compare(subject) });
  const summary = useSummary(compare.data?.places.flatMap((p) => p.instruments.map((i) => i.summary.zh)) ?? []);
  return (
    <Stack gap="md">
      <Title order={1}>{t('ip.compare.title')}</Title>
      <Text c="dimmed">{t('ip.compare.intro')}</Text>
      <Select label={t('ip.fields.subject')} data={ipSubjects.map((s) => ({ value: s, label: label.subject(s) }))} value={subject} onChange={(v) => update({ subject: v })} allowDeselect={false} w={260} />
      {compare.isPending && <Loading />}
      <ErrorNotice error={compare.error} />
      {compare.data && (
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          {compare.data.places.map((p) => (
            <Stack key={p.place} gap="sm">
              <Title order={2} size="h4">
                {t(`ip.places.${p.place}`)}
              </Title>
              {!p.instruments.length && <Text c="dimmed">{t('ip.compare.none')}</Text>}
              {p.total > p.instruments.length && (
                <Text size="sm" c="dimmed">
                  {t('ip.compare.showing', { shown: p.instruments.length, total: p.total })}
                </Text>
              )}
              {p.instruments.map((i) => (
                <Card withBorder key={i.id} padding="sm">
                  <InstrumentLink instrument={i} />
                  <Text size="xs" c="dimmed">
                    {label.type(i.type)} · {i.inForceOn ? t('ip.compare.inForceFrom', { day: i.inForceOn }) : label.status(i.status)}
                  </Text>
                  <Text size="sm">{summary(i.summary)}</Text>
                </Card>
              ))}
            </Stack>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
