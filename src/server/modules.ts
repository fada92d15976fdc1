import type { ServerModule } from './platform/server-module.ts';
import { accountsServer } from './accounts/module.ts';
import { directoryServer } from './directory/module.ts';
import { agreementsServer } from './agreements/module.ts';
import { searchServer } from './search/module.ts';
import { auditServer } from './audit/module.ts';
import { progressServer } from './progress/module.ts';
import { notificationsServer } from './notifications/module.ts';
import { verificationServer } from './verification/module.ts';
import { meetingsServer } from './meetings/module.ts';
import { schoolsServer } from './schools/module.ts';
import { ipServer } from './ip/module.ts';
import { sarPlansServer } from './sar-plans/module.ts';
import { workServer } from './work/module.ts';
import { exchangeServer } from './exchange/module.ts';

/** Every module with routes, one line each; app.ts mounts them in this order under /api/v1. */
export const serverModules: readonly ServerModule[] = [
  accountsServer,
  directoryServer,
  agreementsServer,
  searchServer,
  auditServer,
  progressServer,
  notificationsServer,
  verificationServer,
  meetingsServer,
  schoolsServer,
  ipServer,
  sarPlansServer,
  workServer,
  exchangeServer,
];

/** What each module exchanges with other nodes (its message kinds and subjects), for the exchange's runtime. */
export const exchangeSpecs = serverModules.map((m) => m.exchange);
