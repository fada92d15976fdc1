import { Route } from 'react-router';
import { RequireLogin } from '../../components/RequireLogin.tsx';
import type { WebModule } from '../../lib/webModule.ts';
import { canAdminister } from '../../session.ts';
import { AdminRoutes } from './AdminRoutes.tsx';

export const adminWeb: WebModule = { id: 'admin', routes: <Route path="admin/*" element={<RequireLogin allow={canAdminister}><AdminRoutes /></RequireLogin>} /> };
