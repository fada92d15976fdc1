import { notYetBuilt } from './modules/manifest.ts';
import { accountsModule } from './modules/accounts.ts';
import { agreementsModule } from './modules/agreements.ts';
import { directoryModule } from './modules/directory.ts';
import { exchangeModule } from './modules/exchange.ts';
import { meetingsModule } from './modules/meetings.ts';
import { notificationsModule } from './modules/notifications.ts';
import { adminModule, auditModule, mailModule, searchModule } from './modules/platform.ts';
import { progressModule, reportsModule } from './modules/progress.ts';
import { referenceModule } from './modules/reference.ts';
import { sarPlansModule } from './modules/sar-plans.ts';
import { schoolsModule } from './modules/schools.ts';
import { ipModule } from './modules/ip.ts';
import { verificationModule } from './modules/verification.ts';

import type { ModuleManifest } from './modules/manifest.ts';

export type { ModuleManifest };

/**
 * Every module, one line each. Adding a module: its manifest in src/shared/modules/<id>.ts and
 * one line here (then one line in src/server/modules.ts and src/web/modules.tsx). The order is
 * the order of the navigation within each group.
 */
export const modules = [
  accountsModule,
  directoryModule,
  referenceModule,
  agreementsModule,
  notificationsModule,
  schoolsModule,
  ipModule,
  sarPlansModule,
  notYetBuilt('cross-border-ecommerce', 'nav.modules.ecommerce'),
  verificationModule,
  meetingsModule,
  progressModule,
  reportsModule,
  auditModule,
  searchModule,
  mailModule,
  exchangeModule,
  adminModule,
] as const;

type Modules = typeof modules;
export type AuditAction = Modules[number]['auditActions'][number];
export type AuditEntity = Modules[number]['auditEntities'][number];
export type SearchKind = Modules[number]['searchKinds'][number];

/** A list of literals as zod's z.enum takes it (at least one). */
const literals = <T extends string>(values: T[]) => values as unknown as readonly [T, ...T[]];

export const moduleAuditActions = literals(modules.flatMap((m) => m.auditActions as readonly AuditAction[]));
export const moduleAuditEntities = literals(modules.flatMap((m) => m.auditEntities as readonly AuditEntity[]));
export const moduleSearchKinds = literals(modules.flatMap((m) => m.searchKinds as readonly SearchKind[]));
/** Every locale file of the web app's `ui` namespace: ui.json and each module's. */
export const uiLocaleFiles = ['ui', ...modules.flatMap((m) => m.locales as readonly string[])];

/** The same list, for reading every module alike (navigation, pages of agreements not built yet). */
export const manifests: readonly ModuleManifest[] = modules;
