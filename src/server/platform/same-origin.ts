import type { FastifyInstance, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from '../accounts/sessions.ts';
import type { Config } from './config.ts';
import { AppError } from './errors.ts';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);
/** What an HTML form can send without asking the server first (multipart is allowed for uploads, and checked by origin). */
const formContentTypes = new Set(['text/plain', 'application/x-www-form-urlencoded']);

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * Why a state-changing request that a session cookie authenticates is not proven to come from
 * the web app itself, or null when it is. The cookie is SameSite=Lax, so another site on the
 * same host (another port) still gets it sent; the browser's Sec-Fetch-Site and Origin say where
 * the request was made, and a form's content types (text/plain, urlencoded) are refused, so a
 * browser too old to send either still cannot post a form cross-site as JSON.
 */
export function crossSiteReason(request: Pick<FastifyRequest, 'method' | 'headers' | 'protocol' | 'host'>, config: Pick<Config, 'publicUrl'>): string | null {
  if (safeMethods.has(request.method)) return null;
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return `Sec-Fetch-Site: ${site}`;
  const origin = request.headers.origin;
  if (origin !== undefined) {
    const own = new Set([originOf(`${request.protocol}://${request.host}`), originOf(config.publicUrl)]);
    if (!own.has(originOf(origin) ?? origin)) return `Origin: ${origin}`;
  }
  const type = request.headers['content-type']?.split(';')[0].trim().toLowerCase();
  if (type && formContentTypes.has(type)) return `Content-Type: ${type}`;
  return null;
}

/** Refuses cross-site requests that a browser would send with the session cookie (CSRF). */
export function installSameOriginCheck(app: FastifyInstance, config: Config) {
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    // An API token is never sent by a browser on its own: only cookies ride along cross-site.
    if (/^Bearer\s/i.test(request.headers.authorization ?? '')) return;
    if (request.cookies[SESSION_COOKIE] === undefined) return;
    const reason = crossSiteReason(request, config);
    if (reason) throw new AppError('auth.cross_site', { reason: `cross-site request refused (${reason})` });
  });
}
