import type { ServerModule } from '../platform/server-module.ts';
import { meetingRoutes } from './routes.ts';

/** The meetings module as the application registers it (src/server/modules.ts). */
export const meetingsServer: ServerModule = {
  id: 'meetings',
  routes: meetingRoutes,
};
