import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router';
import { Loading } from '../../components/status.tsx';
import { SarHome } from './SarHome.tsx';
import { RegisterPage } from './RegisterPage.tsx';
import { ImportPage } from './ImportPage.tsx';
import { PlanPage } from './PlanPage.tsx';
import { ModulesPage } from './ModulesPage.tsx';
import { ShipPage } from './ShipPage.tsx';
import { CompanyPage } from './CompanyPage.tsx';
import { useSarAgency } from './useSarAgency.ts';

/** SAR co-operation plans (M23–M25): the module's screens, for the three SAR agencies only. */
export function SarRoutes() {
  const { t } = useTranslation();
  const { agency, loading } = useSarAgency();
  if (loading) return <Loading />;
  if (!agency) return <Alert color="gray">{t('sar-plans.notAnAgency')}</Alert>;
  return (
    <Routes>
      <Route index element={<SarHome />} />
      <Route path="register" element={<RegisterPage />} />
      <Route path="ships/new" element={<ShipPage />} />
      <Route path="ships/:id" element={<ShipPage />} />
      <Route path="companies/new" element={<CompanyPage />} />
      <Route path="companies/:id" element={<CompanyPage />} />
      <Route path="import" element={<ImportPage />} />
      <Route path="modules" element={<ModulesPage />} />
      <Route path="plans/:id" element={<PlanPage />} />
      <Route path="*" element={<Navigate to="/sar-plans" replace />} />
    </Routes>
  );
}
