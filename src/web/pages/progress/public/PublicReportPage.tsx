import { useQuery } from '@tanstack/react-query';
import { Anchor, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { usePick } from '../../../lib/localized.ts';
import { usePageTitle } from '../../../lib/usePageTitle.ts';
import { ErrorNotice, Loading } from '../../../components/status.tsx';
import { progressApi, progressKeys } from '../progressApi.ts';
import { Fingerprint } from '../shared/Fingerprint.tsx';
import { ReportFacts } from '../shared/ReportFacts.tsx';
import { ReportFiles } from '../shared/ReportFiles.tsx';
import { ReportPreview } from '../shared/ReportPreview.tsx';

/** One issued report, for anyone: as frozen when issued, with its fingerprint. */
export function PublicReportPage() {
  const { t } = useTranslation();
  const pick = usePick();
  const { id = '' } = useParams();
  const report = useQuery({ queryKey: progressKeys.report(id), queryFn: () => progressApi.report(id) });
  usePageTitle(report.data ? pick(report.data.title) : t('progress.reports'));

  if (report.isPending) return <Loading />;
  if (report.error) return <ErrorNotice error={report.error} />;
  const r = report.data;
  // A signed-in officer following a link to a draft: drafts live in the signed-in area.
  if (r.status !== 'issued') return <Navigate to={`/progress/reports/${r.id}`} replace />;
  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to="/reports" size="sm">
          {t('progress.public.back')}
        </Anchor>
        <Title order={2} size="h3" mt="xs">
          {pick(r.title)}
        </Title>
      </div>
      <ReportFacts report={r} />
      {r.snapshotHash && <Fingerprint hash={r.snapshotHash} />}
      <section aria-labelledby="public-files-heading">
        <Title order={3} size="h4" id="public-files-heading" mb="xs">
          {t('progress.files.title')}
        </Title>
        <ReportFiles id={r.id} />
      </section>
      <ReportPreview id={r.id} version={0} />
    </Stack>
  );
}
