import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Context } from '../platform/context.ts';
import { requireViewer } from '../platform/http.ts';
import { idempotent } from '../platform/idempotency.ts';
import { errorResponses } from '../platform/openapi.ts';
import { readUploadedFile, registerUploads, sendFile, sha256Of } from '../platform/uploaded-files.ts';
import { addAttachment, removeAttachment, getAttachment } from './attachments.ts';
import { acknowledgeCustomsRouting, routeToCustoms } from './customs-routing.ts';
import { recordDissemination } from './disseminations.ts';
import { createDistributionList, listDistributionLists } from './distribution-lists.ts';
import { recordExpertAdvice, requestExpertAdvice } from './expert-consultations.ts';
import { draftNotification, editNotification } from './drafts.ts';
import { addFollowUp } from './follow-ups.ts';
import { getNotification, listNotifications, notificationSummary } from './inbox.ts';
import { createdSchema, notificationDetailSchema, notificationListSchema, summarySchema } from './responses.ts';
import {
  commentBody,
  createNotificationBody,
  customsRoutingBody,
  disseminationBody,
  distributionListBody,
  expertAdviceBody,
  expertConsultationBody,
  followUpBody,
  idParams,
  listQuery,
  reasonBody,
  subParams,
  updateNotificationBody,
} from './schemas.ts';
import { acknowledgeNotification, approveNotification, closeNotification, returnNotification, submitNotification, withdrawNotification } from './workflow.ts';

const idempotencyHeader = z.object({ 'idempotency-key': z.string().optional().describe('A retried POST with the same key returns the first answer and does nothing twice') });

/** Food-safety notifications (M7–M10, M14): drafting, four-eyes sending, acknowledgement, follow-ups and what surrounds them. */
export const notificationRoutes =
  (ctx: Context): FastifyPluginAsyncZod =>
  async (app) => {
    await registerUploads(app);
    const tags = ['notifications'];
    const detail = (c: Context, viewer: ReturnType<typeof requireViewer>, id: string) => getNotification(c, { viewer, id });

    app.get('/notifications', { schema: { tags, summary: "My unit's inbox, sent box or drafts, with filters and search", querystring: listQuery, response: { 200: notificationListSchema, ...errorResponses(400, 401) } } }, async (request) =>
      listNotifications(ctx, { viewer: requireViewer(request), query: request.query }),
    );

    app.get('/notifications/summary', { schema: { tags, summary: 'What needs my unit: unread, overdue, awaiting approval, open requests', response: { 200: summarySchema, ...errorResponses(401) } } }, async (request) =>
      notificationSummary(ctx, { viewer: requireViewer(request) }),
    );

    app.post(
      '/notifications',
      { schema: { tags, summary: 'Draft a notification to a partner unit', headers: idempotencyHeader, body: createNotificationBody, response: { 201: notificationDetailSchema, ...errorResponses(400, 401, 403, 409) } } },
      async (request, reply) =>
        idempotent(ctx, request, reply, async (c) => {
          const viewer = requireViewer(request);
          const id = await draftNotification(c, { viewer, input: request.body });
          return { status: 201, body: await detail(c, viewer, id) };
        }),
    );

    app.get('/notifications/:id', { schema: { tags, summary: 'A notification with its timeline, follow-ups and records', params: idParams, response: { 200: notificationDetailSchema, ...errorResponses(400, 401, 404) } } }, async (request) =>
      detail(ctx, requireViewer(request), request.params.id),
    );

    app.patch(
      '/notifications/:id',
      { schema: { tags, summary: 'Change a draft', params: idParams, body: updateNotificationBody, response: { 200: notificationDetailSchema, ...errorResponses(400, 401, 403, 404) } } },
      async (request) => {
        const viewer = requireViewer(request);
        await editNotification(ctx, { viewer, id: request.params.id, change: request.body });
        return detail(ctx, viewer, request.params.id);
      },
    );

    const step = <B extends z.ZodTypeAny | undefined>(
      path: string,
      summary: string,
      body: B,
      run: (c: Context, viewer: ReturnType<typeof requireViewer>, id: string, body: B extends z.ZodTypeAny ? z.infer<B> : undefined) => Promise<unknown>,
      status = 200,
    ) =>
      app.post(
        `/notifications/:id/${path}`,
        { schema: { tags, summary, params: idParams, headers: idempotencyHeader, ...(body ? { body } : {}), response: { [status]: notificationDetailSchema, ...errorResponses(400, 401, 403, 404, 409) } } },
        async (request, reply) =>
          idempotent(ctx, request, reply, async (c) => {
            const viewer = requireViewer(request);
            await run(c, viewer, (request.params as { id: string }).id, request.body as never);
            return { status, body: await detail(c, viewer, (request.params as { id: string }).id) };
          }),
      );

    step('submit', 'Submit a draft for approval (checks the contents clause 1 requires)', undefined, (c, viewer, id) => submitNotification(c, { viewer, id }));
    step('approve', 'Approve and send (an approver of the unit who is not the author); gives the reference number', undefined, (c, viewer, id) => approveNotification(c, { viewer, id }));
    step('return', 'Return a submitted draft to its author with comments', commentBody, (c, viewer, id, body) => returnNotification(c, { viewer, id, comment: body.comment }));
    step('acknowledge', 'Acknowledge a notification received by my unit', undefined, (c, viewer, id) => acknowledgeNotification(c, { viewer, id }));
    step('withdraw', 'Withdraw, with a reason, at any point before closing', reasonBody, (c, viewer, id, body) => withdrawNotification(c, { viewer, id, reason: body.reason }));
    step('close', 'Close a notification', z.object({ comment: z.string().trim().max(5000).nullish() }).strict(), (c, viewer, id, body) => closeNotification(c, { viewer, id, comment: body?.comment }));
    step('follow-ups', 'Add a follow-up: more information, measures taken, a request for information, or a reclassification', followUpBody, (c, viewer, id, body) => addFollowUp(c, { viewer, id, input: body }), 201);
    step('disseminations', 'Record a department of my government informed of a notification received (clause 1)', disseminationBody, (c, viewer, id, body) => recordDissemination(c, { viewer, id, input: body }), 201);
    step(
      'customs-routing',
      'Route a customs-channel notification (clause 1 ¶4): to a customs unit in Liaison, which then reads it, follows it up and acknowledges its routing, or to a department outside Liaison, named. Every routing is kept.',
      customsRoutingBody,
      (c, viewer, id, body) => routeToCustoms(c, { viewer, id, input: body }),
      201,
    );

    app.post(
      '/notifications/:id/customs-routing/:subId/acknowledge',
      { schema: { tags, summary: 'Acknowledge a routing to my customs unit', params: subParams, response: { 200: notificationDetailSchema, ...errorResponses(400, 401, 403, 404, 409) } } },
      async (request) => {
        const viewer = requireViewer(request);
        await acknowledgeCustomsRouting(ctx, { viewer, id: request.params.id, routingId: request.params.subId });
        return detail(ctx, viewer, request.params.id);
      },
    );
    step('expert-consultations', 'Refer a technical question to experts (clause 7)', expertConsultationBody, (c, viewer, id, body) => requestExpertAdvice(c, { viewer, id, input: body }), 201);

    app.post(
      '/notifications/:id/expert-consultations/:subId/advice',
      { schema: { tags, summary: "Record the experts' advice", params: subParams, body: expertAdviceBody, response: { 200: notificationDetailSchema, ...errorResponses(400, 401, 403, 404, 409) } } },
      async (request) => {
        const viewer = requireViewer(request);
        await recordExpertAdvice(ctx, { viewer, id: request.params.id, consultationId: request.params.subId, advice: request.body.advice });
        return detail(ctx, viewer, request.params.id);
      },
    );

    app.post(
      '/notifications/:id/attachments',
      { schema: { tags, summary: 'Attach a lab report or photo (multipart field "file"; PDF, PNG, JPEG, CSV, text, XLSX, DOCX; at most 10 MB)', params: idParams, headers: idempotencyHeader, consumes: ['multipart/form-data'], response: { 201: createdSchema, ...errorResponses(400, 401, 403, 404, 409, 413) } } },
      async (request, reply) => {
        requireViewer(request);
        const upload = await readUploadedFile(request);
        return idempotent(
          ctx,
          request,
          reply,
          async (c) => ({ status: 201, body: { id: await addAttachment(c, { viewer: requireViewer(request), id: request.params.id, ...upload }) } }),
          { filename: upload.filename, contentType: upload.contentType, sha256: sha256Of(upload.content) },
        );
      },
    );

    app.get(
      '/notifications/:id/attachments/:subId',
      { schema: { tags, summary: 'Download an attachment', params: subParams, produces: ['application/octet-stream'], response: { 200: z.any(), ...errorResponses(400, 401, 404) } } },
      async (request, reply) => {
        const file = await getAttachment(ctx, { viewer: requireViewer(request), id: request.params.id, attachmentId: request.params.subId });
        return sendFile(reply, file);
      },
    );

    app.delete(
      '/notifications/:id/attachments/:subId',
      { schema: { tags, summary: 'Remove an attachment from a draft (before it is submitted)', params: subParams, response: { 204: z.null(), ...errorResponses(400, 401, 403, 404, 409) } } },
      async (request, reply) => {
        await removeAttachment(ctx, { viewer: requireViewer(request), id: request.params.id, attachmentId: request.params.subId });
        return reply.status(204).send(null);
      },
    );

    app.get('/distribution-lists', { schema: { tags, summary: "My unit's distribution lists of departments", response: { 200: z.array(z.object({ id: z.uuid(), name: z.string(), departments: z.array(z.string()) })), ...errorResponses(401) } } }, async (request) =>
      listDistributionLists(ctx, { viewer: requireViewer(request) }),
    );

    app.post('/distribution-lists', { schema: { tags, summary: 'Keep a distribution list of departments to inform', body: distributionListBody, response: { 201: createdSchema, ...errorResponses(400, 401, 403) } } }, async (request, reply) =>
      reply.status(201).send({ id: await createDistributionList(ctx, { viewer: requireViewer(request), input: request.body }) }),
    );
  };
