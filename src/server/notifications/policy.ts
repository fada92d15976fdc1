import { hasRole, type Viewer } from '../platform/context.ts';
import { forbidden } from '../platform/errors.ts';
import { actsForAUnit, actsForUnit, worksForUnit } from '../units/acting.ts';

type Parties = { senderUnitId: string; recipientUnitId: string; status: string; authorId: string | null; customsUnitIds?: string[] };

const sentStatuses = ['sent', 'acknowledged', 'closed', 'withdrawn'];
/** Withdrawn after sending stays visible to the recipient; withdrawn as a draft does not. */
const reachedRecipient = (n: Parties & { sentAt?: Date | null }) => sentStatuses.includes(n.status) && (n.status !== 'withdrawn' || !!n.sentAt);

/**
 * Only the sending unit and the unit a notification is addressed to can read it, and the
 * addressee only once it is sent — and a customs unit inside Liaison it was routed to (clause 1
 * ¶4), as the addressee does. Officers and approvers act; readers read.
 */
export const notificationPolicy = {
  isSender: (viewer: Viewer, n: Parties) => viewer.unitId === n.senderUnitId,
  isRecipient: (viewer: Viewer, n: Parties & { sentAt?: Date | null }) => viewer.unitId === n.recipientUnitId && reachedRecipient(n),
  /** A customs unit the notification was routed to (only sent notifications are routed). */
  isCustoms: (viewer: Viewer, n: Parties & { sentAt?: Date | null }) => viewer.unitId !== null && !!n.customsUnitIds?.includes(viewer.unitId) && reachedRecipient(n),
  read: (viewer: Viewer, n: Parties & { sentAt?: Date | null }) => viewer.unitId === n.senderUnitId || notificationPolicy.isRecipient(viewer, n) || notificationPolicy.isCustoms(viewer, n),
  draft: (viewer: Viewer) => actsForAUnit(viewer),
  edit: (viewer: Viewer, n: Parties) => actsForUnit(viewer, n.senderUnitId) && ['draft', 'returned'].includes(n.status),
  submit: (viewer: Viewer, n: Parties) => actsForUnit(viewer, n.senderUnitId),
  /** Four eyes: an approver of the sending unit who wrote none of it (not the author, nor an editor). */
  approve: (viewer: Viewer, n: Parties & { editorIds: string[] }) => viewer.unitId === n.senderUnitId && hasRole(viewer, 'approver') && viewer.userId !== n.authorId && !n.editorIds.includes(viewer.userId),
  acknowledge: (viewer: Viewer, n: Parties) => actsForUnit(viewer, n.recipientUnitId),
  followUp: (viewer: Viewer, n: Parties & { sentAt?: Date | null }) => actsForUnit(viewer, n.senderUnitId) || actsForUnit(viewer, n.recipientUnitId) || (notificationPolicy.isCustoms(viewer, n) && actsForUnit(viewer, viewer.unitId!)),
  /**
   * A request for information is put to the liaison units, never to a customs unit it was routed
   * to: the sending or receiving unit that did not ask answers it (whoever asked, a customs unit too).
   */
  answerRequest: (viewer: Viewer, n: Parties, asked: { kind: string; fromUnitId: string }) =>
    asked.kind === 'request_for_information' && viewer.unitId !== null && asked.fromUnitId !== viewer.unitId && [n.senderUnitId, n.recipientUnitId].includes(viewer.unitId),
  withdraw: (viewer: Viewer, n: Parties) => actsForUnit(viewer, n.senderUnitId),
  close: (viewer: Viewer, n: Parties) => actsForUnit(viewer, n.senderUnitId),
  disseminate: (viewer: Viewer, n: Parties) => actsForUnit(viewer, n.recipientUnitId),
  /** A consultation is the referring unit's: it alone records the advice; the other side sees it only when shared. */
  seeConsultation: (viewer: Viewer, c: { unitId: string; shared: boolean }) => c.shared || viewer.unitId === c.unitId,
  advise: (viewer: Viewer, c: { unitId: string }) => actsForUnit(viewer, c.unitId),
  route: (viewer: Viewer, n: Parties) => actsForUnit(viewer, n.senderUnitId) || actsForUnit(viewer, n.recipientUnitId),
  /** A customs unit acknowledges its own routing; no one else does it for it. */
  acknowledgeRouting: (viewer: Viewer, r: { customsUnitId: string | null }) => r.customsUnitId !== null && actsForUnit(viewer, r.customsUnitId),
  /** Distribution lists are kept by a unit's officers, approvers and administrators. */
  keepDistributionLists: (viewer: Viewer) => worksForUnit(viewer, viewer.unitId),
};

/** Refuses what the policy does not allow. */
export function allow(allowed: boolean, reason: string) {
  if (!allowed) throw forbidden(reason);
}

/** The editors of a notification's content with the viewer among them. */
export const withEditor = (editorIds: string[], viewer: Viewer) => (editorIds.includes(viewer.userId) ? editorIds : [...editorIds, viewer.userId]);
