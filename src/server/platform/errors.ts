/**
 * The one error type. Its code names a translated message (`errors.<code>` in the locale
 * files) and maps to an HTTP status; no English string reaches a user directly.
 */
export const errorStatus = {
  'auth.required': 401,
  'auth.invalid_credentials': 401,
  'auth.too_many_attempts': 429,
  'auth.wrong_password': 400,
  'auth.password_change_required': 403,
  'auth.cross_site': 403,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  'exchange.no_node': 409,
  'exchange.refused': 422,
  'exchange.not_authenticated': 403,
  'validation.failed': 400,
  'request.invalid_json': 400,
  'request.too_large': 413,
  'request.unsupported_media_type': 415,
  'request.bad': 400,
  'pdf.unavailable': 503,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export type FieldError = { field: string; code: string; params?: Record<string, unknown> };

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly options: { fields?: FieldError[]; params?: Record<string, unknown>; reason?: string } = {},
  ) {
    super(options.reason ?? code);
    this.status = errorStatus[code];
  }
}

export const notFound = (what: string) => new AppError('not_found', { params: { what }, reason: `${what} not found` });
export const forbidden = (reason: string) => new AppError('forbidden', { reason });
