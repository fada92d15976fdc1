import { z } from 'zod';
import { localizedTextSchema } from '../accounts/schemas.ts';

const text = z.object({ title: z.string(), scope: z.string(), measures: z.string(), attention: z.string() });
const unitRef = z.object({ id: z.uuid(), code: z.string(), partyCode: z.string(), name: localizedTextSchema });
const nullableString = z.string().nullable();

export const notificationSchema = z.object({
  id: z.uuid(),
  reference: nullableString.describe('Given when sent, e.g. HK-FS-2026-0042'),
  agreementCode: z.string(),
  sender: unitRef,
  recipient: unitRef,
  status: z.string(),
  category: z.string(),
  classification: z.string(),
  riskDecision: z.string(),
  basis: z.string(),
  authoritativeScript: z.enum(['zh-Hant', 'zh-Hans']).describe('The script the author wrote in; the other is converted'),
  text: z.object({ 'zh-Hant': text, 'zh-Hans': text }),
  summaryEn: nullableString,
  products: z.array(z.record(z.string(), z.string().nullable())),
  hazards: z.array(z.record(z.string(), z.string().nullable())),
  distribution: z.array(z.record(z.string(), z.string().nullable())),
  relatedIds: z.array(z.uuid()),
  customs: z.object({
    channel: z.boolean(),
    routings: z
      .array(
        z.object({
          id: z.uuid(),
          routedBy: unitRef.nullable().describe('The unit that routed it'),
          customsUnit: unitRef.nullable().describe('The customs unit in Liaison it was routed to; null for a department outside Liaison'),
          routedTo: nullableString.describe('The department outside Liaison it was handed to'),
          routedAt: z.string(),
          acknowledgedAt: nullableString,
          acknowledgedBy: nullableString,
          canAcknowledge: z.boolean().describe('The caller acts for this customs unit and it has not acknowledged yet'),
        }),
      )
      .describe('Every routing, oldest first (clause 1 ¶4)'),
  }),
  authorName: nullableString,
  approverName: nullableString,
  returnComment: nullableString,
  withdrawReason: nullableString,
  createdAt: z.string(),
  submittedAt: nullableString,
  sentAt: nullableString,
  receivedAt: nullableString,
  acknowledgedAt: nullableString,
  closedAt: nullableString,
  withdrawnAt: nullableString,
  ackDueAt: nullableString.describe('Acknowledge by (from the classification)'),
  overdue: z.boolean(),
  unread: z.boolean(),
});

export const notificationDetailSchema = notificationSchema.extend({
  timeline: z.array(z.object({ at: z.string(), kind: z.string(), actor: z.string(), unitId: nullableString, comment: nullableString })),
  followUps: z.array(
    z.object({
      id: z.uuid(),
      fromUnitId: z.uuid(),
      kind: z.string(),
      authoritativeScript: z.string(),
      text: z.object({ 'zh-Hant': z.string(), 'zh-Hans': z.string() }),
      newClassification: nullableString,
      answerDueAt: nullableString,
      answersId: nullableString,
      answeredAt: nullableString,
      overdue: z.boolean(),
      createdBy: z.string(),
      createdAt: z.string(),
    }),
  ),
  disseminations: z.array(z.object({ id: z.uuid(), department: z.string(), informedAt: z.string(), means: z.string(), note: nullableString, recordedBy: z.string() })),
  expertConsultations: z.array(
    z.object({ id: z.uuid(), question: z.string(), experts: z.array(z.object({ name: z.string(), affiliation: nullableString })), advice: nullableString, adviceAt: nullableString, requestedBy: z.string(), requestedAt: z.string(), shared: z.boolean().describe('Referred after sending, so the other side sees it; otherwise the referring unit\'s own'), canAdvise: z.boolean().describe('The caller may record the advice now') }),
  ),
  attachments: z.array(z.object({ id: z.uuid(), filename: z.string(), contentType: z.string(), size: z.number(), sha256: z.string(), uploadedBy: z.string(), uploadedAt: z.string() })),
  meetings: z.array(z.object({ id: z.uuid(), title: z.string(), kind: z.string(), scheduledAt: z.string() })).describe('Meetings convened from this notification'),
  related: z.array(z.object({ id: z.uuid(), reference: nullableString, title: z.object({ 'zh-Hant': z.string(), 'zh-Hans': z.string() }) })),
  can: z.record(z.string(), z.boolean()).describe('What the caller may do now'),
});

/** A notification as a box lists it: what identifies it and where it stands, not its contents. */
export const notificationListItemSchema = notificationSchema
  .pick({
    id: true,
    reference: true,
    agreementCode: true,
    sender: true,
    recipient: true,
    status: true,
    category: true,
    classification: true,
    riskDecision: true,
    basis: true,
    authoritativeScript: true,
    summaryEn: true,
    createdAt: true,
    submittedAt: true,
    sentAt: true,
    acknowledgedAt: true,
    closedAt: true,
    withdrawnAt: true,
    ackDueAt: true,
    overdue: true,
    unread: true,
  })
  .extend({
    title: z.object({ 'zh-Hant': z.string(), 'zh-Hans': z.string() }),
    customsChannel: z.boolean(),
  });

export const notificationListSchema = z.object({
  total: z.number().describe('Matches, counted up to 1 000, with or without q'),
  more: z.boolean().describe('There are more matches than total says'),
  items: z.array(notificationListItemSchema).describe('Each notification in brief; GET /notifications/{id} gives its contents'),
});
export const summarySchema = z.object({
  unread: z.number(),
  overdue: z.number().describe('Inbox notifications past their acknowledgement deadline'),
  awaitingApproval: z.number(),
  openRequests: z.number().describe('Requests for information put to my unit, not answered'),
  openRequestsOnSent: z.number().describe('Of those, the ones on notifications my unit sent (the rest are in its inbox)'),
  overdueRequests: z.number(),
});
export const createdSchema = z.object({ id: z.uuid() });
