import { query, request } from '../../../api.ts';
import type {
  CreateNotificationInput,
  CustomsRoutingInput,
  DisseminationInput,
  ExpertConsultationInput,
  FollowUpInput,
  NotificationDetail,
  NotificationList,
  NotificationSummary,
  UpdateNotificationInput,
} from './types.ts';

export type NotificationBox = 'inbox' | 'sent' | 'drafts';
export type ListFilters = { category?: string; classification?: string; status?: string; overdue?: string; unread?: string; openRequests?: string; dueSoon?: string; awaitingMyApproval?: string; from?: string; to?: string; q?: string };

/** Steps that take no body: submit for approval, approve and send, acknowledge. */
export type Step = 'submit' | 'approve' | 'acknowledge';

const base = (id: string) => `/notifications/${encodeURIComponent(id)}`;
const post = (id: string, path: string, body: unknown, key: string) => request<NotificationDetail>('POST', `${base(id)}/${path}`, { body, idempotencyKey: key });

export const notificationsApi = {
  list: (box: NotificationBox, filters: ListFilters, offset = 0, limit = 50) => request<NotificationList>('GET', `/notifications${query({ box, ...filters, offset, limit })}`),
  summary: () => request<NotificationSummary>('GET', '/notifications/summary'),
  get: (id: string) => request<NotificationDetail>('GET', base(id)),
  create: (input: CreateNotificationInput, key: string) => request<NotificationDetail>('POST', '/notifications', { body: input, idempotencyKey: key }),
  update: (id: string, change: UpdateNotificationInput) => request<NotificationDetail>('PATCH', base(id), { body: change }),

  step: (id: string, step: Step, key: string) => request<NotificationDetail>('POST', `${base(id)}/${step}`, { idempotencyKey: key }),
  returnToAuthor: (id: string, comment: string, key: string) => post(id, 'return', { comment }, key),
  withdraw: (id: string, reason: string, key: string) => post(id, 'withdraw', { reason }, key),
  close: (id: string, comment: string | null, key: string) => post(id, 'close', { comment }, key),
  followUp: (id: string, input: FollowUpInput, key: string) => post(id, 'follow-ups', input, key),
  disseminate: (id: string, input: DisseminationInput, key: string) => post(id, 'disseminations', input, key),
  routeToCustoms: (id: string, input: CustomsRoutingInput, key: string) => post(id, 'customs-routing', input, key),
  acknowledgeCustomsRouting: (id: string, routingId: string, key: string) => post(id, `customs-routing/${encodeURIComponent(routingId)}/acknowledge`, undefined, key),
  consultExperts: (id: string, input: ExpertConsultationInput, key: string) => post(id, 'expert-consultations', input, key),
  recordAdvice: (id: string, consultationId: string, advice: string, key: string) => post(id, `expert-consultations/${encodeURIComponent(consultationId)}/advice`, { advice }, key),
  attach: (id: string, file: File, key: string) => {
    const form = new FormData();
    form.append('file', file);
    return request<{ id: string }>('POST', `${base(id)}/attachments`, { form, idempotencyKey: key });
  },
  removeAttachment: (id: string, attachmentId: string) => request<null>('DELETE', `${base(id)}/attachments/${encodeURIComponent(attachmentId)}`),
  attachmentUrl: (id: string, attachmentId: string) => `/api/v1${base(id)}/attachments/${encodeURIComponent(attachmentId)}`,
};
