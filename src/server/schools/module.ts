import type { ServerModule } from '../platform/server-module.ts';
import { schoolRoutes } from './routes.ts';
import { searchAudiencesOf } from './search-index.ts';
import { schoolsExchange } from './exchange.ts';

/** The sister-schools module as the application registers it (src/server/modules.ts). */
export const schoolsServer: ServerModule = {
  id: 'schools',
  routes: schoolRoutes,
  searchAudiences: searchAudiencesOf,
  exchange: schoolsExchange,
};
