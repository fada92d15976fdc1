import { hasRole, type Viewer } from '../platform/context.ts';

type Parties = { senderUnitId: string; recipientUnitId: string; status: string; authorId: string };

const acts = (viewer: Viewer) => hasRole(viewer, 'officer') || hasRole(viewer, 'approver');
const sentStatuses = ['sent', 'acknowledged', 'closed', 'withdrawn'];
/** Withdrawn after sending stays visible to the recipient; withdrawn as a draft does not. */
const reachedRecipient = (n: Parties & { sentAt?: Date | null }) => sentStatuses.includes(n.status) && (n.status !== 'withdrawn' || !!n.sentAt);

/**
 * Only the sending unit and the unit a notification is addressed to can read it, and the
 * addressee only once it is sent. Officers and approvers act; readers read.
 */
export const notificationPolicy = {
  isSender: (viewer: Viewer, n: Parties) => viewer.unitId === n.senderUnitId,
  isRecipient: (viewer: Viewer, n: Parties & { sentAt?: Date | null }) => viewer.unitId === n.recipientUnitId && reachedRecipient(n),
  read: (viewer: Viewer, n: Parties & { sentAt?: Date | null }) => viewer.unitId === n.senderUnitId || notificationPolicy.isRecipient(viewer, n),
  draft: (viewer: Viewer) => viewer.unitId !== null && acts(viewer),
  edit: (viewer: Viewer, n: Parties) => viewer.unitId === n.senderUnitId && acts(viewer) && ['draft', 'returned'].includes(n.status),
  submit: (viewer: Viewer, n: Parties) => viewer.unitId === n.senderUnitId && acts(viewer),
  /** Four eyes: an approver of the sending unit who wrote none of it (not the author, nor an editor). */
  approve: (viewer: Viewer, n: Parties & { editorIds: string[] }) => viewer.unitId === n.senderUnitId && hasRole(viewer, 'approver') && viewer.userId !== n.authorId && !n.editorIds.includes(viewer.userId),
  acknowledge: (viewer: Viewer, n: Parties) => viewer.unitId === n.recipientUnitId && acts(viewer),
  followUp: (viewer: Viewer, n: Parties) => (viewer.unitId === n.senderUnitId || viewer.unitId === n.recipientUnitId) && acts(viewer),
  withdraw: (viewer: Viewer, n: Parties) => viewer.unitId === n.senderUnitId && acts(viewer),
  close: (viewer: Viewer, n: Parties) => viewer.unitId === n.senderUnitId && acts(viewer),
  disseminate: (viewer: Viewer, n: Parties) => viewer.unitId === n.recipientUnitId && acts(viewer),
  /** A consultation is the referring unit's: it alone records the advice; the other side sees it only when shared. */
  seeConsultation: (viewer: Viewer, c: { unitId: string; shared: boolean }) => c.shared || viewer.unitId === c.unitId,
  advise: (viewer: Viewer, c: { unitId: string }) => viewer.unitId === c.unitId && acts(viewer),
  route: (viewer: Viewer, n: Parties) => (viewer.unitId === n.senderUnitId || viewer.unitId === n.recipientUnitId) && acts(viewer),
};
