import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Context } from '../platform/context.ts';
import { hasRole } from '../platform/context.ts';
import { forbidden } from '../platform/errors.ts';
import { requireViewer } from '../platform/http.ts';
import { errorResponses } from '../platform/openapi.ts';
import { auditChain, auditLog } from '../db/schema.ts';
import { sealAuditTrail } from './seal.ts';

const auditEntry = z.object({
  id: z.number(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  unitId: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  hash: z.string().nullable().describe('Its link in the hash chain; null until chained, just after its transaction commits'),
});

/**
 * The platform administrator keeps accounts, and is no party to the exchanges: of what units
 * exchanged, who did what and when stays visible, what they wrote does not — only the entry's
 * outline (references, ids, kinds, dates, which fields changed) is shown.
 */
const exchanged = ['notification', 'verification_request', 'meeting', 'action_item'];
const outlineKeys = new Set([
  'reference', 'fields', 'recipientUnitId', 'toUnitId', 'unitIds', 'ownerUnitId', 'classification', 'newClassification', 'kind', 'outcome', 'means',
  'informedAt', 'routedAt', 'scheduledAt', 'dueOn', 'notificationId', 'triggerNotificationId', 'meetingId', 'followUpId', 'consultationId', 'attachmentId', 'sha256', 'size',
]);
const outline = (data: Record<string, unknown>) => Object.fromEntries(Object.entries(data).filter(([key]) => outlineKeys.has(key)));

/** The audit trail: platform administrators read all of it, unit administrators their unit's part. */
export const auditRoutes =
  (ctx: Context): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/audit',
      {
        schema: {
          tags: ['audit'],
          summary: 'Audit trail entries, newest first',
          querystring: z.object({ before: z.coerce.number().int().positive().optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }),
          response: { 200: z.array(auditEntry), ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => {
        const viewer = requireViewer(request);
        let scope: SQL | undefined;
        if (!viewer.isPlatformAdmin) {
          if (!hasRole(viewer, 'unit_admin') || !viewer.unitId) throw forbidden('may not read the audit trail');
          scope = eq(auditLog.unitId, viewer.unitId);
        }
        // What has committed is shown chained.
        await sealAuditTrail(ctx.db);
        const rows = await ctx.db
          .select({ entry: auditLog, hash: auditChain.hash })
          .from(auditLog)
          .leftJoin(auditChain, eq(auditChain.entryId, auditLog.id))
          .where(and(scope, request.query.before ? lt(auditLog.id, request.query.before) : undefined))
          .orderBy(desc(auditLog.id))
          .limit(request.query.limit);
        const redact = (r: (typeof rows)[number]['entry']) => (viewer.isPlatformAdmin && viewer.unitId === null && exchanged.includes(r.entityType) ? outline(r.data) : r.data);
        return rows.map(({ entry, hash }) => ({ ...entry, data: redact(entry), at: entry.at.toISOString(), hash }));
      },
    );
  };
