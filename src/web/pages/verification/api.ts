import { ApiError } from '../../api.ts';
import { query, request } from '../../api.ts';
import type { AnswerInput, MediaReportInput, PrePublicationInput, Verification, VerificationKind } from './types.ts';

export type Direction = 'incoming' | 'outgoing';
/** Narrowed as the home page's counts are: not answered yet, or past the deadline. */
export type VerificationFilters = { status?: 'open'; overdue?: 'true' };

/** Verification before publishing (clause 4) and of media reports (clause 5): one exchange, two addresses. */
const paths: Record<VerificationKind, string> = { pre_publication: '/verification-requests', media_report: '/media-reports' };
const one = (kind: VerificationKind, id: string) => `${paths[kind]}/${encodeURIComponent(id)}`;

export const verificationApi = {
  list: (kind: VerificationKind, box: Direction, only: VerificationFilters = {}) => request<Verification[]>('GET', `${paths[kind]}${query({ box, ...only })}`),
  /** A request by its id alone (as in e-mails and search results): asked as a verification request first, then as a media report. */
  get: async (id: string) => {
    try {
      return await request<Verification>('GET', one('pre_publication', id));
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return request<Verification>('GET', one('media_report', id));
      throw error;
    }
  },
  askBeforePublishing: (input: PrePublicationInput, key: string) => request<Verification>('POST', paths.pre_publication, { body: input, idempotencyKey: key }),
  askAboutMediaReport: (input: MediaReportInput, key: string) => request<Verification>('POST', paths.media_report, { body: input, idempotencyKey: key }),
  answer: (v: Verification, input: AnswerInput, key: string) => request<Verification>('POST', `${one(v.kind, v.id)}/answer`, { body: input, idempotencyKey: key }),
  link: (v: Verification, notificationId: string, key: string) => request<Verification>('POST', `${one(v.kind, v.id)}/link`, { body: { notificationId }, idempotencyKey: key }),
};
