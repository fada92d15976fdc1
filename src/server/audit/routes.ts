import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditActions, auditEntities } from '../../shared/audit-actions.ts';
import type { Context } from '../platform/context.ts';
import { AppError, forbidden } from '../platform/errors.ts';
import { requireViewer } from '../platform/http.ts';
import { errorResponses } from '../platform/openapi.ts';
import { day } from '../platform/schemas.ts';
import { listAuditEntries } from './list-audit.ts';
import { verifyAuditTrail } from './verify-audit.ts';
import { auditPolicy } from './policy.ts';
import { localizedTextSchema } from '../accounts/schemas.ts';

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
  actorName: z.string().nullable().describe("The acting user's display name (actor is their user name); null for the system"),
  unitName: localizedTextSchema.nullable().describe('The name of the unit the entry belongs to'),
  names: z
    .record(z.string(), z.object({ kind: z.enum(['user', 'unit', 'notification', 'verification_request', 'meeting', 'commitment', 'progress_report']), label: localizedTextSchema }))
    .describe("What the ids in entityId and data name, for people: users' and units' names, records' references and (to those who may read them) titles"),
});

const auditQuery = z.object({
  before: z.coerce.number().int().positive().optional().describe('Only entries older than this entry id (the next page)'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  action: z.enum(auditActions).optional().describe('Only this action'),
  entityType: z.enum(auditEntities).optional().describe('Only entries about this kind of record'),
  entityId: z.string().trim().min(1).max(200).optional().describe('Only entries about this record (with entityType)'),
  reference: z.string().trim().min(1).max(100).optional().describe('Only entries about the record with this reference number (e.g. HK-FS-2026-0042), from its draft on'),
  actor: z.string().trim().min(1).max(100).optional().describe('Only what this user name (or "system") did'),
  unitId: z.uuid().optional().describe('Only entries of this liaison unit (a unit administrator sees only their own)'),
  from: day.optional().describe("On or after this day of the region's calendar (UTC+8)"),
  to: day.optional().describe("On or before this day of the region's calendar (UTC+8)"),
});

const verification = z.object({
  ok: z.boolean().describe('Whether every link of the chain recomputes, every entry is authenticated by the audit key and the chain matches every checkpoint'),
  entries: z.number().describe('Entries verified in the chain (up to the first bad one)'),
  unsealed: z.number().optional().describe('Entries not chained yet (their transactions were still running)'),
  checkpoint: z.object({ position: z.number(), at: z.string() }).optional().describe('The last checkpoint kept outside the database'),
  beyondCheckpoint: z.number().optional().describe('Links after the last checkpoint, not yet anchored outside the database'),
  firstBadId: z.number().optional().describe('The first entry that does not verify'),
  reason: z.enum(['hash_mismatch', 'broken_link', 'left_out', 'forged', 'rewritten', 'truncated', 'bad_checkpoint']).optional(),
  detail: z.string().optional(),
});

/** The audit trail: platform administrators read all of it, unit administrators their unit's part. */
export const auditRoutes =
  (ctx: Context): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/audit',
      {
        schema: {
          tags: ['audit'],
          summary: 'Audit trail entries, newest first, with filters',
          querystring: auditQuery,
          response: { 200: z.array(auditEntry), ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => listAuditEntries(ctx, { viewer: requireViewer(request), query: request.query }),
    );

    app.get(
      '/audit/verification',
      {
        schema: {
          tags: ['audit'],
          summary: 'Recomputes the whole hash chain (platform administrator)',
          response: { 200: verification, ...errorResponses(401, 403) },
        },
      },
      async (request) => {
        const viewer = requireViewer(request);
        if (!auditPolicy.verify(viewer)) throw forbidden('may not verify the audit trail');
        if (!ctx.audit) throw new AppError('internal', { reason: 'no audit key configured' });
        return verifyAuditTrail(ctx.db, { keys: ctx.audit.keys, checkpoints: ctx.audit.checkpoints.read() ?? [] });
      },
    );
  };
