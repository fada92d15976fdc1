import type { z } from 'zod';
import { query, request } from '../../api.ts';
import type {
  activityBody,
  evidenceSchema,
  grantSchema,
  importPreviewSchema,
  matchSchema,
  materialBody,
  meSchema,
  pairDetailSchema,
  pairSchema,
  proposeBody,
  schoolPageSchema,
  schoolSchema,
} from '../../../server/schools/schemas.ts';

export type SchoolMe = z.infer<typeof meSchema>;
export type School = z.infer<typeof schoolSchema>;
export type SchoolPage = z.infer<typeof schoolPageSchema>;
export type Pair = z.infer<typeof pairSchema>;
export type PairDetail = z.infer<typeof pairDetailSchema>;
export type Match = z.infer<typeof matchSchema>;
export type ImportPreview = z.infer<typeof importPreviewSchema>;
export type Grant = z.infer<typeof grantSchema>;
export type ActivityInput = z.input<typeof activityBody>;
export type EvidenceFile = z.infer<typeof evidenceSchema>;
export type MaterialInput = z.input<typeof materialBody>;

const pair = (id: string) => `/sister-pairs/${encodeURIComponent(id)}`;
const evidence = (id: string, activityId: string) => `${pair(id)}/activities/${encodeURIComponent(activityId)}/evidence`;
/** 2015/16 in a path: 2015-16. */
export const yearParam = (year: string) => year.replace('/', '-');

export const schoolsApi = {
  me: () => request<SchoolMe>('GET', '/schools/me'),
  list: (filter: { side?: string; level?: string; q?: string; offset?: number }) => request<SchoolPage>('GET', `/schools${query({ ...filter, limit: 50 })}`),
  get: (id: string) => request<School>('GET', `/schools/${encodeURIComponent(id)}`),
  matches: (id: string) => request<Match[]>('GET', `/schools/${encodeURIComponent(id)}/matches?limit=10`),
  grant: (id: string, year: string) => request<Grant>('GET', `/schools/${encodeURIComponent(id)}/grant${query({ year })}`),
  preview: (format: 'csv' | 'xlsx', content: string) => request<ImportPreview>('POST', '/schools/import/preview', { body: { format, content } }),
  import: (format: 'csv' | 'xlsx', content: string) => request<ImportPreview['counts']>('POST', '/schools/import', { body: { format, content } }),
  pairs: () => request<Pair[]>('GET', '/sister-pairs'),
  pair: (id: string) => request<PairDetail>('GET', pair(id)),
  propose: (input: z.input<typeof proposeBody>) => request<PairDetail>('POST', '/sister-pairs', { body: input }),
  step: (id: string, step: 'consent' | 'decline' | 'withdraw' | 'endorse' | 'dormant' | 'reactivate' | 'end', body: { reason?: string; comment?: string }) => request<PairDetail>('POST', `${pair(id)}/${step}`, { body }),
  addActivity: (id: string, input: ActivityInput) => request<PairDetail>('POST', `${pair(id)}/activities`, { body: input }),
  shareMaterial: (id: string, input: MaterialInput) => request<PairDetail>('POST', `${pair(id)}/materials`, { body: input }),
  addEvidence: (id: string, activityId: string, file: File, key: string) => {
    const form = new FormData();
    form.append('file', file);
    return request<EvidenceFile>('POST', evidence(id, activityId), { form, idempotencyKey: key });
  },
  removeEvidence: (id: string, activityId: string, evidenceId: string) => request<null>('DELETE', `${evidence(id, activityId)}/${encodeURIComponent(evidenceId)}`),
  /** The file itself, as a download; an image's thumbnail is shown from it too. */
  evidenceUrl: (id: string, activityId: string, evidenceId: string) => `/api/v1${evidence(id, activityId)}/${encodeURIComponent(evidenceId)}`,
  saveDocument: (id: string, year: string, kind: 'plan' | 'report', body: string) => request<PairDetail>('POST', `${pair(id)}/documents/${yearParam(year)}/${kind}`, { body: { body } }),
  submitDocument: (id: string, year: string, kind: 'plan' | 'report') => request<PairDetail>('POST', `${pair(id)}/documents/${yearParam(year)}/${kind}/submit`),
  reviewDocument: (id: string, year: string, kind: 'plan' | 'report', decision: 'accept' | 'return', comment?: string) => request<PairDetail>('POST', `${pair(id)}/documents/${yearParam(year)}/${kind}/review`, { body: { decision, comment } }),
};
