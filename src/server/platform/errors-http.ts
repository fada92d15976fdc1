import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { Db } from '../db/open.ts';
import { accessDenials } from '../db/schema.ts';
import { serverT, type Locale } from '../../shared/i18n.ts';
import { AppError, type FieldError } from './errors.ts';
import type { Clock } from './clock.ts';

/** The body of every error answer. */
export type ErrorBody = {
  error: { code: string; message: string; fields?: { field: string; code: string; message: string }[] };
};

/** One entry of fastify-type-provider-zod's validation list: a Zod issue flattened for fastify. */
type ValidationEntry = { keyword: string; instancePath: string; message: string; params: Record<string, unknown> };

const knownIssueCodes = ['invalid_type', 'too_small', 'too_big', 'invalid_format', 'invalid_value', 'unrecognized_keys'];

function fieldFromIssue(entry: ValidationEntry, input: unknown): FieldError {
  const field = entry.instancePath.replace(/^\//, '').replace(/\//g, '.') || 'body';
  const given = entry.instancePath
    .split('/')
    .filter(Boolean)
    .reduce<unknown>((at, key) => (at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined), input);
  // Zod reports a missing field as invalid_type "… received undefined", or for a choice as a value
  // not among the options: either way nothing was given (an empty choice is nothing either).
  const missing =
    (entry.keyword === 'invalid_type' && /received undefined/.test(entry.message)) ||
    (entry.keyword === 'invalid_value' && (given === undefined || given === null || given === '')) ||
    // A choice of a record (a unit, a notification) left empty.
    (entry.keyword === 'invalid_format' && given === '' && entry.params.format === 'uuid') ||
    // An empty text where at least one character is needed reads better as "required".
    (entry.keyword === 'too_small' && entry.params.origin === 'string' && Number(entry.params.minimum) === 1);
  const code = missing ? 'required' : knownIssueCodes.includes(entry.keyword) ? entry.keyword : 'invalid';
  const { expected, minimum, maximum, keys } = entry.params;
  return {
    field,
    code,
    params: {
      expected,
      minimum: minimum === undefined ? undefined : String(minimum),
      maximum: maximum === undefined ? undefined : String(maximum),
      keys: Array.isArray(keys) ? keys.join(', ') : undefined,
    },
  };
}

function postgresErrorClass(error: unknown): string | null {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code.slice(0, 2);
  }
  return null;
}

/** How deep a request body or query may nest: deeper is no form a person filled in. */
const MAX_DEPTH = 32;
/** A UTF-16 surrogate without its pair: no character, and not storable as UTF-8. */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The first place in a parsed body or query that no field can hold: a string with a NUL
 * character (PostgreSQL cannot store it) or a lone surrogate (it would be stored altered), or
 * nesting deeper than MAX_DEPTH. Walked without recursion, so no input can exhaust the stack.
 */
function unstorable(value: unknown): { field: string; code: 'invalid_format' | 'too_deep'; params?: Record<string, number> } | null {
  const stack: { value: unknown; path: string[] }[] = [{ value, path: [] }];
  while (stack.length) {
    const { value: at, path } = stack.pop()!;
    if (typeof at === 'string') {
      if (at.includes('\u0000') || loneSurrogate.test(at)) return { field: path.join('.') || 'body', code: 'invalid_format' };
    } else if (at && typeof at === 'object') {
      if (path.length >= MAX_DEPTH) return { field: 'body', code: 'too_deep', params: { maximum: MAX_DEPTH } };
      for (const [key, inner] of Object.entries(at).reverse()) stack.push({ value: inner, path: [...path, key] });
    }
  }
  return null;
}

function toAppError(error: unknown, request: FastifyRequest): AppError {
  if (error instanceof AppError) return error;
  const fe = error as FastifyError & { validation?: unknown[] };
  if (hasZodFastifySchemaValidationErrors(fe)) {
    const input = { querystring: request.query, params: request.params, headers: request.headers }[fe.validationContext as string] ?? request.body;
    const fields = fe.validation.map((v) => fieldFromIssue(v as unknown as ValidationEntry, input));
    return new AppError('validation.failed', { fields });
  }
  switch (fe.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('request.invalid_json');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('request.too_large');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError(fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'request.unsupported_media_type' : 'request.bad');
  }
  if (error instanceof SyntaxError) return new AppError('request.invalid_json');
  // PostgreSQL's data exceptions (class 22: a value out of range, a bad encoding) are bad input
  // that slipped past validation; the transaction has rolled back, so nothing changed.
  if (postgresErrorClass(error) === '22') return new AppError('validation.failed', { reason: fe.message });
  // Malformed multipart bodies come from busboy as plain errors.
  if (/^(Multipart: Boundary not found|Unexpected end of (multipart|form)|Part terminated early|Malformed part header)/i.test(fe.message ?? '')) return new AppError('request.bad', { reason: fe.message });
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return new AppError('request.bad', { reason: fe.message });
  }
  return new AppError('internal', { reason: fe?.message });
}

/**
 * A field is named as the form that asks for it names it: `fieldsIn.<resource>.<action>.<field>`
 * for a step's own form (the approver's comment on /notifications/{id}/return is "Comments for
 * the author"), else `fieldsIn.<resource>.<field>` (a notification's title is its "Title", a
 * user's title their "Post title"), else `fields.<field>`.
 */
export function presentError(error: AppError, locale: Locale, resource?: string, action?: string): ErrorBody {
  const t = serverT(locale);
  const what = error.options.params?.what;
  const params = { ...error.options.params, what: typeof what === 'string' ? t(`what.${what}`, { defaultValue: what }) : what };
  const body: ErrorBody = { error: { code: error.code, message: t(error.code, params) } };
  if (error.options.fields?.length) {
    body.error.fields = error.options.fields.map((f) => {
      const leaf = f.field.split('.').filter((p) => !/^\d+$/.test(p)).pop() ?? f.field;
      // A name only where the key holds one: fieldsIn.<resource>.answer is a step's group of names, not the name of a field "answer".
      const named = (key: string, fallback: string) => {
        const found: unknown = t(key, { returnObjects: true, defaultValue: fallback });
        return typeof found === 'string' ? found : fallback;
      };
      const general = named(`fields.${leaf}`, f.field);
      const ofResource = resource ? named(`fieldsIn.${resource}.${leaf}`, general) : general;
      const label = resource && action ? named(`fieldsIn.${resource}.${action}.${leaf}`, ofResource) : ofResource;
      return { field: f.field, code: f.code, message: t(`validation.${f.code}`, { ...f.params, field: label }) };
    });
  }
  return body;
}

/**
 * One error handler for the whole API: bad input of any shape becomes a 4xx with a translated
 * message; denials (401/403) are recorded; anything else is a logged 500 without details.
 */
export function installErrorHandling(app: FastifyInstance, deps: { db: Db; clock: Clock }) {
  const reply = async (request: FastifyRequest, res: FastifyReply, error: AppError) => {
    if (error.status === 401 || error.status === 403 || error.code === 'auth.too_many_attempts') await recordDenial(deps, request, error);
    if (error.status >= 500) request.log.error({ err: error }, 'request failed');
    // The route's pattern, e.g. /api/v1/notifications/:id/return: its resource and, after an id, its step.
    const [resource, ...rest] = (request.routeOptions.url ?? request.url).replace(/^\/api\/v1\//, '').split(/[/?]/);
    const action = rest.filter((s) => s && !s.startsWith(':')).pop();
    return res.status(error.status).send(presentError(error, request.locale, /^[\w-]+$/.test(resource) ? resource : undefined, action));
  };
  app.setErrorHandler(async (error, request, res) => {
    const appError = toAppError(error, request);
    if (appError.code === 'internal') request.log.error({ err: error }, 'unhandled error');
    if (appError.status === 429 && appError.options.params?.seconds) res.header('retry-after', String(appError.options.params.seconds));
    return reply(request, res, appError);
  });
  app.addHook('preValidation', async (request) => {
    const found = unstorable(request.body) ?? unstorable(request.query);
    if (found) throw new AppError('validation.failed', { fields: [found] });
  });
  app.setNotFoundHandler(async (request, res) => reply(request, res, new AppError('not_found', { params: { what: 'route' } })));
}

async function recordDenial(deps: { db: Db; clock: Clock }, request: FastifyRequest, error: AppError) {
  request.log.warn({ code: error.code, reason: error.message, user: request.viewer?.username }, 'access denied');
  try {
    await deps.db.insert(accessDenials).values({
      at: deps.clock.now(),
      userId: request.viewer?.userId ?? null,
      method: request.method,
      path: request.url.slice(0, 500),
      status: error.status,
      code: error.code,
      reason: error.message.slice(0, 500),
      ip: request.ip,
    });
  } catch (e) {
    request.log.error({ err: e }, 'could not record an access denial');
  }
}
