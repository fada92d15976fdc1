import { useQuery } from '@tanstack/react-query';
import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { usePick } from '../../../lib/localized.ts';
import { usePageTitle } from '../../../lib/usePageTitle.ts';
import { ErrorNotice, Loading } from '../../../components/status.tsx';
import { progressApi, progressKeys } from '../progressApi.ts';
import { Fingerprint } from '../shared/Fingerprint.tsx';
import { ReportFacts } from '../shared/ReportFacts.tsx';
import { ReportFiles } from '../shared/ReportFiles.tsx';
import { ReportPreview } from '../shared/ReportPreview.tsx';
import { StatusBadge } from '../shared/StatusBadge.tsx';
import { ChangedFigures } from './ChangedFigures.tsx';
import { IssueReport } from './IssueReport.tsx';
import { NarrativeEditor } from './NarrativeEditor.tsx';

/** A report for its unit: the changed-figures warning, the narrative to edit, a preview, issuing and the files. */
export function ReportPage() {
  const { t } = useTranslation();
  const pick = usePick();
  const { id = '' } = useParams();
  const report = useQuery({ queryKey: progressKeys.report(id), queryFn: () => progressApi.report(id) });
  usePageTitle(report.data ? pick(report.data.title) : t('progress.reports'));

  if (report.isPending) return <Loading />;
  if (report.error) return <ErrorNotice error={report.error} />;
  const r = report.data;
  const draft = r.status === 'draft';

  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to="/progress/reports" size="sm">
          {t('progress.report.back')}
        </Anchor>
        <Group align="start" justify="space-between" gap="xs" mt="xs">
          <Title order={2} size="h3">
            {pick(r.title)}
          </Title>
          <StatusBadge kind="report" status={r.status} />
        </Group>
      </div>
      <ReportFacts report={r} />
      {r.snapshotHash && <Fingerprint hash={r.snapshotHash} />}
      {draft && r.changedFigures.length > 0 && <ChangedFigures report={r} />}
      <section aria-labelledby="report-files-heading">
        <Title order={3} size="h4" id="report-files-heading" mb="xs">
          {t('progress.files.title')}
        </Title>
        <ReportFiles id={r.id} />
      </section>
      {draft && (
        <Card withBorder>
          <IssueReport report={r} />
        </Card>
      )}
      {r.editable && <NarrativeEditor report={r} />}
      <ReportPreview id={r.id} version={report.dataUpdatedAt} />
      {draft && !r.editable && (
        <Text size="sm" c="dimmed">
          {t('progress.narrative.readOnly')}
        </Text>
      )}
    </Stack>
  );
}
