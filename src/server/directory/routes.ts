import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Context } from '../platform/context.ts';
import { requireViewer } from '../platform/http.ts';
import { errorResponses } from '../platform/openapi.ts';
import { idParams } from '../accounts/schemas.ts';
import { createUnit, getDirectory, getUnit, listParties, listUnits, updateUnit } from './directory.ts';
import { assignPost, endPost, listPosts } from './liaison-posts.ts';
import { assignPostBody, postParams, postSchema, createUnitBody, directorySchema, listUnitsQuery, partySchema, unitDetailSchema, unitSchema, updateUnitBody } from './schemas.ts';

/** Parties, liaison units and officers. Everything here needs a signed-in user. */
export const directoryRoutes =
  (ctx: Context): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/parties',
      { schema: { tags: ['directory'], summary: 'The parties to the agreements (public)', response: { 200: z.array(partySchema) } } },
      async () => listParties(ctx),
    );

    app.get(
      '/units',
      {
        schema: {
          tags: ['directory'],
          summary: 'Liaison units, optionally of one party',
          querystring: listUnitsQuery,
          response: { 200: z.array(unitSchema), ...errorResponses(400, 401) },
        },
      },
      async (request) => {
        requireViewer(request);
        return listUnits(ctx, request.query);
      },
    );

    app.get(
      '/units/:id',
      {
        schema: {
          tags: ['directory'],
          summary: 'A liaison unit with its agreements, partners and officers',
          params: idParams,
          response: { 200: unitDetailSchema, ...errorResponses(400, 401, 404) },
        },
      },
      async (request) => {
        requireViewer(request);
        return getUnit(ctx, { id: request.params.id });
      },
    );

    app.post(
      '/units',
      {
        schema: {
          tags: ['directory'],
          summary: 'Create a liaison unit (platform administrators)',
          body: createUnitBody,
          response: { 201: unitSchema, ...errorResponses(400, 401, 403, 409) },
        },
      },
      async (request, reply) => reply.status(201).send(await createUnit(ctx, { viewer: requireViewer(request), input: request.body })),
    );

    app.patch(
      '/units/:id',
      {
        schema: {
          tags: ['directory'],
          summary: "Change a unit (platform administrators; a unit's administrator may change its contact details)",
          params: idParams,
          body: updateUnitBody,
          response: { 200: unitSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => updateUnit(ctx, { viewer: requireViewer(request), id: request.params.id, change: request.body }),
    );

    app.get(
      '/units/:id/posts',
      {
        schema: {
          tags: ['directory'],
          summary: "A unit's liaison posts: who holds them now, and with history=true who held them when",
          params: idParams,
          querystring: z.object({ history: z.enum(['true', 'false']).default('false') }),
          response: { 200: z.array(postSchema), ...errorResponses(400, 401) },
        },
      },
      async (request) => {
        requireViewer(request);
        return listPosts(ctx.db, { unitId: request.params.id, history: request.query.history === 'true' });
      },
    );

    app.post(
      '/units/:id/posts',
      {
        schema: {
          tags: ['directory'],
          summary: "Put an officer of the unit into a post; the liaison officer's and duty officer's posts are handed over",
          params: idParams,
          body: assignPostBody,
          response: { 201: z.object({ id: z.uuid() }), ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        const id = await assignPost(ctx, { viewer: requireViewer(request), unitId: request.params.id, ...request.body });
        return reply.status(201).send({ id });
      },
    );

    app.post(
      '/units/:id/posts/:postId/end',
      {
        schema: {
          tags: ['directory'],
          summary: 'End a holding of a post (it stays in the history)',
          params: postParams,
          response: { 204: z.null(), ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        await endPost(ctx, { viewer: requireViewer(request), unitId: request.params.id, postId: request.params.postId });
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/directory',
      { schema: { tags: ['directory'], summary: 'Parties, units and officers in one answer', response: { 200: directorySchema, ...errorResponses(401) } } },
      async (request) => {
        requireViewer(request);
        return getDirectory(ctx);
      },
    );
  };
