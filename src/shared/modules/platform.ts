import { defineModule } from './manifest.ts';

/** The audit trail, read on the administration pages. */
export const auditModule = defineModule({ id: 'audit', auditActions: [], auditEntities: [], searchKinds: [], locales: [] });

/** The search used by every module. */
export const searchModule = defineModule({
  id: 'search',
  nav: { path: '/search', labelKey: 'nav.search', group: 'platform', built: true, audience: 'everyone' },
  auditActions: [],
  auditEntities: [],
  searchKinds: [],
  locales: [],
});

/** The e-mail outbox. */
export const mailModule = defineModule({ id: 'mail', auditActions: [], auditEntities: [], searchKinds: [], locales: [] });

/** Users, units and the audit trail, for unit and platform administrators. */
export const adminModule = defineModule({
  id: 'admin',
  nav: { path: '/admin', labelKey: 'nav.admin', group: 'platform', built: true, audience: 'administrators' },
  auditActions: [],
  auditEntities: [],
  searchKinds: [],
  locales: [],
});
