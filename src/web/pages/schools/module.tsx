import { Route } from 'react-router';
import { RequireLogin } from '../../components/RequireLogin.tsx';
import type { WebModule } from '../../lib/webModule.ts';
import { SchoolRoutes } from './SchoolRoutes.tsx';

export const schoolsWeb: WebModule = { id: 'schools', routes: <Route path="schools/*" element={<RequireLogin><SchoolRoutes /></RequireLogin>} /> };
