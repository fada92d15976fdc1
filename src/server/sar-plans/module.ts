import type { ServerModule } from '../platform/server-module.ts';
import { sarExchange } from './exchange.ts';
import { sarPlanRoutes } from './routes.ts';

/** The SAR co-operation plans module as the application registers it (src/server/modules.ts). */
export const sarPlansServer: ServerModule = {
  id: 'sar-plans',
  routes: sarPlanRoutes,
  exchange: sarExchange,
};
