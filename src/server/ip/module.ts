import type { ServerModule } from '../platform/server-module.ts';
import { ipRoutes } from './routes.ts';
import { ipExchange } from './exchange.ts';

/** The intellectual-property module as the application registers it (src/server/modules.ts). */
export const ipServer: ServerModule = {
  id: 'ip',
  routes: ipRoutes,
  exchange: ipExchange,
};
