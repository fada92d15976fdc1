/** The shapes of the meeting API, taken from the server's own schemas (type-only imports). */
import type { z } from 'zod';
import type { actionItemBody, createMeetingBody, meetingKind, meetingSchema, updateMeetingBody } from '../../../server/meetings/schemas.ts';

export type Meeting = z.infer<typeof meetingSchema>;
export type MeetingKind = z.infer<typeof meetingKind>;
export type ActionItem = Meeting['actionItems'][number];
export type CreateMeetingInput = z.input<typeof createMeetingBody>;
export type UpdateMeetingInput = z.input<typeof updateMeetingBody>;
export type ActionItemInput = z.input<typeof actionItemBody>;

/** The kinds of meeting, in the order the form offers them. */
export const meetingKinds = Object.keys({ joint_work: true, urgent_high_level: true, special_work: true } satisfies Record<MeetingKind, true>) as MeetingKind[];
