import { Route } from 'react-router';
import { RequireLogin } from '../../components/RequireLogin.tsx';
import type { WebModule } from '../../lib/webModule.ts';
import { ProgressRoutes } from './ProgressRoutes.tsx';
import { ReportRoutes } from './ReportRoutes.tsx';

export const progressWeb: WebModule = {
  id: 'progress',
  routes: (
    <>
      <Route path="progress/*" element={<RequireLogin><ProgressRoutes /></RequireLogin>} />
      {/* Issued progress reports are public. */}
      <Route path="reports/*" element={<ReportRoutes />} />
    </>
  ),
};
