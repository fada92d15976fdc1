import { defineModule } from './manifest.ts';

/** The agreements registry: the texts as signed, their clauses, parties and designated units. */
export const agreementsModule = defineModule({
  id: 'agreements',
  nav: { path: '/agreements', labelKey: 'nav.agreements', group: 'platform', built: true, audience: 'everyone' },
  auditActions: [],
  auditEntities: [],
  searchKinds: ['agreement', 'clause'],
  locales: [],
});
