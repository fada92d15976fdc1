import type { WebModule } from './lib/webModule.ts';
import { accountsWeb } from './pages/account/module.tsx';
import { adminWeb } from './pages/admin/module.tsx';
import { agreementsWeb } from './pages/agreements/module.tsx';
import { directoryWeb } from './pages/directory/module.tsx';
import { meetingsWeb } from './pages/meetings/module.tsx';
import { notBuiltWeb } from './pages/not-built/module.tsx';
import { notificationsWeb } from './pages/notifications/module.tsx';
import { progressWeb } from './pages/progress/module.tsx';
import { schoolsWeb } from './pages/schools/module.tsx';
import { ipWeb } from './pages/ip/module.tsx';
import { sarPlansWeb } from './pages/sar-plans/module.tsx';
import { searchWeb } from './pages/search/module.tsx';
import { verificationWeb } from './pages/verification/module.tsx';

/**
 * Every module's screens, one line each; App.tsx mounts their routes. Their navigation entries
 * come from the modules' manifests (src/shared/modules.ts), which Navigation.tsx reads.
 */
export const webModules: readonly WebModule[] = [
  agreementsWeb,
  searchWeb,
  directoryWeb,
  accountsWeb,
  notificationsWeb,
  schoolsWeb,
  ipWeb,
  sarPlansWeb,
  notBuiltWeb,
  verificationWeb,
  meetingsWeb,
  progressWeb,
  adminWeb,
];
