import type { ServerModule } from '../platform/server-module.ts';
import { progressRoutes } from './routes.ts';

/** The progress module as the application registers it (src/server/modules.ts). */
export const progressServer: ServerModule = {
  id: 'progress',
  prefix: '/progress',
  routes: progressRoutes,
};
