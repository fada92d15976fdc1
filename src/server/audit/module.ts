import type { ServerModule } from '../platform/server-module.ts';
import { auditRoutes } from './routes.ts';

/** The audit module as the application registers it (src/server/modules.ts). */
export const auditServer: ServerModule = {
  id: 'audit',
  routes: auditRoutes,
};
