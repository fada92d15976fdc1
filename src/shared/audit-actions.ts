import { schoolAuditActions, schoolAuditEntities, schoolExchangedEntities } from './modules/schools.ts';

/**
 * What the audit trail records: every action, on every kind of record. The server records only
 * these (recordAudit takes an AuditAction), the audit API filters by them, and the web names
 * each (admin.auditActions.<action> and admin.auditEntities.<entity>, checked for every locale
 * by locales.test.ts) — so a new action without a name in all three languages fails a test.
 */

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
  'expert_consultation',
  'expert_advice',
  'withdrawn',
  'closed',
] as const;
export type NotificationStep = (typeof notificationSteps)[number];

/** Both kinds of verification request share their steps (clause 4 and clause 5). */
const verificationKinds = ['pre_publication', 'media_report'] as const;
const verificationSteps = ['asked', 'answered', 'linked'] as const;

export const auditActions = [
  'user.created',
  'user.updated',
  'user.updated_self',
  'user.password_changed',
  'user.logged_in',
  'user.duties_separated',
  'api_token.created',
  'api_token.revoked',
  'unit.created',
  'unit.updated',
  'liaison_post.assigned',
  'liaison_post.ended',
  'reference.loaded',
  'reference.updated',
  ...notificationSteps.map((step) => `notification.${step}` as const),
  'distribution_list.created',
  ...verificationKinds.flatMap((kind) => verificationSteps.map((step) => `${kind}.${step}` as const)),
  'meeting.convened',
  'meeting.updated',
  'action_item.added',
  'action_item.done',
  'progress.loaded',
  'commitment.created',
  'commitment.updated',
  'indicator.created',
  'measurement.recorded',
  'measurement.corrected',
  'progress_report.drafted',
  'progress_report.edited',
  'progress_report.issued',
  ...schoolAuditActions,
] as const;
export type AuditAction = (typeof auditActions)[number];

/** The kinds of record an audit entry is about. */
export const auditEntities = [
  'user',
  'api_token',
  'unit',
  'liaison_post',
  'reference_data',
  'notification',
  'distribution_list',
  'verification_request',
  'meeting',
  'action_item',
  'commitment',
  'indicator',
  'measurement',
  'progress_report',
  ...schoolAuditEntities,
] as const;
export type AuditEntity = (typeof auditEntities)[number];

/**
 * What units exchanged with each other: the platform administrator, who keeps accounts and is
 * no party to the exchanges, sees of these only an outline (audit/list-audit.ts) and no link.
 */
export const exchangedEntities: readonly AuditEntity[] = ['notification', 'verification_request', 'meeting', 'action_item', ...schoolExchangedEntities];
