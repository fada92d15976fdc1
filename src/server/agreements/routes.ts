import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Context } from '../platform/context.ts';
import { errorResponses } from '../platform/openapi.ts';
import { AppError } from '../platform/errors.ts';
import { requireViewer } from '../platform/http.ts';
import { day } from '../platform/schemas.ts';
import { getAgreement, listAgreements } from './read-agreements.ts';
import { agreementParams, agreementSchema, agreementSummarySchema, amendmentBody, clauseChangeSchema, versionSchema } from './schemas.ts';
import { amendAgreement, diffVersions, listVersions, versionInForce } from './versions.ts';

/** The agreements registry (M2): public, no log-in needed; amendments are recorded by the platform administrator. */
export const agreementRoutes =
  (ctx: Context): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/agreements',
      { schema: { tags: ['agreements'], summary: 'The co-operation agreements', response: { 200: z.array(agreementSummarySchema) } } },
      async () => listAgreements(ctx),
    );
    app.get(
      '/agreements/:id',
      {
        schema: {
          tags: ['agreements'],
          summary: 'One agreement with its full text in both scripts and its clauses',
          params: agreementParams,
          response: { 200: agreementSchema, ...errorResponses(400, 404) },
        },
      },
      async (request) => getAgreement(ctx, { code: request.params.id }),
    );

    const tags = ['agreements'];
    app.get(
      '/agreements/:id/versions',
      { schema: { tags, summary: "An agreement's versions: the text as signed, then each amendment", params: agreementParams, response: { 200: z.array(versionSchema), ...errorResponses(400, 404) } } },
      async (request) => listVersions(ctx, { code: request.params.id }),
    );
    app.get(
      '/agreements/:id/versions/in-force',
      {
        schema: {
          tags,
          summary: 'The version in force on a day',
          params: agreementParams,
          querystring: z.object({ on: day.describe('The day (YYYY-MM-DD)') }).strict(),
          response: { 200: versionSchema, ...errorResponses(400, 404) },
        },
      },
      async (request) => {
        const version = await versionInForce(ctx, { code: request.params.id, on: request.query.on });
        if (!version) throw new AppError('not_found', { params: { what: 'agreement_version' }, reason: `not in force on ${request.query.on}` });
        return version;
      },
    );
    app.get(
      '/agreements/:id/versions/:number/changes',
      {
        schema: {
          tags,
          summary: 'Clause by clause, what a version changed from the one before it (or from ?from=n), in both scripts',
          params: agreementParams.extend({ number: z.coerce.number().int().min(1).max(10_000) }),
          querystring: z.object({ from: z.coerce.number().int().min(1).max(10_000).optional() }).strict(),
          response: { 200: z.array(clauseChangeSchema), ...errorResponses(400, 404) },
        },
      },
      async (request) => diffVersions(ctx, { code: request.params.id, from: request.query.from ?? Math.max(1, request.params.number - 1), to: request.params.number }),
    );
    app.post(
      '/agreements/:id/versions',
      {
        schema: {
          tags,
          summary: 'Record an amendment agreed by the parties (platform administrator)',
          params: agreementParams,
          body: amendmentBody,
          response: { 201: versionSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        const viewer = requireViewer(request);
        const number = await amendAgreement(ctx, { viewer, code: request.params.id, ...request.body });
        const versions = await listVersions(ctx, { code: request.params.id });
        return reply.status(201).send(versions.find((v) => v.number === number)!);
      },
    );
  };
