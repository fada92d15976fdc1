import { defineModule } from './manifest.ts';

/** Users, log-in, sessions, API tokens; the account page. */
export const accountsModule = defineModule({
  id: 'accounts',
  nav: { path: '/account', labelKey: 'nav.account', group: 'platform', built: true, audience: 'signed-in' },
  auditActions: [
    'user.created',
    'user.updated',
    'user.updated_self',
    'user.password_changed',
    'user.logged_in',
    'user.duties_separated',
    'api_token.created',
    'api_token.revoked',
  ],
  auditEntities: ['user', 'api_token'],
  searchKinds: [],
  locales: [],
});
