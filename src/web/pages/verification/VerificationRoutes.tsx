import { Navigate, Route, Routes } from 'react-router';
import { AreaNav } from '../../components/AreaNav.tsx';
import { VerificationListPage } from './VerificationListPage.tsx';
import { AskPage } from './AskPage.tsx';
import { VerificationPage } from './VerificationPage.tsx';

/** Verification before publishing (clause 4) and of media reports (clause 5). */
export function VerificationRoutes() {
  return (
    <>
      <AreaNav />
      <Routes>
        <Route index element={<VerificationListPage />} />
        <Route path="new" element={<AskPage />} />
        <Route path=":id" element={<VerificationPage />} />
        <Route path="*" element={<Navigate to="/verification" replace />} />
      </Routes>
    </>
  );
}
