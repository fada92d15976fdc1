import type { ServerModule } from '../platform/server-module.ts';
import { exchangeRoutes } from './routes.ts';
import { receiveCheckpoint } from './witness.ts';

/** The exchange between nodes as the application registers it (src/server/modules.ts). */
export const exchangeServer: ServerModule = {
  id: 'exchange',
  routes: exchangeRoutes,
  exchange: { handlers: { 'audit.checkpoint': receiveCheckpoint } },
};
