import type { z } from 'zod';
import { query, request } from '../../api.ts';
import type {
  companyBody,
  companyDetailSchema,
  companySchema,
  dashboardSchema,
  exerciseBody,
  importPreviewSchema,
  meSchema,
  planDetailSchema,
  planSummarySchema,
  rccModuleBody,
  rccModuleSchema,
  shipBody,
  shipDetailSchema,
  shipSchema,
  updateCompanyBody,
  updatePlanBody,
  updateShipBody,
} from '../../../server/sar-plans/schemas.ts';

export type SarMe = z.infer<typeof meSchema>;
export type Company = z.infer<typeof companySchema>;
export type Ship = z.infer<typeof shipSchema>;
export type PlanSummary = z.infer<typeof planSummarySchema>;
export type PlanDetail = z.infer<typeof planDetailSchema>;
export type RccModule = z.infer<typeof rccModuleSchema>;
export type Dashboard = z.infer<typeof dashboardSchema>;
export type ImportPreview = z.infer<typeof importPreviewSchema>;
export type RegisterKind = 'ships' | 'companies';
export type CompanyDetail = z.infer<typeof companyDetailSchema>;
export type ShipDetail = z.infer<typeof shipDetailSchema>;
export type CompanyInput = z.input<typeof companyBody>;
export type CompanyChange = z.input<typeof updateCompanyBody>;
export type ShipInput = z.input<typeof shipBody>;
export type ShipChange = z.input<typeof updateShipBody>;
export type RccModuleInput = z.input<typeof rccModuleBody>;
export type ExerciseInput = z.input<typeof exerciseBody>;
export type PlanChange = z.input<typeof updatePlanBody>;

const plan = (id: string) => `/sar-plans/plans/${encodeURIComponent(id)}`;

export const sarApi = {
  me: () => request<SarMe>('GET', '/sar-plans/me'),
  dashboard: () => request<Dashboard>('GET', '/sar-plans/dashboard'),
  ships: () => request<Ship[]>('GET', '/sar-plans/ships'),
  ship: (id: string) => request<ShipDetail>('GET', `/sar-plans/ships/${encodeURIComponent(id)}`),
  createShip: (input: ShipInput) => request<ShipDetail>('POST', '/sar-plans/ships', { body: input }),
  updateShip: (id: string, change: ShipChange) => request<ShipDetail>('PATCH', `/sar-plans/ships/${encodeURIComponent(id)}`, { body: change }),
  companies: (place?: string) => request<Company[]>('GET', `/sar-plans/companies${query({ place })}`),
  company: (id: string) => request<CompanyDetail>('GET', `/sar-plans/companies/${encodeURIComponent(id)}`),
  createCompany: (input: CompanyInput) => request<CompanyDetail>('POST', '/sar-plans/companies', { body: input }),
  updateCompany: (id: string, change: CompanyChange) => request<CompanyDetail>('PATCH', `/sar-plans/companies/${encodeURIComponent(id)}`, { body: change }),
  modules: () => request<RccModule[]>('GET', '/sar-plans/rcc-modules'),
  /** A new version of the signed-in agency's own Module 3. */
  issueModule: (input: RccModuleInput) => request<{ id: string }>('POST', '/sar-plans/rcc-modules', { body: input }),
  plans: () => request<PlanSummary[]>('GET', '/sar-plans/plans'),
  plan: (id: string) => request<PlanDetail>('GET', plan(id)),
  createPlan: (shipId: string) => request<PlanDetail>('POST', '/sar-plans/plans', { body: { shipId } }),
  /** Module 4 (SAR facilities) and notes; the next issue carries them. */
  updatePlan: (id: string, change: PlanChange) => request<PlanDetail>('PATCH', plan(id), { body: change }),
  recordExercise: (id: string, input: ExerciseInput) => request<PlanDetail>('POST', `${plan(id)}/exercises`, { body: input }),
  step: (id: string, step: 'issue' | 'withdraw' | 'recognise', body?: { reason?: string; comment?: string }) => request<PlanDetail>('POST', `${plan(id)}/${step}`, step === 'issue' ? {} : { body: body ?? {} }),
  acknowledge: (id: string, copyId: string, step: 'acknowledge' | 'acknowledge-withdrawal', receivedBy?: string) => request<PlanDetail>('POST', `${plan(id)}/copies/${encodeURIComponent(copyId)}/${step}`, { body: receivedBy ? { receivedBy } : {} }),
  /** The plan as a document, to open or download, in a language. */
  documentUrl: (id: string, kind: 'html' | 'pdf', lang: string) => `/api/v1${plan(id)}/${kind}?lang=${lang}`,
  preview: (kind: RegisterKind, format: 'csv' | 'xlsx', content: string) => request<ImportPreview>('POST', `/sar-plans/register/${kind}/import/preview`, { body: { format, content } }),
  import: (kind: RegisterKind, format: 'csv' | 'xlsx', content: string) => request<ImportPreview['counts']>('POST', `/sar-plans/register/${kind}/import`, { body: { format, content } }),
};
