import { Route } from 'react-router';
import { RequireLogin } from '../../components/RequireLogin.tsx';
import type { WebModule } from '../../lib/webModule.ts';
import { NotificationRoutes } from './NotificationRoutes.tsx';

export const notificationsWeb: WebModule = { id: 'notifications', routes: <Route path="notifications/*" element={<RequireLogin><NotificationRoutes /></RequireLogin>} /> };
