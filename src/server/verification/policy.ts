import type { Viewer } from '../platform/context.ts';
import { actsForAUnit, actsForUnit } from '../units/acting.ts';
import { notificationPolicy } from '../notifications/policy.ts';

type Request = { fromUnitId: string; toUnitId: string };
type Parties = { senderUnitId: string; recipientUnitId: string; status: string; authorId: string | null; sentAt?: Date | null };

/** Who may do what with a verification request or a media-report check (clauses 4 and 5). */
export const verificationPolicy = {
  /** Only the asking and the asked unit know the request exists. */
  read: (viewer: Viewer, r: Request) => viewer.unitId === r.fromUnitId || viewer.unitId === r.toUnitId,
  ask: (viewer: Viewer) => actsForAUnit(viewer),
  /** Only the unit asked answers. */
  answer: (viewer: Viewer, r: Request) => actsForUnit(viewer, r.toUnitId),
  link: (viewer: Viewer) => actsForAUnit(viewer),
  /** Only a notification both units of the request can read: a sent one, between them. */
  linkNotification: (viewer: Viewer, n: Parties, otherUnitId: string) => !!n.sentAt && notificationPolicy.read(viewer, n) && [n.senderUnitId, n.recipientUnitId].includes(otherUnitId),
};
