import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import type { Context } from './platform/context.ts';
import { installErrorHandling } from './platform/errors-http.ts';
import { installAuthentication } from './platform/http.ts';
import { exchangeSpecs, serverModules } from './modules.ts';
import { attachExchange, exchangeRuntime, hasExchange } from './exchange/runtime.ts';
import { ephemeralNodeKeys } from './exchange/node-keys.ts';
import { ensureSelfNode } from './exchange/queries.ts';
import { queueFigures } from './exchange/status.ts';
import type { ModuleServices } from './platform/server-module.ts';
import { installSameOriginCheck } from './platform/same-origin.ts';
import { installSecurityHeaders } from './platform/security-headers.ts';
import { installStrictJsonBodies } from './platform/json-body.ts';

const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

export type AppOptions = { logger?: boolean | object; serveWeb?: boolean };

/** The whole HTTP application: API under /api/v1, its OpenAPI document, and the web app. */
export async function buildApp(ctx: Context, options: AppOptions = {}): Promise<FastifyInstance> {
  // A start (start.ts) gives the node its keys from the key file; elsewhere (tests, benchmarks)
  // the node gets keys for this process only.
  if (!hasExchange(ctx)) {
    const keys = await ephemeralNodeKeys(ctx.clock.now());
    attachExchange(ctx, exchangeRuntime(keys, exchangeSpecs));
    await ensureSelfNode(ctx.db, ctx, keys);
  }
  const app = Fastify({
    logger: options.logger ?? false,
    // One hop: the TLS proxy in front. Its X-Forwarded-For ends with the address it saw; what
    // comes before is the client's own claim (trusting every hop made request.ip the first,
    // which anyone can write, and so log-in throttling by address nothing). A function, as
    // fastify takes a bare hop count to trust nothing.
    trustProxy: ctx.config.trustProxy ? (_address: string, hop: number) => hop === 0 : false,
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installStrictJsonBodies(app);

  await app.register(cookie);
  await installSecurityHeaders(app, { https: ctx.config.trustProxy });
  installAuthentication(app, ctx);
  installSameOriginCheck(app, ctx.config);
  installErrorHandling(app, ctx);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Liaison API',
        version: '1',
        description:
          'The API of Liaison, the system behind the Guangdong–Hong Kong–Macao co-operation agreements. ' +
          'Authenticate with the session cookie from POST /api/v1/auth/login, or with an API token ' +
          '(Authorization: Bearer …) made at POST /api/v1/me/tokens. Errors are {"error": {code, message, fields?}} ' +
          "with the message in the caller's language (user preference, else Accept-Language).",
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'liaison_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.get('/healthz', { schema: { hide: true }, logLevel: 'silent' }, async (_request, reply) => {
    try {
      await ctx.db.execute(sql`select 1`);
      return { status: 'ok', exchange: await queueFigures(ctx) };
    } catch {
      return reply.status(503).send({ status: 'unavailable' });
    }
  });

  await app.register(
    async (api) => {
      const services: ModuleServices = {
        searchAudiencesOf: async (viewer) => (viewer ? (await Promise.all(serverModules.map((m) => m.searchAudiences?.(ctx, viewer) ?? []))).flat() : []),
      };
      for (const module of serverModules) await api.register(module.routes(ctx, services), module.prefix ? { prefix: module.prefix } : {});
    },
    { prefix: '/api/v1' },
  );

  if (options.serveWeb !== false && fs.existsSync(path.join(webDist, 'index.html'))) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false });
    // The app's scripts and styles are named by their content: a rebuild while the server runs
    // adds new ones, served from disk as they come; one that is not there is a 404, never the
    // app's page (a browser would take that HTML for a script and show nothing).
    const assets = path.join(webDist, 'assets');
    app.get('/assets/*', { schema: { hide: true } }, async (request, reply) => {
      const file = path.normalize(path.join(assets, (request.params as { '*': string })['*']));
      if (!file.startsWith(assets + path.sep) || !fs.existsSync(file)) return reply.callNotFound();
      return reply.sendFile(path.relative(webDist, file));
    });
    // Client-side routes (/agreements/food-safety, /admin/users, …) all load the web app.
    app.get('/*', { schema: { hide: true } }, async (request, reply) => {
      if (request.url.startsWith('/api/')) return reply.callNotFound();
      return reply.type('text/html').sendFile('index.html');
    });
  }
  return app;
}
