import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, useLocale, usePick } from '../../../lib/localized.ts';
import { useMe } from '../../../session.ts';
import { progressApi, progressKeys } from '../progressApi.ts';
import type { Report, ReportSummary } from '../types.ts';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" fw={600} c="dimmed">
        {label}
      </Text>
      <Text component="dd" size="sm" m={0}>
        {children}
      </Text>
    </div>
  );
}

/** What a report covers (day, areas) and who drafted and issued it. Area names need a log-in; visitors see their number. */
export function ReportFacts({ report: r }: { report: ReportSummary & Partial<Pick<Report, 'issuedBy'>> }) {
  const { t } = useTranslation();
  const pick = usePick();
  const locale = useLocale();
  const { me } = useMe();
  const areas = useQuery({ queryKey: progressKeys.areas, queryFn: progressApi.areas, enabled: !!me });
  const names = areas.data?.filter((a) => r.areaCodes.includes(a.code)).map((a) => pick(a.name));
  return (
    <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="xs" m={0}>
      <Fact label={t('progress.report.asOf')}>{formatDate(r.asOf, locale)}</Fact>
      <Fact label={t('progress.report.areas')}>{names?.length ? names.join(t('progress.listSeparator')) : t('progress.report.areaCount', { n: r.areaCodes.length })}</Fact>
      <Fact label={t('progress.report.draftedBy')}>{r.createdBy}</Fact>
      {r.issuedAt && (
        <Fact label={t('progress.report.issuedOn')}>{r.issuedBy ? t('progress.report.issuedBy', { date: formatDate(r.issuedAt, locale), who: r.issuedBy }) : formatDate(r.issuedAt, locale)}</Fact>
      )}
    </SimpleGrid>
  );
}
