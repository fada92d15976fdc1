import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Context } from '../platform/context.ts';
import { requireViewer } from '../platform/http.ts';
import { idempotent } from '../platform/idempotency.ts';
import { errorResponses } from '../platform/openapi.ts';
import { answerBody, createMediaReportBody, createPrePublicationBody, idParams, linkBody, listQuery, verificationSchema } from './schemas.ts';
import { answerVerification, askVerification, getVerification, linkNotification, listVerifications } from './verification.ts';

const idempotencyHeader = z.object({ 'idempotency-key': z.string().optional() });

/**
 * Verify before publishing (M11, clause 4) under /verification-requests and media-report
 * checks (M12, clause 5) under /media-reports: the same exchange, asked and answered.
 */
export const verificationRoutes =
  (ctx: Context): FastifyPluginAsyncZod =>
  async (app) => {
    const resources = [
      { path: '/verification-requests', kind: 'pre_publication' as const, body: createPrePublicationBody, tag: 'verification requests', what: 'Ask the other side to verify facts before a media release' },
      { path: '/media-reports', kind: 'media_report' as const, body: createMediaReportBody, tag: 'media reports', what: 'Log an uncertain media report and ask the other side to verify it' },
    ];
    for (const r of resources) {
      const tags = [r.tag];
      app.get(r.path, { schema: { tags, summary: `${r.tag} to or from my unit`, querystring: listQuery, response: { 200: z.array(verificationSchema), ...errorResponses(400, 401) } } }, async (request) =>
        listVerifications(ctx, { viewer: requireViewer(request), kind: r.kind, ...request.query }),
      );
      app.post(r.path, { schema: { tags, summary: r.what, headers: idempotencyHeader, body: r.body, response: { 201: verificationSchema, ...errorResponses(400, 401, 403) } } }, async (request, reply) =>
        idempotent(ctx, request, reply, async (c) => {
          const viewer = requireViewer(request);
          const id = await askVerification(c, { viewer, kind: r.kind, input: request.body });
          return { status: 201, body: await getVerification(c, { viewer, id }) };
        }),
      );
      app.get(`${r.path}/:id`, { schema: { tags, summary: 'One request with its answer and, before publication, whether the release is cleared', params: idParams, response: { 200: verificationSchema, ...errorResponses(400, 401, 404) } } }, async (request) =>
        getVerification(ctx, { viewer: requireViewer(request), id: request.params.id, kind: r.kind }),
      );
      app.post(`${r.path}/:id/answer`, { schema: { tags, summary: 'Answer (the unit asked)', params: idParams, headers: idempotencyHeader, body: answerBody, response: { 200: verificationSchema, ...errorResponses(400, 401, 403, 404, 409) } } }, async (request, reply) =>
        idempotent(ctx, request, reply, async (c) => {
          const viewer = requireViewer(request);
          await answerVerification(c, { viewer, id: request.params.id, kind: r.kind, ...request.body });
          return { status: 200, body: await getVerification(c, { viewer, id: request.params.id }) };
        }),
      );
      app.post(`${r.path}/:id/link`, { schema: { tags, summary: 'Link to the notification that followed', params: idParams, body: linkBody, response: { 200: verificationSchema, ...errorResponses(400, 401, 403, 404) } } }, async (request) => {
        const viewer = requireViewer(request);
        await linkNotification(ctx, { viewer, id: request.params.id, kind: r.kind, notificationId: request.body.notificationId });
        return getVerification(ctx, { viewer, id: request.params.id });
      });
    }
  };
