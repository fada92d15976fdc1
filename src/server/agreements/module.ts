import type { ServerModule } from '../platform/server-module.ts';
import { agreementRoutes } from './routes.ts';

/** The agreements module as the application registers it (src/server/modules.ts). */
export const agreementsServer: ServerModule = {
  id: 'agreements',
  routes: agreementRoutes,
};
