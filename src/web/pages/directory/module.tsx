import { Route } from 'react-router';
import { RequireLogin } from '../../components/RequireLogin.tsx';
import type { WebModule } from '../../lib/webModule.ts';
import { DirectoryPage } from './DirectoryPage.tsx';
import { UnitPage } from './UnitPage.tsx';

export const directoryWeb: WebModule = {
  id: 'directory',
  routes: (
    <>
      <Route path="directory" element={<RequireLogin><DirectoryPage /></RequireLogin>} />
      <Route path="directory/units/:id" element={<RequireLogin><UnitPage /></RequireLogin>} />
    </>
  ),
};
