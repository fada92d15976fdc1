import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Context } from '../platform/context.ts';
import { requireViewer } from '../platform/http.ts';
import { idempotent } from '../platform/idempotency.ts';
import { errorResponses } from '../platform/openapi.ts';
import { addActionItem, completeActionItem, conveneMeeting, getMeeting, listMeetings, updateMeeting } from './meetings.ts';
import { actionItemBody, createMeetingBody, idParams, itemParams, meetingSchema, meetingsQuery, updateMeetingBody } from './schemas.ts';

/** Meetings of any agreement (M13): agenda, participants of both sides, minutes, decisions, action items. */
export const meetingRoutes =
  (ctx: Context): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['meetings'];
    app.get('/meetings', { schema: { tags, summary: 'Meetings my unit takes part in', querystring: meetingsQuery, response: { 200: z.array(meetingSchema), ...errorResponses(400, 401) } } }, async (request) =>
      listMeetings(ctx, { viewer: requireViewer(request), ...request.query }),
    );
    app.post(
      '/meetings',
      { schema: { tags, summary: 'Convene a meeting (from a notification: the urgent high-level meeting of clause 6)', headers: z.object({ 'idempotency-key': z.string().optional() }), body: createMeetingBody, response: { 201: meetingSchema, ...errorResponses(400, 401, 403) } } },
      async (request, reply) =>
        idempotent(ctx, request, reply, async (c) => {
          const viewer = requireViewer(request);
          const id = await conveneMeeting(c, { viewer, input: request.body });
          return { status: 201, body: await getMeeting(c, { viewer, id }) };
        }),
    );
    app.get('/meetings/:id', { schema: { tags, summary: 'A meeting with its record and action items', params: idParams, response: { 200: meetingSchema, ...errorResponses(400, 401, 404) } } }, async (request) =>
      getMeeting(ctx, { viewer: requireViewer(request), id: request.params.id }),
    );
    app.patch('/meetings/:id', { schema: { tags, summary: 'Keep the record: agenda, participants, minutes, decisions', params: idParams, body: updateMeetingBody, response: { 200: meetingSchema, ...errorResponses(400, 401, 403, 404) } } }, async (request) => {
      const viewer = requireViewer(request);
      await updateMeeting(ctx, { viewer, id: request.params.id, change: request.body });
      return getMeeting(ctx, { viewer, id: request.params.id });
    });
    app.post('/meetings/:id/action-items', { schema: { tags, summary: 'Add an action item with its owner and due date', params: idParams, body: actionItemBody, response: { 201: meetingSchema, ...errorResponses(400, 401, 403, 404) } } }, async (request, reply) => {
      const viewer = requireViewer(request);
      await addActionItem(ctx, { viewer, id: request.params.id, input: request.body });
      return reply.status(201).send(await getMeeting(ctx, { viewer, id: request.params.id }));
    });
    app.post('/meetings/:id/action-items/:itemId/done', { schema: { tags, summary: 'Mark an action item of my unit done', params: itemParams, response: { 200: meetingSchema, ...errorResponses(400, 401, 403, 404) } } }, async (request) => {
      const viewer = requireViewer(request);
      await completeActionItem(ctx, { viewer, id: request.params.id, itemId: request.params.itemId });
      return getMeeting(ctx, { viewer, id: request.params.id });
    });
  };
