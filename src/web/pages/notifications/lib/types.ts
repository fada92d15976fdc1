/**
 * The shapes of the notification, verification and meeting APIs, taken from the server's own
 * schemas (type-only imports: nothing of the server reaches the bundle).
 */
import type { z } from 'zod';
import type {
  basis,
  category,
  classification,
  createNotificationBody,
  customsRoutingBody,
  disseminationBody,
  expertConsultationBody,
  followUpBody,
  followUpKind,
  notificationStatus,
  riskDecision,
  script,
  updateNotificationBody,
} from '../../../../server/notifications/schemas.ts';
import type { notificationDetailSchema, notificationListItemSchema, notificationListSchema, summarySchema } from '../../../../server/notifications/responses.ts';
import type { answerBody, createMediaReportBody, createPrePublicationBody, outcome, verificationSchema } from '../../../../server/verification/schemas.ts';
import type { actionItemBody, createMeetingBody, meetingKind, meetingSchema, updateMeetingBody } from '../../../../server/meetings/schemas.ts';

export type Category = z.infer<typeof category>;
export type Classification = z.infer<typeof classification>;
export type RiskDecision = z.infer<typeof riskDecision>;
export type Basis = z.infer<typeof basis>;
export type Script = z.infer<typeof script>;
export type FollowUpKind = z.infer<typeof followUpKind>;
export type NotificationStatus = z.infer<typeof notificationStatus>;
export type Means = z.infer<typeof disseminationBody>['means'];

export type NotificationDetail = z.infer<typeof notificationDetailSchema>;
export type NotificationList = z.infer<typeof notificationListSchema>;
export type NotificationListItem = z.infer<typeof notificationListItemSchema>;
export type NotificationSummary = z.infer<typeof summarySchema>;
export type FollowUp = NotificationDetail['followUps'][number];
export type ExpertConsultation = NotificationDetail['expertConsultations'][number];

export type CreateNotificationInput = z.input<typeof createNotificationBody>;
export type UpdateNotificationInput = z.input<typeof updateNotificationBody>;
export type FollowUpInput = z.input<typeof followUpBody>;
export type DisseminationInput = z.input<typeof disseminationBody>;
export type CustomsRoutingInput = z.input<typeof customsRoutingBody>;
export type ExpertConsultationInput = z.input<typeof expertConsultationBody>;

export type Verification = z.infer<typeof verificationSchema>;
export type VerificationKind = Verification['kind'];
export type Outcome = z.infer<typeof outcome>;
export type PrePublicationInput = z.input<typeof createPrePublicationBody>;
export type MediaReportInput = z.input<typeof createMediaReportBody>;
export type AnswerInput = z.input<typeof answerBody>;

export type Meeting = z.infer<typeof meetingSchema>;
export type MeetingKind = z.infer<typeof meetingKind>;
export type ActionItem = Meeting['actionItems'][number];
export type CreateMeetingInput = z.input<typeof createMeetingBody>;
export type UpdateMeetingInput = z.input<typeof updateMeetingBody>;
export type ActionItemInput = z.input<typeof actionItemBody>;
