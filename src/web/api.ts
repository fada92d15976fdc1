import i18next from 'i18next';
import { currentLocale } from './i18n.ts';
import type {
  Agreement,
  AgreementVersion,
  ClauseChange,
  AgreementSummary,
  ApiToken,
  AuditEntry,
  AuditVerification,
  CreatedToken,
  CreateUnitInput,
  CreateUserInput,
  Directory,
  Me,
  Party,
  SearchAnswer,
  Unit,
  UnitDetail,
  UpdateUnitInput,
  UpdateUserInput,
  User,
} from './types.ts';

export type FieldError = { field: string; code: string; message: string };

/** What every failed call throws: the server's code and its message, already in the reader's language. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldError[];

  constructor(status: number, code: string, message: string, fields: FieldError[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }

  /** The message for one form field (`username`, `name.zh-Hant`), if the server gave one. */
  fieldMessage(field: string): string | undefined {
    return this.fields.find((f) => f.field === field)?.message;
  }
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
export type RequestOptions = { body?: unknown; form?: FormData; idempotencyKey?: string };

/**
 * Every call of the web app: the reader's language, the session cookie, an Idempotency-Key when
 * given (a retried POST then does nothing twice), JSON or a multipart upload, and every failure
 * as an ApiError with the server's translated message.
 */
export async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
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

const call = <T>(method: Method, path: string, body?: unknown) => request<T>(method, path, { body });

export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

export const api = {
  logIn: (username: string, password: string) => call<{ user: Me }>('POST', '/auth/login', { username, password }),
  logOut: () => call<void>('POST', '/auth/logout'),
  me: () => call<Me>('GET', '/me'),
  updateMe: (change: Partial<Pick<Me, 'locale' | 'displayName' | 'title' | 'email' | 'phone'>>) => call<Me>('PATCH', '/me', change),
  changePassword: (currentPassword: string, newPassword: string) => call<void>('POST', '/me/password', { currentPassword, newPassword }),
  tokens: () => call<ApiToken[]>('GET', '/me/tokens'),
  createToken: (name: string, expiresInDays: number | null) => call<CreatedToken>('POST', '/me/tokens', { name, expiresInDays }),
  revokeToken: (id: string) => call<void>('DELETE', `/me/tokens/${id}`),

  users: (unitId?: string) => call<User[]>('GET', `/users${query({ unitId })}`),
  user: (id: string) => call<User>('GET', `/users/${id}`),
  createUser: (input: CreateUserInput) => call<User>('POST', '/users', input),
  updateUser: (id: string, change: UpdateUserInput) => call<User>('PATCH', `/users/${id}`, change),

  parties: () => call<Party[]>('GET', '/parties'),
  units: (partyCode?: string) => call<Unit[]>('GET', `/units${query({ partyCode })}`),
  unit: (id: string) => call<UnitDetail>('GET', `/units/${id}`),
  createUnit: (input: CreateUnitInput) => call<Unit>('POST', '/units', input),
  updateUnit: (id: string, change: UpdateUnitInput) => call<Unit>('PATCH', `/units/${id}`, change),
  directory: () => call<Directory>('GET', '/directory'),

  agreements: () => call<AgreementSummary[]>('GET', '/agreements'),
  agreement: (code: string) => call<Agreement>('GET', `/agreements/${encodeURIComponent(code)}`),
  agreementVersions: (code: string) => call<AgreementVersion[]>('GET', `/agreements/${encodeURIComponent(code)}/versions`),
  agreementVersionInForce: (code: string, on: string) => call<AgreementVersion>('GET', `/agreements/${encodeURIComponent(code)}/versions/in-force${query({ on })}`),
  amendAgreement: (code: string, body: { agreedBy: string[]; agreedOn: string; inForceFrom: string; text: { 'zh-Hant': string }; note?: { en: string; 'zh-Hant': string; 'zh-Hans': string } | null }) =>
    call<AgreementVersion>('POST', `/agreements/${encodeURIComponent(code)}/versions`, body),
  agreementVersionChanges: (code: string, number: number) => call<ClauseChange[]>('GET', `/agreements/${encodeURIComponent(code)}/versions/${number}/changes`),
  search: (params: { q: string; kind?: string; party?: string; limit?: number; offset?: number }) =>
    call<SearchAnswer>('GET', `/search${query(params)}`),
  audit: (params: Record<string, string | number | undefined>) => call<AuditEntry[]>('GET', `/audit${query(params)}`),
  verifyAudit: () => call<AuditVerification>('GET', '/audit/verification'),
  exchangeStatus: () => call<ExchangeStatus>('GET', '/exchange/status'),
  deliveries: (subjectType: string, subjectId: string) => call<Deliveries>('GET', `/exchange/deliveries${query({ subjectType, subjectId })}`),
};

export const evidenceUrl = (subjectType: string, subjectId: string) => `/api/v1/exchange/evidence${query({ subjectType, subjectId })}`;

type NodeRef = { id: string; name: string; self: boolean };
/** What this node sent and received about a record, as GET /exchange/deliveries answers. */
export type Deliveries = {
  sent: { id: string; kind: string; to: NodeRef; toUnit: string | null; status: 'pending' | 'delivered' | 'refused'; attempts: number; createdAt: string; deliveredAt: string | null; receiptVerified: boolean; lastError: string | null; overdue: boolean }[];
  received: { id: string; kind: string; from: NodeRef; receivedAt: string }[];
};
/** The operator's view, as GET /exchange/status answers. */
export type ExchangeStatus = {
  queue: { pending: number; overdue: number; refused: number; oldestPendingAt: string | null };
  nodes: {
    id: string;
    self: boolean;
    name: string;
    party: string | null;
    url: string;
    keys: { kid: string; createdAt: string; retiredAt: string | null }[];
    units: string[];
    lastDeliveryAt: string | null;
    lastFailureAt: string | null;
    lastError: string | null;
    reachable: boolean | null;
    outbox: { pending: number; delivered: number; refused: number };
    inbox: number;
    witnessed: { position: number; hash: string; at: string } | null;
    conflicts: { conflict: string; position: number; at: string; receivedAt: string }[];
  }[];
  failing: { id: string; kind: string; toNodeId: string; toUnit: string | null; status: string; attempts: number; createdAt: string; nextAttemptAt: string; lastError: string | null; overdue: boolean }[];
  refusals: { at: string; fromNode: string | null; messageId: string | null; reason: string; detail: string | null }[];
};
