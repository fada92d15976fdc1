import { Button, Group, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router';
import { CommitmentsPage } from './commitments/CommitmentsPage.tsx';
import { CommitmentPage } from './commitment/CommitmentPage.tsx';
import { PlenariesPage } from './plenaries/PlenariesPage.tsx';
import { ReportsPage } from './reports/ReportsPage.tsx';
import { ReportPage } from './reports/ReportPage.tsx';

/** Joint Conference progress (signed-in): commitments and their figures, plenaries, and progress reports. */
export function ProgressRoutes() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const sections = [
    { to: '/progress', label: t('progress.commitments.title'), active: pathname === '/progress' || pathname.startsWith('/progress/commitments') },
    { to: '/progress/plenaries', label: t('progress.plenaries.title'), active: pathname.startsWith('/progress/plenaries') },
    { to: '/progress/reports', label: t('progress.reports'), active: pathname.startsWith('/progress/reports') },
  ];

  return (
    <Stack gap="md">
      <Title order={1}>{t('progress.title')}</Title>
      <Group component="nav" aria-label={t('progress.sections')} gap="xs">
        {sections.map((s) => (
          <Button key={s.to} component={Link} to={s.to} variant={s.active ? 'filled' : 'default'} size="sm" aria-current={s.active ? 'page' : undefined}>
            {s.label}
          </Button>
        ))}
      </Group>
      <Routes>
        <Route index element={<CommitmentsPage />} />
        <Route path="commitments/:id" element={<CommitmentPage />} />
        <Route path="plenaries" element={<PlenariesPage />} />
        <Route path="reports" element={<ReportsPage />} />
        <Route path="reports/:id" element={<ReportPage />} />
        <Route path="*" element={<Navigate to="/progress" replace />} />
      </Routes>
    </Stack>
  );
}
