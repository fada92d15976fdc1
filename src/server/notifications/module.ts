import type { ServerModule } from '../platform/server-module.ts';
import { notificationRoutes } from './routes.ts';
import { notificationExchange } from './exchange.ts';

/** The notifications module as the application registers it (src/server/modules.ts). */
export const notificationsServer: ServerModule = {
  id: 'notifications',
  routes: notificationRoutes,
  exchange: notificationExchange,
};
