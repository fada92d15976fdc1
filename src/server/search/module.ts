import type { ServerModule } from '../platform/server-module.ts';
import { searchRoutes } from './routes.ts';

/** The search module as the application registers it (src/server/modules.ts). */
export const searchServer: ServerModule = {
  id: 'search',
  routes: searchRoutes,
};
