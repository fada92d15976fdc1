import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Context } from '../platform/context.ts';
import { errorResponses } from '../platform/openapi.ts';
import { getAgreement, listAgreements } from './read-agreements.ts';
import { agreementParams, agreementSchema, agreementSummarySchema } from './schemas.ts';

/** The agreements registry (M2): public, no log-in needed. */
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
  };
