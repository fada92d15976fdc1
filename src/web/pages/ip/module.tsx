import { Route } from 'react-router';
import type { WebModule } from '../../lib/webModule.ts';
import { IpRoutes } from './IpRoutes.tsx';

/** The IP database is public: its pages need no log-in (the pages of IP units ask for it themselves). */
export const ipWeb: WebModule = { id: 'ip', routes: <Route path="ip/*" element={<IpRoutes />} /> };
