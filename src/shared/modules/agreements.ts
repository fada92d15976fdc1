import { defineModule } from './manifest.ts';

/** The agreements registry: the texts as signed, their clauses, parties and designated units (first of the agreements in the navigation). */
export const agreementsModule = defineModule({
  id: 'agreements',
  nav: { path: '/agreements', labelKey: 'nav.agreements', group: 'agreement', built: true, audience: 'everyone', order: -1 },
  auditActions: ['agreement.amended'],
  auditEntities: ['agreement'],
  searchKinds: ['agreement', 'clause'],
  locales: [],
});
