import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router';
import { PublicReportsPage } from './public/PublicReportsPage.tsx';
import { PublicReportPage } from './public/PublicReportPage.tsx';

/** Issued progress reports, public: no log-in needed. */
export function ReportRoutes() {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Title order={1}>{t('progress.reports')}</Title>
      <Routes>
        <Route index element={<PublicReportsPage />} />
        <Route path=":id" element={<PublicReportPage />} />
        <Route path="*" element={<Navigate to="/reports" replace />} />
      </Routes>
    </Stack>
  );
}
