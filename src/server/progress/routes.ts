import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { regionDay } from '../platform/clock.ts';
import type { Context } from '../platform/context.ts';
import { requireViewer } from '../platform/http.ts';
import { errorResponses } from '../platform/openapi.ts';
import { locales } from '../../shared/i18n.ts';
import { addIndicator, correctMeasurement, createCommitment, recordMeasurement, updateCommitment } from './manage-commitments.ts';
import { getCommitment, listAreas, listCommitments, listPlenaries } from './read-progress.ts';
import {
  areaSchema,
  asOf,
  codeOrIdParams,
  commitmentDetailSchema,
  commitmentSchema,
  correctMeasurementBody,
  createCommitmentBody,
  createIndicatorBody,
  listCommitmentsQuery,
  plenarySchema,
  recordMeasurementBody,
  updateCommitmentBody,
} from './schemas.ts';
import { reportRoutes } from './reports/routes.ts';

/** Commitments, indicators and figures of the Joint Conference (M29, M31). Signed-in users read; owning units edit. */
export const progressRoutes =
  (ctx: Context): FastifyPluginAsyncZod =>
  async (app) => {
    const today = () => regionDay(ctx.clock.now());
    const tags = ['progress'];

    app.get('/areas', { schema: { tags, summary: 'Co-operation areas', response: { 200: z.array(areaSchema), ...errorResponses(401) } } }, async (request) => {
      requireViewer(request);
      return listAreas(ctx.db);
    });

    app.get(
      '/commitments',
      { schema: { tags, summary: 'Commitments with their indicators, figures and progress as of a day', querystring: listCommitmentsQuery, response: { 200: z.array(commitmentSchema), ...errorResponses(400, 401) } } },
      async (request) => {
        const viewer = requireViewer(request);
        const { owner, due } = request.query;
        // A user of no unit owns no commitment.
        if (owner === 'mine' && !viewer.unitId) return [];
        return listCommitments(ctx.db, { asOf: request.query.asOf ?? today(), areaCodes: request.query.area?.split(','), ownerUnitId: owner === 'mine' ? viewer.unitId! : undefined, due, today: today() });
      },
    );

    app.get(
      '/commitments/:id',
      { schema: { tags, summary: 'One commitment with its status timeline and plenary decisions', params: codeOrIdParams, querystring: asOf, response: { 200: commitmentDetailSchema, ...errorResponses(400, 401, 404) } } },
      async (request) => {
        requireViewer(request);
        return getCommitment(ctx.db, { id: request.params.id, asOf: request.query.asOf ?? today() });
      },
    );

    app.post(
      '/commitments',
      { schema: { tags, summary: 'Record a commitment of your unit', body: createCommitmentBody, response: { 201: commitmentDetailSchema, ...errorResponses(400, 401, 403, 409) } } },
      async (request, reply) => {
        const id = await createCommitment(ctx, { viewer: requireViewer(request), input: request.body });
        return reply.status(201).send(await getCommitment(ctx.db, { id, asOf: today() }));
      },
    );

    app.patch(
      '/commitments/:id',
      { schema: { tags, summary: "Change a commitment; a change of status needs a reason", params: codeOrIdParams, body: updateCommitmentBody, response: { 200: commitmentDetailSchema, ...errorResponses(400, 401, 403, 404) } } },
      async (request) => {
        await updateCommitment(ctx, { viewer: requireViewer(request), id: request.params.id, change: request.body });
        return getCommitment(ctx.db, { id: request.params.id, asOf: today() });
      },
    );

    app.post(
      '/commitments/:id/indicators',
      { schema: { tags, summary: 'Add an indicator with its baseline and targets', params: codeOrIdParams, body: createIndicatorBody, response: { 201: commitmentDetailSchema, ...errorResponses(400, 401, 403, 404, 409) } } },
      async (request, reply) => {
        await addIndicator(ctx, { viewer: requireViewer(request), commitmentId: request.params.id, input: request.body });
        return reply.status(201).send(await getCommitment(ctx.db, { id: request.params.id, asOf: today() }));
      },
    );

    app.post(
      '/indicators/:id/measurements',
      { schema: { tags, summary: 'Record a figure for an indicator, with its source', params: codeOrIdParams, body: recordMeasurementBody, response: { 201: z.object({ id: z.uuid() }), ...errorResponses(400, 401, 403, 404) } } },
      async (request, reply) => reply.status(201).send({ id: await recordMeasurement(ctx, { viewer: requireViewer(request), indicatorId: request.params.id, input: request.body }) }),
    );

    app.patch(
      '/measurements/:id',
      { schema: { tags, summary: 'Correct a figure (drafts that quoted it flag the change)', params: codeOrIdParams, body: correctMeasurementBody, response: { 204: z.null(), ...errorResponses(400, 401, 403, 404) } } },
      async (request, reply) => {
        await correctMeasurement(ctx, { viewer: requireViewer(request), id: request.params.id, input: request.body });
        return reply.status(204).send(null);
      },
    );

    app.get('/plenaries', { schema: { tags, summary: 'Joint Conference plenaries, the agreements signed and the decisions taken at each', response: { 200: z.array(plenarySchema), ...errorResponses(401) } } }, async (request) => {
      requireViewer(request);
      return listPlenaries(ctx.db);
    });

    await app.register(reportRoutes(ctx, { locales }));
  };
