import { query, request } from '../../api.ts';
import type { ActionItemInput, CreateMeetingInput, Meeting, UpdateMeetingInput } from './types.ts';

/** Narrowed as the home page's counts are: still to come, or holding the unit's action items overdue or due soon. */
export type MeetingFilters = { upcoming?: 'true'; actionItems?: 'overdue' | 'due_soon' };

const one = (id: string) => `/meetings/${encodeURIComponent(id)}`;

export const meetingsApi = {
  list: (notificationId?: string, only: MeetingFilters = {}) => request<Meeting[]>('GET', `/meetings${query({ notificationId, ...only })}`),
  get: (id: string) => request<Meeting>('GET', one(id)),
  convene: (input: CreateMeetingInput, key: string) => request<Meeting>('POST', '/meetings', { body: input, idempotencyKey: key }),
  update: (id: string, change: UpdateMeetingInput) => request<Meeting>('PATCH', one(id), { body: change }),
  addActionItem: (id: string, input: ActionItemInput, key: string) => request<Meeting>('POST', `${one(id)}/action-items`, { body: input, idempotencyKey: key }),
  markDone: (id: string, itemId: string, key: string) => request<Meeting>('POST', `${one(id)}/action-items/${encodeURIComponent(itemId)}/done`, { idempotencyKey: key }),
};

/** Agenda items and decisions are typed one per line. */
export const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
