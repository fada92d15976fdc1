import { z } from 'zod';
import { day, instant } from '../platform/schemas.ts';
import { localizedTextSchema } from '../accounts/schemas.ts';

export const meetingKind = z
  .enum(['joint_work', 'urgent_high_level', 'special_work'])
  .describe('joint_work: review co-operation, plan the next stage; urgent_high_level: on a major incident (food-safety clause 6); special_work: e-commerce special work meeting');

const participant = z.object({ unitId: z.uuid(), name: z.string().trim().min(1).max(200), role: z.string().trim().max(200).nullish() }).strict();

export const createMeetingBody = z
  .object({
    kind: meetingKind,
    agreementCode: z.string().max(100).nullish(),
    title: z.string().trim().min(1).max(300),
    unitIds: z.array(z.uuid()).min(1).max(30).describe('The other units taking part (the convening unit always does)'),
    scheduledAt: instant,
    location: z.string().trim().max(300).nullish(),
    agenda: z.array(z.string().trim().min(1).max(1000)).max(50).default([]),
    participants: z.array(participant).max(200).default([]),
    triggerNotificationId: z.uuid().nullish().describe('The notification about a major incident this meeting is convened from'),
  })
  .strict();

export const updateMeetingBody = z
  .object({
    title: z.string().trim().min(1).max(300),
    scheduledAt: instant,
    location: z.string().trim().max(300).nullable(),
    agenda: z.array(z.string().trim().min(1).max(1000)).max(50),
    participants: z.array(participant).max(200),
    minutes: z.string().trim().max(100_000).nullable().describe('會談紀要: the minutes, kept as guidance for the work that follows'),
    decisions: z.array(z.string().trim().min(1).max(2000)).max(100),
  })
  .partial()
  .strict();

export const actionItemBody = z
  .object({
    description: z.string().trim().min(1).max(2000),
    ownerUnitId: z.uuid(),
    ownerName: z.string().trim().max(200).nullish(),
    dueOn: day,
  })
  .strict();

export const idParams = z.object({ id: z.uuid() });
export const itemParams = z.object({ id: z.uuid(), itemId: z.uuid() });

const unitRef = z.object({ id: z.uuid(), code: z.string(), partyCode: z.string(), name: localizedTextSchema });
export const meetingSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  agreementCode: z.string().nullable(),
  title: z.string(),
  convenedBy: unitRef,
  units: z.array(unitRef),
  scheduledAt: z.string(),
  location: z.string().nullable(),
  agenda: z.array(z.string()),
  participants: z.array(z.object({ unitId: z.string(), name: z.string(), role: z.string().nullable() })),
  minutes: z.string().nullable(),
  decisions: z.array(z.string()),
  trigger: z.object({ kind: z.string(), id: z.uuid(), reference: z.string().nullable() }).nullable(),
  actionItems: z.array(
    z.object({ id: z.uuid(), description: z.string(), ownerUnitId: z.uuid(), ownerName: z.string().nullable(), dueOn: z.string(), status: z.enum(['open', 'done']), doneAt: z.string().nullable(), overdue: z.boolean() }),
  ),
  createdBy: z.string(),
  createdAt: z.string(),
});

export const meetingsQuery = z.object({
  notificationId: z.uuid().optional().describe('Only meetings convened from this notification'),
  upcoming: z.enum(['true', 'false']).optional().describe('true: only meetings still to come'),
  actionItems: z.enum(['overdue', 'due_soon']).optional().describe("Only meetings holding an open action item of the caller's unit overdue, or due within 7 days"),
});
