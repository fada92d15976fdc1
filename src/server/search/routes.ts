import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Context } from '../platform/context.ts';
import type { ModuleServices } from '../platform/server-module.ts';
import { errorResponses } from '../platform/openapi.ts';
import { localizedTextSchema } from '../accounts/schemas.ts';
import { RANKED_MATCHES, search } from './search.ts';
import { searchKinds } from '../../shared/search-kinds.ts';

const searchQuery = z.object({
  q: z.string().trim().min(1).max(200).describe('Words in English or Chinese, in either script'),
  kind: z
    .string()
    .max(200)
    .regex(/^[a-z_]+(,[a-z_]+)*$/)
    .refine((kinds) => kinds.split(',').every((k) => (searchKinds as readonly string[]).includes(k)), { message: 'unknown kind' })
    .optional()
    .describe(`Only these kinds, comma-separated: ${searchKinds.join(', ')}`),
  party: z.string().max(10).optional().describe('Only records concerning this party (GD, HK, MO, GZ)'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});

const searchResult = z.object({
  total: z.number().describe(`Matches, counted up to ${RANKED_MATCHES}`),
  more: z.boolean().describe(`There are more than ${RANKED_MATCHES} matches: paging goes on past them`),
  order: z.enum(['relevance', 'newest']).describe(`relevance: up to ${RANKED_MATCHES} matches, best first; newest: more matches than that, newest first`),
  results: z.array(
    z.object({
      kind: z.string(),
      id: z.string(),
      title: localizedTextSchema,
      snippet: z.string().describe("Where the words occur, in the reader's script"),
      url: z.string().describe('Link to the record in the web app, e.g. /agreements/food-safety#clause-1'),
      date: z.string().nullable(),
    }),
  ),
});

/** One search across everything the caller may see (M6). */
export const searchRoutes =
  (ctx: Context, services: ModuleServices): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/search',
      {
        schema: {
          tags: ['search'],
          summary: 'Search everything you may see; Chinese in either script finds text written in the other',
          querystring: searchQuery,
          response: { 200: searchResult, ...errorResponses(400) },
        },
      },
      async (request) =>
        search(ctx, {
          viewer: request.viewer,
          audiences: await services.searchAudiencesOf(request.viewer),
          q: request.query.q,
          kinds: request.query.kind?.split(','),
          partyCode: request.query.party,
          limit: request.query.limit,
          offset: request.query.offset,
          locale: request.locale,
        }),
    );
  };
