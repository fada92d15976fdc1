import i18next from 'i18next';
import { ApiError } from '../../../api.ts';
import { currentLocale } from '../../../i18n.ts';

type Method = 'GET' | 'POST' | 'PATCH';
type Options = { body?: unknown; form?: FormData; idempotencyKey?: string };

/**
 * The calls of the notification, verification and meeting areas. Like `call` in api.ts, and
 * also sends an Idempotency-Key (a retried POST then does nothing twice) and multipart uploads.
 */
export async function request<T>(method: Method, path: string, options: Options = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': currentLocale() };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.form ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    });
  } catch {
    throw new ApiError(0, 'network', i18next.t('errors.network'));
  }
  if (response.status === 204) return undefined as T;
  const data = await response.json().catch(() => null);
  if (!response.ok) {
    const error = data?.error;
    if (error?.code && error?.message) throw new ApiError(response.status, error.code, error.message, error.fields ?? []);
    throw new ApiError(response.status, 'http', i18next.t('errors.http', { status: response.status }));
  }
  return data as T;
}

export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}
