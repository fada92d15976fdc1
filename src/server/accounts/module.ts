import type { ServerModule } from '../platform/server-module.ts';
import { accountRoutes } from './routes.ts';

/** The accounts module as the application registers it (src/server/modules.ts). */
export const accountsServer: ServerModule = {
  id: 'accounts',
  routes: accountRoutes,
};
