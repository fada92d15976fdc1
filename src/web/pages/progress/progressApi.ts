import { request } from '../../api.ts';
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

/** The progress API's calls, under /api/v1/progress. */
const call = <T>(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown) => request<T>(method, `/progress${path}`, { body });

const asOfQuery = (asOf: string) => `?asOf=${encodeURIComponent(asOf)}`;

export const progressApi = {
  areas: () => call<Area[]>('GET', '/areas'),
  commitments: (asOf: string, areaCodes?: string[], only: { owner?: 'mine'; due?: 'overdue' | 'soon' } = {}) =>
    call<Commitment[]>('GET', `/commitments${asOfQuery(asOf)}${areaCodes?.length ? `&area=${areaCodes.join(',')}` : ''}${only.owner ? `&owner=${only.owner}` : ''}${only.due ? `&due=${only.due}` : ''}`),
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
