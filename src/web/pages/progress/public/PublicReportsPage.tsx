import { useQuery } from '@tanstack/react-query';
import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePick } from '../../../lib/localized.ts';
import { usePageTitle } from '../../../lib/usePageTitle.ts';
import { ErrorNotice, Loading } from '../../../components/status.tsx';
import { progressApi, progressKeys } from '../progressApi.ts';
import { Fingerprint } from '../shared/Fingerprint.tsx';
import { ReportFacts } from '../shared/ReportFacts.tsx';
import { ReportFiles } from '../shared/ReportFiles.tsx';

/** The issued progress reports, for anyone: each with its fingerprint and its files in three languages. */
export function PublicReportsPage() {
  const { t } = useTranslation();
  const pick = usePick();
  usePageTitle(t('progress.reports'));
  const reports = useQuery({ queryKey: progressKeys.reports, queryFn: progressApi.reports });
  // A signed-in reader is also sent the drafts; the public list shows what was issued.
  const issued = reports.data?.filter((r) => r.status === 'issued');

  return (
    <Stack gap="lg">
      <Text c="dimmed">{t('progress.public.intro')}</Text>
      {reports.isPending && <Loading />}
      <ErrorNotice error={reports.error} />
      {issued?.length === 0 && <Text>{t('progress.public.none')}</Text>}
      {issued?.map((r) => (
        <Card withBorder component="article" key={r.id} aria-labelledby={`report-${r.id}`}>
          <Stack gap="sm">
            <Title order={2} size="h4" id={`report-${r.id}`}>
              <Anchor component={Link} to={`/reports/${r.id}`} inherit>
                {pick(r.title)}
              </Anchor>
            </Title>
            <ReportFacts report={r} />
            {r.snapshotHash && <Fingerprint hash={r.snapshotHash} />}
            <ReportFiles id={r.id} />
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
