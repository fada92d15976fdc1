import type { z } from 'zod';
import { query, request } from '../../api.ts';
import type {
  analysisSchema,
  authoritySchema,
  compareSchema,
  contentOutSchema,
  enforcementUnitSchema,
  instrumentContentSchema,
  instrumentDetailSchema,
  instrumentPageSchema,
  ipMeSchema,
  operationBody,
  operationSchema,
  leadBody,
  leadPartySchema,
  leadSchema,
  programmeItemSchema,
  revisionSchema,
  updateEntrySchema,
  updateListSchema,
} from '../../../server/ip/schemas.ts';

export type IpMe = z.infer<typeof ipMeSchema>;
export type InstrumentPage = z.infer<typeof instrumentPageSchema>;
export type Instrument = InstrumentPage['instruments'][number];
export type InstrumentDetail = z.infer<typeof instrumentDetailSchema>;
export type Compare = z.infer<typeof compareSchema>;
export type Update = z.infer<typeof updateListSchema>[number];
export type Authority = z.infer<typeof authoritySchema>;
export type Revision = z.infer<typeof revisionSchema>;
export type Content = z.infer<typeof contentOutSchema>;
export type ContentInput = z.input<typeof instrumentContentSchema>;
export type UpdateEntryInput = z.input<typeof updateEntrySchema>;
export type ProgrammeItem = z.infer<typeof programmeItemSchema>;
export type Lead = z.infer<typeof leadSchema>;
export type LeadInput = z.input<typeof leadBody>;
export type LeadParty = z.infer<typeof leadPartySchema>;
export type Operation = z.infer<typeof operationSchema>;
export type OperationInput = z.input<typeof operationBody>;
export type Analysis = z.infer<typeof analysisSchema>;
export type EnforcementUnit = z.infer<typeof enforcementUnitSchema>;

const revision = (id: string) => `/ip/revisions/${encodeURIComponent(id)}`;
const lead = (id: string) => `/ip/leads/${encodeURIComponent(id)}`;

export const ipApi = {
  me: () => request<IpMe>('GET', '/ip/me'),
  instruments: (filter: { q?: string; jurisdiction?: string; subject?: string; type?: string; offset?: number }) => request<InstrumentPage>('GET', `/ip/instruments${query({ ...filter, limit: 50 })}`),
  instrument: (code: string) => request<InstrumentDetail>('GET', `/ip/instruments/${encodeURIComponent(code)}`),
  compare: (subject: string) => request<Compare>('GET', `/ip/compare${query({ subject })}`),
  updates: () => request<Update[]>('GET', '/ip/updates?limit=50'),
  authorities: () => request<Authority[]>('GET', '/ip/authorities'),
  draftOf: (code: string) => request<Content>('GET', `/ip/instruments/${encodeURIComponent(code)}/draft`),
  revisions: () => request<Revision[]>('GET', '/ip/revisions'),
  revision: (id: string) => request<Revision>('GET', revision(id)),
  draft: (content: ContentInput, update: UpdateEntryInput | null) => request<Revision>('POST', '/ip/revisions', { body: { content, update } }),
  edit: (id: string, content: ContentInput, update: UpdateEntryInput | null) => request<Revision>('PATCH', revision(id), { body: { content, update } }),
  step: (id: string, step: 'submit' | 'publish' | 'return', body?: { comment: string }) => request<Revision>('POST', `${revision(id)}/${step}`, { body: body ?? {} }),
  programme: () => request<ProgrammeItem[]>('GET', '/ip/work-programme'),
  updateProgramme: (code: string, body: { status?: string; note: string }) => request<ProgrammeItem>('POST', `/ip/work-programme/${encodeURIComponent(code)}/updates`, { body }),
  recipients: () => request<EnforcementUnit[]>('GET', '/ip/lead-recipients'),
  leads: (box: 'sent' | 'received') => request<Lead[]>('GET', `/ip/leads${query({ box })}`),
  lead: (id: string) => request<Lead>('GET', lead(id)),
  sendLead: (input: LeadInput) => request<Lead>('POST', '/ip/leads', { body: input }),
  acknowledge: (id: string, comment?: string) => request<Lead>('POST', `${lead(id)}/acknowledge`, { body: { comment: comment || null } }),
  answer: (id: string, outcome: string, feedback: string) => request<Lead>('POST', `${lead(id)}/answer`, { body: { outcome, feedback } }),
  passOn: (id: string, toUnitId: string, comment?: string) => request<Lead>('POST', `${lead(id)}/pass-on`, { body: { toUnitId, comment: comment || null } }),
  analysis: (period: { from?: string; to?: string }) => request<Analysis>('GET', `/ip/analysis${query(period)}`),
  operationMembers: () => request<EnforcementUnit[]>('GET', '/ip/operation-members'),
  operations: () => request<Operation[]>('GET', '/ip/operations'),
  operation: (id: string) => request<Operation>('GET', `/ip/operations/${encodeURIComponent(id)}`),
  createOperation: (input: OperationInput) => request<Operation>('POST', '/ip/operations', { body: input }),
  attachLead: (id: string, leadId: string) => request<Operation>('POST', `/ip/operations/${encodeURIComponent(id)}/leads`, { body: { leadId } }),
  parties: (id: string) => request<LeadParty[]>('GET', `${lead(id)}/parties`),
};
