/**
 * The shapes of the notification API, taken from the server's own
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
