import { Route } from 'react-router';
import { RequireLogin } from '../../components/RequireLogin.tsx';
import type { WebModule } from '../../lib/webModule.ts';
import { SarRoutes } from './SarRoutes.tsx';

export const sarPlansWeb: WebModule = { id: 'sar-plans', routes: <Route path="sar-plans/*" element={<RequireLogin><SarRoutes /></RequireLogin>} /> };
