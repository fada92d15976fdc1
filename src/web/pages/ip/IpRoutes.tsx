import { Navigate, Route, Routes } from 'react-router';
import { RequireLogin } from '../../components/RequireLogin.tsx';
import { IpHome } from './IpHome.tsx';
import { InstrumentsPage } from './InstrumentsPage.tsx';
import { InstrumentPage } from './InstrumentPage.tsx';
import { ComparePage } from './ComparePage.tsx';
import { UpdatesPage } from './UpdatesPage.tsx';
import { AuthoritiesPage } from './AuthoritiesPage.tsx';
import { RevisionsPage } from './RevisionsPage.tsx';
import { RevisionPage } from './RevisionPage.tsx';
import { ProgrammePage } from './ProgrammePage.tsx';
import { LeadsPage } from './LeadsPage.tsx';
import { LeadPage } from './LeadPage.tsx';
import { OperationsPage } from './OperationsPage.tsx';
import { OperationPage } from './OperationPage.tsx';
import { AnalysisPage } from './AnalysisPage.tsx';

/** Intellectual property (M20–M22): the public database's pages, then the IP units' own. */
export function IpRoutes() {
  return (
    <Routes>
      <Route index element={<IpHome />} />
      <Route path="instruments" element={<InstrumentsPage />} />
      <Route path="instruments/:code" element={<InstrumentPage />} />
      <Route path="compare" element={<ComparePage />} />
      <Route path="updates" element={<UpdatesPage />} />
      <Route path="authorities" element={<AuthoritiesPage />} />
      <Route path="revisions" element={<RequireLogin><RevisionsPage /></RequireLogin>} />
      <Route path="revisions/:id" element={<RequireLogin><RevisionPage /></RequireLogin>} />
      <Route path="work-programme" element={<RequireLogin><ProgrammePage /></RequireLogin>} />
      <Route path="leads" element={<RequireLogin><LeadsPage /></RequireLogin>} />
      <Route path="leads/:id" element={<RequireLogin><LeadPage /></RequireLogin>} />
      <Route path="operations" element={<RequireLogin><OperationsPage /></RequireLogin>} />
      <Route path="operations/:id" element={<RequireLogin><OperationPage /></RequireLogin>} />
      <Route path="analysis" element={<RequireLogin><AnalysisPage /></RequireLogin>} />
      <Route path="*" element={<Navigate to="/ip" replace />} />
    </Routes>
  );
}
