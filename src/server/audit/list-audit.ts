import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { exchangedEntities, type AuditAction, type AuditEntity } from '../../shared/audit-actions.ts';
import { auditChain, auditLog } from '../db/schema.ts';
import { regionDayStart } from '../platform/clock.ts';
import type { Context, Viewer } from '../platform/context.ts';
import { AppError, forbidden } from '../platform/errors.ts';
import { sealAuditTrail } from './seal.ts';
import { auditPolicy } from './policy.ts';
import { presentAuditEntries } from './present-audit.ts';

export type AuditQuery = {
  before?: number;
  limit: number;
  action?: AuditAction;
  entityType?: AuditEntity;
  entityId?: string;
  reference?: string;
  actor?: string;
  unitId?: string;
  from?: string;
  to?: string;
};

/**
 * The platform administrator keeps accounts, and is no party to the exchanges: of what units
 * exchanged, who did what and when stays visible, what they wrote does not — only the entry's
 * outline (references, ids, kinds, dates, which fields changed) is shown.
 */
const outlineKeys = new Set([
  'reference', 'fields', 'recipientUnitId', 'toUnitId', 'unitIds', 'ownerUnitId', 'classification', 'newClassification', 'kind', 'outcome', 'means',
  'informedAt', 'routedAt', 'scheduledAt', 'dueOn', 'notificationId', 'triggerNotificationId', 'meetingId', 'followUpId', 'consultationId', 'attachmentId', 'sha256', 'size',
]);
const outline = (data: Record<string, unknown>) => Object.fromEntries(Object.entries(data).filter(([key]) => outlineKeys.has(key)));

/** Audit entries, newest first: platform administrators read all of it, unit administrators their unit's part. */
export async function listAuditEntries(ctx: Context, options: { viewer: Viewer; query: AuditQuery }) {
  const { viewer, query } = options;
  let scope: SQL | undefined;
  if (!auditPolicy.readAll(viewer)) {
    if (!auditPolicy.readOwnUnit(viewer)) throw forbidden('may not read the audit trail');
    scope = eq(auditLog.unitId, viewer.unitId!);
  }
  if (query.from && query.to && query.to < query.from) throw new AppError('validation.failed', { fields: [{ field: 'to', code: 'before_start' }] });
  // What has committed is shown chained.
  await sealAuditTrail(ctx.db);
  const rows = await ctx.db
    .select({ entry: auditLog, hash: auditChain.hash })
    .from(auditLog)
    .leftJoin(auditChain, eq(auditChain.entryId, auditLog.id))
    .where(
      and(
        scope,
        query.before ? lt(auditLog.id, query.before) : undefined,
        query.action ? eq(auditLog.action, query.action) : undefined,
        query.entityType ? eq(auditLog.entityType, query.entityType) : undefined,
        query.entityId ? eq(auditLog.entityId, query.entityId) : undefined,
        // The whole history of the record with that number, from its draft on (numbered only when sent).
        query.reference
          ? sql`(${auditLog.entityType}, ${auditLog.entityId}) in (select entity_type, entity_id from audit_log where data ->> 'reference' = ${query.reference})`
          : undefined,
        query.actor ? eq(auditLog.actor, query.actor) : undefined,
        query.unitId ? eq(auditLog.unitId, query.unitId) : undefined,
        query.from ? gte(auditLog.at, regionDayStart(query.from)) : undefined,
        query.to ? lt(auditLog.at, regionDayStart(query.to, 1)) : undefined,
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(query.limit);
  const redact = (r: (typeof rows)[number]['entry']) => (auditPolicy.outlineOfExchanges(viewer) && (exchangedEntities as readonly string[]).includes(r.entityType) ? outline(r.data) : r.data);
  const entries = rows.map(({ entry, hash }) => ({ ...entry, data: redact(entry), at: entry.at.toISOString(), hash }));
  return presentAuditEntries(ctx.db, viewer, entries);
}
