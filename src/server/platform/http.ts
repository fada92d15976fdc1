import type { FastifyInstance, FastifyRequest } from 'fastify';
import { defaultLocale, isLocale, localeFromAcceptLanguage, type Locale } from '../../shared/i18n.ts';
import { resolveApiToken, resolveSession, SESSION_COOKIE } from '../accounts/sessions.ts';
import type { Context, Viewer } from './context.ts';
import { AppError } from './errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user, or null for an anonymous request. */
    viewer: Viewer | null;
    /** The language answers are written in: the user's choice, else Accept-Language. */
    locale: Locale;
  }
}

/** What a user whose password an administrator set may do before choosing their own: see who they are, change it, leave (or log in afresh). */
const allowedBeforePasswordChange = new Set(['POST /api/v1/auth/login', 'GET /api/v1/me', 'PATCH /api/v1/me', 'POST /api/v1/me/password', 'POST /api/v1/auth/logout']);

/** Resolves who is calling (session cookie or Bearer token) and in which language to answer. */
export function installAuthentication(app: FastifyInstance, ctx: Context) {
  app.decorateRequest('viewer', null);
  app.decorateRequest('locale', defaultLocale);
  app.addHook('onRequest', async (request) => {
    request.locale = localeFromAcceptLanguage(request.headers['accept-language']) ?? defaultLocale;
    if (!request.url.startsWith('/api/')) return;
    const bearer = request.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
    const cookie = request.cookies[SESSION_COOKIE];
    const viewer = bearer ? await resolveApiToken(ctx, bearer) : cookie ? await resolveSession(ctx, cookie) : null;
    request.viewer = viewer;
    if (viewer && isLocale(viewer.locale)) request.locale = viewer.locale;
    if (viewer?.mustChangePassword && !allowedBeforePasswordChange.has(`${request.method} ${request.routeOptions.url}`)) throw new AppError('auth.password_change_required');
  });
}

/** The signed-in user, or a 401. */
export function requireViewer(request: FastifyRequest): Viewer {
  if (!request.viewer) throw new AppError('auth.required');
  return request.viewer;
}
