import { defineModule } from './manifest.ts';

/** Parties, liaison units, their officers and liaison posts. */
export const directoryModule = defineModule({
  id: 'directory',
  nav: { path: '/directory', labelKey: 'nav.directory', group: 'work', built: true, audience: 'signed-in', order: 1 },
  auditActions: ['unit.created', 'unit.updated', 'liaison_post.assigned', 'liaison_post.ended'],
  auditEntities: ['unit', 'liaison_post'],
  searchKinds: [],
  locales: [],
});
