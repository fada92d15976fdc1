import { defineModule } from './manifest.ts';

/** The steps of a notification's life that change it (its timeline's kinds, but for "received", a reading). */
export const notificationSteps = [
  'drafted',
  'edited',
  'attached',
  'detached',
  'submitted',
  'returned',
  'sent',
  'acknowledged',
  'follow_up',
  'disseminated',
  'routed_to_customs',
  'customs_acknowledged',
  'expert_consultation',
  'expert_advice',
  'withdrawn',
  'closed',
] as const;
export type NotificationStep = (typeof notificationSteps)[number];

/** Food-safety notifications (M7–M10, M14): the exchange of the food-safety agreement. */
export const notificationsModule = defineModule({
  id: 'notifications',
  agreement: 'food-safety',
  nav: { path: '/notifications', labelKey: 'nav.modules.foodSafety', group: 'agreement', built: true, audience: 'unit' },
  auditActions: [...notificationSteps.map((step) => `notification.${step}` as const), 'distribution_list.created'],
  auditEntities: ['notification', 'distribution_list'],
  searchKinds: ['notification', 'follow_up'],
  locales: ['ui-notifications'],
});
