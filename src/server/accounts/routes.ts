import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Context } from '../platform/context.ts';
import { requireViewer } from '../platform/http.ts';
import { errorResponses } from '../platform/openapi.ts';
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens.ts';
import { logIn } from './log-in.ts';
import { changePassword, createUser, findUser, getUser, listUsers, updateMe, updateUser } from './manage-users.ts';
import {
  apiTokenSchema,
  changePasswordBody,
  createTokenBody,
  createUserBody,
  createdTokenSchema,
  idParams,
  listUsersQuery,
  loginBody,
  meSchema,
  updateMeBody,
  updateUserBody,
  userSchema,
} from './schemas.ts';
import { endSession, SESSION_COOKIE } from './sessions.ts';

export const accountRoutes =
  (ctx: Context): FastifyPluginAsyncZod =>
  async (app) => {
    const me = async (request: Parameters<typeof requireViewer>[0]) => {
      const viewer = requireViewer(request);
      return { ...(await getUser(ctx, { viewer, id: viewer.userId })), effectiveLocale: request.locale };
    };

    app.post(
      '/auth/login',
      {
        schema: {
          tags: ['accounts'],
          summary: 'Log in with user name and password; sets the session cookie',
          body: loginBody,
          response: { 200: z.object({ user: meSchema }), ...errorResponses(400, 401, 429) },
        },
      },
      async (request, reply) => {
        const session = await logIn(ctx, {
          ...request.body,
          ip: request.ip,
          userAgent: request.headers['user-agent'] ?? null,
        });
        reply.setCookie(SESSION_COOKIE, session.token, {
          path: '/',
          httpOnly: true,
          sameSite: 'lax',
          secure: request.protocol === 'https',
          expires: session.expiresAt,
        });
        const user = await findUser(ctx, session.userId);
        return { user: { ...user, effectiveLocale: user.locale ?? request.locale } };
      },
    );

    app.post(
      '/auth/logout',
      { schema: { tags: ['accounts'], summary: 'End the current session', response: { 204: z.null() } } },
      async (request, reply) => {
        if (request.viewer?.sessionId) await endSession(ctx, request.viewer.sessionId);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.status(204).send(null);
      },
    );

    app.get('/me', { schema: { tags: ['accounts'], summary: 'The signed-in user', response: { 200: meSchema, ...errorResponses(401) } } }, me);

    app.patch(
      '/me',
      {
        schema: {
          tags: ['accounts'],
          summary: 'Change your own name, contact details or language',
          body: updateMeBody,
          response: { 200: meSchema, ...errorResponses(400, 401) },
        },
      },
      async (request) => {
        const viewer = requireViewer(request);
        await updateMe(ctx, { viewer, change: request.body });
        if (request.body.locale !== undefined) viewer.locale = request.body.locale;
        if (request.body.locale) request.locale = request.body.locale;
        return me(request);
      },
    );

    app.post(
      '/me/password',
      {
        schema: {
          tags: ['accounts'],
          summary: 'Change your password; your other sessions end',
          body: changePasswordBody,
          response: { 204: z.null(), ...errorResponses(400, 401) },
        },
      },
      async (request, reply) => {
        await changePassword(ctx, { viewer: requireViewer(request), ...request.body });
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/me/tokens',
      { schema: { tags: ['accounts'], summary: 'Your API tokens', response: { 200: z.array(apiTokenSchema), ...errorResponses(401) } } },
      async (request) => listApiTokens(ctx, { viewer: requireViewer(request) }),
    );

    app.post(
      '/me/tokens',
      {
        schema: {
          tags: ['accounts'],
          summary: 'Create an API token for a machine client; it acts with your rights',
          body: createTokenBody,
          response: { 201: createdTokenSchema, ...errorResponses(400, 401) },
        },
      },
      async (request, reply) => reply.status(201).send(await createApiToken(ctx, { viewer: requireViewer(request), ...request.body })),
    );

    app.delete(
      '/me/tokens/:id',
      { schema: { tags: ['accounts'], summary: 'Revoke an API token', params: idParams, response: { 204: z.null(), ...errorResponses(401, 404) } } },
      async (request, reply) => {
        await revokeApiToken(ctx, { viewer: requireViewer(request), id: request.params.id });
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/users',
      {
        schema: {
          tags: ['accounts'],
          summary: 'Users of a liaison unit (unit administrators: their own unit; platform administrators: all)',
          querystring: listUsersQuery,
          response: { 200: z.array(userSchema), ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => listUsers(ctx, { viewer: requireViewer(request), unitId: request.query.unitId }),
    );

    app.get(
      '/users/:id',
      { schema: { tags: ['accounts'], summary: 'One user', params: idParams, response: { 200: userSchema, ...errorResponses(401, 403, 404) } } },
      async (request) => getUser(ctx, { viewer: requireViewer(request), id: request.params.id }),
    );

    app.post(
      '/users',
      {
        schema: {
          tags: ['accounts'],
          summary: 'Create a user',
          body: createUserBody,
          response: { 201: userSchema, ...errorResponses(400, 401, 403, 409) },
        },
      },
      async (request, reply) => reply.status(201).send(await createUser(ctx, { viewer: requireViewer(request), input: request.body })),
    );

    app.patch(
      '/users/:id',
      {
        schema: {
          tags: ['accounts'],
          summary: 'Change a user: details, roles, unit, password, or deactivate',
          params: idParams,
          body: updateUserBody,
          response: { 200: userSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => updateUser(ctx, { viewer: requireViewer(request), id: request.params.id, change: request.body }),
    );
  };
