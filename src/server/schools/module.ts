import { schoolsModule } from '../../shared/modules/schools.ts';
import { schoolRoutes } from './routes.ts';

/** The sister-schools module's server side, for the module registry (src/server/modules.ts). */
export const schoolsServerModule = { ...schoolsModule, routes: schoolRoutes, prefix: '' } as const;
