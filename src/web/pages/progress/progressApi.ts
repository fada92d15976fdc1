import i18next from 'i18next';
import { ApiError } from '../../api.ts';
import { currentLocale } from '../../i18n.ts';
import type { Locale } from '../../types.ts';
import type {
  Area,
  Commitment,
  CommitmentDetail,
  CorrectMeasurementInput,
  DraftReportInput,
  Plenary,
  RecordMeasurementInput,
  Report,
  ReportSummary,
  UpdateCommitmentInput,
  UpdateReportInput,
} from './types.ts';

type Method = 'GET' | 'POST' | 'PATCH';

/**
 * The same call as src/web/api.ts makes (its `call` is not exported): the reader's language,
 * the session cookie, and every failure as an ApiError with the server's translated message.
 */
async function call<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': currentLocale() };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(`/api/v1/progress${path}`, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, 'network', i18next.t('progress.errors.network'));
  }
  if (response.status === 204) return undefined as T;
  const data = await response.json().catch(() => null);
  if (!response.ok) {
    const error = data?.error;
    if (error?.code && error?.message) throw new ApiError(response.status, error.code, error.message, error.fields ?? []);
    throw new ApiError(response.status, 'http', i18next.t('progress.errors.http', { status: response.status }));
  }
  return data as T;
}

const asOfQuery = (asOf: string) => `?asOf=${encodeURIComponent(asOf)}`;

export const progressApi = {
  areas: () => call<Area[]>('GET', '/areas'),
  commitments: (asOf: string, areaCodes?: string[]) =>
    call<Commitment[]>('GET', `/commitments${asOfQuery(asOf)}${areaCodes?.length ? `&area=${areaCodes.join(',')}` : ''}`),
  commitment: (id: string, asOf: string) => call<CommitmentDetail>('GET', `/commitments/${id}${asOfQuery(asOf)}`),
  updateCommitment: (id: string, change: UpdateCommitmentInput) => call<CommitmentDetail>('PATCH', `/commitments/${id}`, change),
  recordMeasurement: (indicatorId: string, input: RecordMeasurementInput) => call<{ id: string }>('POST', `/indicators/${indicatorId}/measurements`, input),
  correctMeasurement: (id: string, input: CorrectMeasurementInput) => call<void>('PATCH', `/measurements/${id}`, input),
  plenaries: () => call<Plenary[]>('GET', '/plenaries'),

  reports: () => call<ReportSummary[]>('GET', '/reports'),
  report: (id: string) => call<Report>('GET', `/reports/${id}`),
  draftReport: (input: DraftReportInput) => call<Report>('POST', '/reports', input),
  updateReport: (id: string, change: UpdateReportInput) => call<Report>('PATCH', `/reports/${id}`, change),
  issueReport: (id: string) => call<Report>('POST', `/reports/${id}/issue`),
};

/** The report as a web page or PDF in one language, rendered by the server (frozen once issued). */
export const reportFileUrl = (id: string, format: 'html' | 'pdf', lang: Locale) => `/api/v1/progress/reports/${id}/${format}?lang=${lang}`;

/** Query keys of this area; everything under ['progress'] is refreshed after a change. */
export const progressKeys = {
  all: ['progress'] as const,
  areas: ['progress', 'areas'] as const,
  commitments: (asOf: string) => ['progress', 'commitments', asOf] as const,
  commitment: (id: string, asOf: string) => ['progress', 'commitment', id, asOf] as const,
  plenaries: ['progress', 'plenaries'] as const,
  reports: ['progress', 'reports'] as const,
  report: (id: string) => ['progress', 'report', id] as const,
};
