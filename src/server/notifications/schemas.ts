import { z } from 'zod';
import { day, instant } from '../platform/schemas.ts';

/** Clause 2 of the food-safety agreement: what counts as food-safety information. */
export const category = z
  .enum(['policy_regulation_standard', 'monitoring_result', 'recall_special_action', 'major_incident', 'investigation_conclusion'])
  .describe('Clause 2: major policy/regulation/standard introduced or changed; important monitoring (sampling) result or risk monitoring; large-scale recall or special action; major food incident involving both sides; investigation conclusion');
/** RASFF's classification (Regulation (EU) 2019/1715 Art. 2). */
export const classification = z.enum(['alert', 'follow_up', 'attention', 'news']).describe('alert; information for follow-up; information for attention; news');
export const riskDecision = z.enum(['serious', 'not_serious', 'undecided']);
export const basis = z.enum(['official_control', 'border_control', 'monitoring_programme', 'consumer_complaint', 'own_check', 'food_poisoning', 'media_report']);
export const script = z.enum(['zh-Hant', 'zh-Hans']).describe('The script the text is written in; it is kept as written and is authoritative');
export const followUpKind = z.enum(['additional_information', 'measures_taken', 'request_for_information', 'reclassification']);
export const notificationStatus = z.enum(['draft', 'submitted', 'returned', 'sent', 'acknowledged', 'closed', 'withdrawn']);

const line = (max: number) => z.string().trim().max(max);
const product = z
  .object({
    name: line(300).min(1),
    category: line(100).nullish(),
    brand: line(200).nullish(),
    lot: line(200).nullish().describe('Lot or batch number'),
    origin: line(200).nullish().describe('Country or place of origin'),
    hsCode: z.string().trim().regex(/^\d{4}(\.?\d{2}){0,3}$/).nullish().describe('Harmonized System code, e.g. 0306.17'),
  })
  .strict();
const hazard = z
  .object({
    agent: line(300).min(1).describe('e.g. malachite green, Salmonella'),
    result: line(100).nullish().describe('The analytical result'),
    unit: line(50).nullish().describe('e.g. µg/kg'),
    limit: line(100).nullish().describe('The legal limit'),
  })
  .strict();
const distribution = z.object({ area: line(200).min(1), details: line(1000).nullish() }).strict();

/**
 * The required contents of clause 1 (scope, control measures, matters needing attention) may be
 * empty in a draft; submitting checks them.
 */
export const notificationText = z
  .object({
    title: line(300).describe('Short title'),
    scope: line(20_000).describe('範圍: the scope of the event'),
    measures: line(20_000).describe('防控措施: control measures taken'),
    attention: line(20_000).describe('需要注意的事項: matters needing attention'),
  })
  .strict();

/** The fields of a notification, without defaults (a PATCH must not reset what it leaves out). */
const notificationFields = {
  category,
  classification,
  riskDecision,
  basis,
  script,
  text: notificationText,
  summaryEn: line(5000).nullish().describe('Optional English summary'),
  products: z.array(product).max(50),
  hazards: z.array(hazard).max(50),
  distribution: z.array(distribution).max(100),
  relatedIds: z.array(z.uuid()).max(20).describe('Earlier notifications this one follows'),
  customsChannel: z.boolean().describe('About imported or exported food, incl. food supplied to Hong Kong (clause 1 ¶4)'),
};

export const createNotificationBody = z
  .object({
    ...notificationFields,
    recipientUnitId: z.uuid().describe('The counterpart liaison unit'),
    riskDecision: riskDecision.default('undecided'),
    products: notificationFields.products.default([]),
    hazards: notificationFields.hazards.default([]),
    distribution: notificationFields.distribution.default([]),
    relatedIds: notificationFields.relatedIds.default([]),
    customsChannel: notificationFields.customsChannel.default(false),
  })
  .strict();

export const updateNotificationBody = z
  .object({ ...notificationFields, text: notificationText.partial() })
  .partial()
  .strict();

export const commentBody = z.object({ comment: z.string().trim().min(1).max(5000) }).strict();
export const reasonBody = z.object({ reason: z.string().trim().min(1).max(5000) }).strict();

export const followUpBody = z
  .object({
    kind: followUpKind,
    script,
    text: z.string().trim().min(1).max(20_000),
    newClassification: classification.nullish().describe('With kind reclassification: the new classification'),
    answersId: z.uuid().nullish().describe('The request for information this answers'),
  })
  .strict()
  .refine((f) => f.kind !== 'reclassification' || f.newClassification, { message: 'required', path: ['newClassification'] });

export const disseminationBody = z
  .object({
    department: line(300).min(1).describe('The department informed'),
    informedAt: instant,
    means: z.enum(['email', 'fax', 'phone', 'letter', 'meeting', 'system']),
    note: line(2000).nullish(),
  })
  .strict();

export const distributionListBody = z.object({ name: line(200).min(1), departments: z.array(line(300).min(1)).min(1).max(100) }).strict();

export const customsRoutingBody = z
  .object({
    customsUnitId: z.uuid().optional().describe('A customs unit in Liaison (a unit of kind customs): it then reads the notification, follows it up and acknowledges its routing'),
    routedTo: line(300).min(1).optional().describe('Or: a customs or inspection department outside Liaison, named, that the notification was handed to'),
    routedAt: instant,
  })
  .strict();

export const expertConsultationBody = z
  .object({
    question: z.string().trim().min(1).max(10_000),
    experts: z.array(z.object({ name: line(200).min(1), affiliation: line(300).nullish() }).strict()).min(1).max(20),
  })
  .strict();
export const expertAdviceBody = z.object({ advice: z.string().trim().min(1).max(50_000) }).strict();

export const listQuery = z.object({
  box: z.enum(['inbox', 'sent', 'drafts']).default('inbox').describe('inbox: sent to my unit; sent: sent by my unit; drafts: my unit\'s not yet sent'),
  category: category.optional(),
  classification: classification.optional(),
  status: notificationStatus.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  unread: z.enum(['true', 'false']).optional().describe('true: only what the caller has not opened yet (inbox)'),
  openRequests: z.enum(['true', 'false', 'overdue']).optional().describe("true: only those with a request for information from the other side that the caller's unit has not answered; overdue: of those, answer past due"),
  dueSoon: z.enum(['true', 'false']).optional().describe('true: only those sent and awaiting acknowledgement, due within the next 24 hours (not yet overdue)'),
  awaitingMyApproval: z.enum(['true', 'false']).optional().describe('true (drafts): submitted for approval and written by none other than someone else — what the caller, an approver, may approve (four eyes)'),
  from: day.optional().describe("Sent (or, for drafts, created) on or after this day of the region's calendar (UTC+8)"),
  to: day.optional().describe("Sent (or, for drafts, created) on or before this day of the region's calendar (UTC+8)"),
  q: z.string().trim().min(1).max(200).optional().describe('Words in the notification, either script'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const idParams = z.object({ id: z.uuid() });
export const subParams = z.object({ id: z.uuid(), subId: z.uuid() });
