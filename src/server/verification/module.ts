import type { ServerModule } from '../platform/server-module.ts';
import { verificationRoutes } from './routes.ts';

/** The verification module as the application registers it (src/server/modules.ts). */
export const verificationServer: ServerModule = {
  id: 'verification',
  routes: verificationRoutes,
};
