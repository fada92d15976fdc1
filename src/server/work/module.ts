import type { ServerModule } from '../platform/server-module.ts';
import { workRoutes } from './routes.ts';

/** What needs the user across every module (the home's counts, the administrator's health). */
export const workServer: ServerModule = {
  id: 'work',
  routes: workRoutes,
};
