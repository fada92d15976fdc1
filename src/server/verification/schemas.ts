import { z } from 'zod';
import { day, instant } from '../platform/schemas.ts';
import { localizedTextSchema } from '../accounts/schemas.ts';

export const requestKind = z.enum(['pre_publication', 'media_report']).describe('pre_publication: verify before announcing to the media (clause 4); media_report: an uncertain media report to verify (clause 5)');
export const outcome = z
  .enum(['confirmed', 'corrected', 'disputed', 'refuted', 'partly_true'])
  .describe('Before publication: confirmed, corrected or disputed. A media report: confirmed, refuted or partly_true');
const script = z.enum(['zh-Hant', 'zh-Hans']);
const media = z
  .object({
    outlet: z.string().trim().min(1).max(200).describe('Newspaper, TV or radio station'),
    publishedOn: day,
    link: z.url().max(1000).nullish(),
    claim: z.string().trim().min(1).max(5000).describe('What the report claims'),
  })
  .strict();

const base = {
  toUnitId: z.uuid().describe('The counterpart unit asked to verify'),
  script,
  subject: z.string().trim().min(1).max(300),
  question: z.string().trim().min(1).max(10_000),
  enterprise: z.string().trim().max(300).nullish().describe('The enterprise in the other side\'s area concerned'),
  deadlineAt: instant.describe('Answer by'),
  notificationId: z.uuid().nullish(),
};

export const createPrePublicationBody = z
  .object({ ...base, plannedReleaseAt: instant.describe('When the media release is planned') })
  .strict();
export const createMediaReportBody = z.object({ ...base, media }).strict();

export const answerBody = z.object({ outcome, script, answer: z.string().trim().min(1).max(20_000) }).strict();
export const linkBody = z.object({ notificationId: z.uuid() }).strict();
export const listQuery = z.object({
  box: z.enum(['incoming', 'outgoing']).default('incoming'),
  status: z.enum(['open', 'answered']).optional().describe('open: not answered yet; answered'),
  overdue: z.enum(['true', 'false']).optional().describe('true: only those not answered by their deadline'),
});
export const idParams = z.object({ id: z.uuid() });

const unitRef = z.object({ id: z.uuid(), code: z.string(), partyCode: z.string(), name: localizedTextSchema });
export const verificationSchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  kind: requestKind,
  from: unitRef,
  to: unitRef,
  authoritativeScript: z.string(),
  subject: z.object({ 'zh-Hant': z.string(), 'zh-Hans': z.string() }),
  question: z.object({ 'zh-Hant': z.string(), 'zh-Hans': z.string() }),
  enterprise: z.string().nullable(),
  media: media.extend({ link: z.string().nullable().optional() }).nullable(),
  plannedReleaseAt: z.string().nullable(),
  deadlineAt: z.string(),
  status: z.enum(['open', 'answered']),
  outcome: z.string().nullable(),
  answer: z.object({ 'zh-Hant': z.string(), 'zh-Hans': z.string() }).nullable(),
  answeredAt: z.string().nullable(),
  answeredBy: z.string().nullable(),
  overdue: z.boolean(),
  /** For a planned media release: cleared (confirmed or corrected in time), blocked (disputed), pending, or expired (no answer by the deadline). */
  releaseGate: z.enum(['cleared', 'blocked', 'pending', 'expired']).nullable(),
  notificationId: z.uuid().nullable(),
  notification: z
    .object({ id: z.uuid(), reference: z.string().nullable(), title: z.object({ 'zh-Hant': z.string(), 'zh-Hans': z.string() }) })
    .nullable()
    .describe('The notification that followed, by its number and title'),
  createdBy: z.string(),
  createdAt: z.string(),
});
