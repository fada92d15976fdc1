import { Navigate, Route, Routes } from 'react-router';
import { SchoolsHome } from './SchoolsHome.tsx';
import { RegistryPage } from './RegistryPage.tsx';
import { SchoolPage } from './SchoolPage.tsx';
import { ImportPage } from './ImportPage.tsx';
import { PairPage } from './PairPage.tsx';

/** Sister schools (M16–M19): the module's screens (mounted by module.tsx). */
export function SchoolRoutes() {
  return (
    <Routes>
      <Route index element={<SchoolsHome />} />
      <Route path="registry" element={<RegistryPage />} />
      <Route path="registry/:id" element={<SchoolPage />} />
      <Route path="import" element={<ImportPage />} />
      <Route path="pairs" element={<Navigate to="/schools" replace />} />
      <Route path="pairs/:id" element={<PairPage />} />
      <Route path="*" element={<Navigate to="/schools" replace />} />
    </Routes>
  );
}
