import { useQuery } from '@tanstack/react-query';
import { Anchor, Card, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, useLocale, usePick } from '../../../lib/localized.ts';
import { usePageTitle } from '../../../lib/usePageTitle.ts';
import { ErrorNotice, Loading } from '../../../components/status.tsx';
import { useMe } from '../../../session.ts';
import { progressApi, progressKeys } from '../progressApi.ts';
import { access } from '../shared/access.ts';
import { StatusBadge } from '../shared/StatusBadge.tsx';
import { DraftReportForm } from './DraftReportForm.tsx';

/** Progress reports of the units: drafts and issued ones, and the form to draft a new one. */
export function ReportsPage() {
  const { t } = useTranslation();
  const pick = usePick();
  const locale = useLocale();
  const { me } = useMe();
  usePageTitle(t('progress.reports'));
  const reports = useQuery({ queryKey: progressKeys.reports, queryFn: progressApi.reports });

  return (
    <Stack gap="lg">
      <div>
        <Title order={2} size="h3">
          {t('progress.reports')}
        </Title>
        <Text c="dimmed">{t('progress.reportList.intro')}</Text>
      </div>
      {reports.isPending && <Loading />}
      <ErrorNotice error={reports.error} />
      {reports.data && reports.data.length === 0 && <Text c="dimmed">{t('progress.reportList.none')}</Text>}
      {reports.data && reports.data.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('progress.reportList.titleColumn')}</Table.Th>
                <Table.Th>{t('progress.report.asOf')}</Table.Th>
                <Table.Th>{t('progress.report.status')}</Table.Th>
                <Table.Th>{t('progress.report.draftedBy')}</Table.Th>
                <Table.Th>{t('progress.report.issuedOn')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {reports.data.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/progress/reports/${r.id}`} size="sm">
                      {pick(r.title)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{formatDate(r.asOf, locale)}</Table.Td>
                  <Table.Td>
                    <StatusBadge kind="report" status={r.status} />
                  </Table.Td>
                  <Table.Td>{r.createdBy}</Table.Td>
                  <Table.Td>{r.issuedAt ? formatDate(r.issuedAt, locale) : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {access.draftsReports(me) ? (
        <Card withBorder>
          <DraftReportForm />
        </Card>
      ) : (
        <Text size="sm" c="dimmed">
          {t('progress.draft.notAllowed')}
        </Text>
      )}
    </Stack>
  );
}
