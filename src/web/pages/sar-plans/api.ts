import type { z } from 'zod';
import { request } from '../../api.ts';
import type { companySchema, dashboardSchema, importPreviewSchema, meSchema, planDetailSchema, planSummarySchema, rccModuleSchema, shipSchema } from '../../../server/sar-plans/schemas.ts';

export type SarMe = z.infer<typeof meSchema>;
export type Company = z.infer<typeof companySchema>;
export type Ship = z.infer<typeof shipSchema>;
export type PlanSummary = z.infer<typeof planSummarySchema>;
export type PlanDetail = z.infer<typeof planDetailSchema>;
export type RccModule = z.infer<typeof rccModuleSchema>;
export type Dashboard = z.infer<typeof dashboardSchema>;
export type ImportPreview = z.infer<typeof importPreviewSchema>;
export type RegisterKind = 'ships' | 'companies';

const plan = (id: string) => `/sar-plans/plans/${encodeURIComponent(id)}`;

export const sarApi = {
  me: () => request<SarMe>('GET', '/sar-plans/me'),
  dashboard: () => request<Dashboard>('GET', '/sar-plans/dashboard'),
  ships: () => request<Ship[]>('GET', '/sar-plans/ships'),
  companies: () => request<Company[]>('GET', '/sar-plans/companies'),
  modules: () => request<RccModule[]>('GET', '/sar-plans/rcc-modules'),
  plans: () => request<PlanSummary[]>('GET', '/sar-plans/plans'),
  plan: (id: string) => request<PlanDetail>('GET', plan(id)),
  createPlan: (shipId: string) => request<PlanDetail>('POST', '/sar-plans/plans', { body: { shipId } }),
  step: (id: string, step: 'issue' | 'withdraw' | 'recognise', body?: { reason?: string; comment?: string }) => request<PlanDetail>('POST', `${plan(id)}/${step}`, step === 'issue' ? {} : { body: body ?? {} }),
  acknowledge: (id: string, copyId: string, step: 'acknowledge' | 'acknowledge-withdrawal', receivedBy?: string) => request<PlanDetail>('POST', `${plan(id)}/copies/${encodeURIComponent(copyId)}/${step}`, { body: receivedBy ? { receivedBy } : {} }),
  /** The plan as a document, to open or download, in a language. */
  documentUrl: (id: string, kind: 'html' | 'pdf', lang: string) => `/api/v1${plan(id)}/${kind}?lang=${lang}`,
  preview: (kind: RegisterKind, format: 'csv' | 'xlsx', content: string) => request<ImportPreview>('POST', `/sar-plans/register/${kind}/import/preview`, { body: { format, content } }),
  import: (kind: RegisterKind, format: 'csv' | 'xlsx', content: string) => request<ImportPreview['counts']>('POST', `/sar-plans/register/${kind}/import`, { body: { format, content } }),
};
