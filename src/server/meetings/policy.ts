import type { Viewer } from '../platform/context.ts';
import { actsForAUnit, actsForUnit } from '../units/acting.ts';
import { notificationPolicy } from '../notifications/policy.ts';

type Parties = { senderUnitId: string; recipientUnitId: string; status: string; authorId: string | null; sentAt?: Date | null };

/** Who may do what with a meeting (M13): the units taking part keep its record together. */
export const meetingPolicy = {
  /** A meeting is seen by the units taking part, and only by them. */
  read: (viewer: Viewer, m: { unitIds: string[] }) => !!viewer.unitId && m.unitIds.includes(viewer.unitId),
  convene: (viewer: Viewer) => actsForAUnit(viewer),
  /** Any unit taking part keeps the record: agenda, participants, minutes and decisions. */
  change: (viewer: Viewer) => actsForAUnit(viewer),
  addActionItem: (viewer: Viewer) => actsForAUnit(viewer),
  /** The owning unit marks its action item done. */
  completeActionItem: (viewer: Viewer, item: { ownerUnitId: string }) => actsForUnit(viewer, item.ownerUnitId),
  /** A meeting is convened from, and links back to, only a notification the viewer may read: units invited beyond the notification's two may not learn about it from the meeting. */
  seeNotification: (viewer: Viewer, n: Parties) => notificationPolicy.read(viewer, n),
};
