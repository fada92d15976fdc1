import { Route } from 'react-router';
import { RequireLogin } from '../../components/RequireLogin.tsx';
import type { WebModule } from '../../lib/webModule.ts';
import { MeetingRoutes } from './MeetingRoutes.tsx';

export const meetingsWeb: WebModule = { id: 'meetings', routes: <Route path="meetings/*" element={<RequireLogin><MeetingRoutes /></RequireLogin>} /> };
