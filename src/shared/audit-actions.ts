import { moduleAuditActions, moduleAuditEntities, type AuditEntity } from './modules.ts';
import { sarExchangedEntities } from './modules/sar-plans.ts';
import { schoolExchangedEntities } from './modules/schools.ts';
import { ipExchangedEntities } from './modules/ip.ts';

/**
 * What the audit trail records: every action, on every kind of record. The server records only
 * these (recordAudit takes an AuditAction), the audit API filters by them, and the web names
 * each (admin.auditActions.<action> and admin.auditEntities.<entity>, checked for every locale
 * by locales.test.ts) — so a new action without a name in all three languages fails a test.
 */

// Each module names its own actions and kinds of record in its manifest (src/shared/modules/).
export { notificationSteps, type NotificationStep } from './modules/notifications.ts';
export type { AuditAction, AuditEntity } from './modules.ts';

export const auditActions = moduleAuditActions;

/** The kinds of record an audit entry is about. */
export const auditEntities = moduleAuditEntities;

/**
 * What units exchanged with each other: the platform administrator, who keeps accounts and is
 * no party to the exchanges, sees of these only an outline (audit/list-audit.ts) and no link.
 */
export const exchangedEntities: readonly AuditEntity[] = ['notification', 'verification_request', 'meeting', 'action_item', ...schoolExchangedEntities, ...ipExchangedEntities, ...sarExchangedEntities];
