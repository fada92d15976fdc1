import type { ServerModule } from '../platform/server-module.ts';
import { directoryRoutes } from './routes.ts';

/** The directory module as the application registers it (src/server/modules.ts). */
export const directoryServer: ServerModule = {
  id: 'directory',
  routes: directoryRoutes,
};
