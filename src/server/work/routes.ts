import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Context } from '../platform/context.ts';
import { requireViewer } from '../platform/http.ts';
import { errorResponses } from '../platform/openapi.ts';
import { workSchema } from './schemas.ts';
import { summarizeWork } from './work.ts';

/** The home page's counts: what needs the signed-in user, across every module. */
export const workRoutes =
  (ctx: Context): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/work',
      { schema: { tags: ['work'], summary: 'What needs me: counts of the lists that need my unit, each with the address of that list; for the platform administrator, the health of the system', response: { 200: workSchema, ...errorResponses(401) } } },
      async (request) => summarizeWork(ctx, { viewer: requireViewer(request) }),
    );
  };
