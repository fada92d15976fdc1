import { defineModule } from './manifest.ts';

/** Meetings of any agreement (M13): agenda, participants, minutes, decisions, action items. */
export const meetingsModule = defineModule({
  id: 'meetings',
  nav: { path: '/meetings', labelKey: 'nav.modules.meetings', group: 'work', built: true, audience: 'unit' },
  auditActions: ['meeting.convened', 'meeting.updated', 'action_item.added', 'action_item.done'],
  auditEntities: ['meeting', 'action_item'],
  searchKinds: ['meeting'],
  locales: ['ui-meetings'],
});
