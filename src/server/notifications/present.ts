import { sql } from 'drizzle-orm';
import { notifications, type NotificationText } from '../db/schema.ts';
import { toSimplified, toTraditional } from '../../shared/script.ts';
import { requireWrittenIn } from '../platform/both-scripts.ts';
import type { UnitRef } from '../units/unit-refs.ts';

type Row = typeof notifications.$inferSelect;

export function notificationTextInBothScripts(script: 'zh-Hant' | 'zh-Hans', text: NotificationText) {
  requireWrittenIn(script, text.title, text.scope, text.measures, text.attention);
  const convert = (t: NotificationText, fn: (s: string) => string): NotificationText => ({ title: fn(t.title), scope: fn(t.scope), measures: fn(t.measures), attention: fn(t.attention) });
  return script === 'zh-Hant' ? { hant: text, hans: convert(text, toSimplified) } : { hant: convert(text, toTraditional), hans: text };
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** Overdue: sent and not acknowledged by its deadline. */
export const isOverdue = (n: Pick<Row, 'status' | 'ackDueAt'>, now: Date) => n.status === 'sent' && n.ackDueAt !== null && n.ackDueAt.getTime() < now.getTime();

/** The columns a box lists (see presentListItem): the titles, not the whole texts. */
export const listItemColumns = {
  id: notifications.id,
  reference: notifications.reference,
  agreementCode: notifications.agreementCode,
  senderUnitId: notifications.senderUnitId,
  recipientUnitId: notifications.recipientUnitId,
  status: notifications.status,
  category: notifications.category,
  classification: notifications.classification,
  riskDecision: notifications.riskDecision,
  basis: notifications.basis,
  authoritativeScript: notifications.authoritativeScript,
  titleHant: sql<string>`${notifications.textHant} ->> 'title'`,
  titleHans: sql<string>`${notifications.textHans} ->> 'title'`,
  summaryEn: notifications.summaryEn,
  customsChannel: notifications.customsChannel,
  createdAt: notifications.createdAt,
  submittedAt: notifications.submittedAt,
  sentAt: notifications.sentAt,
  acknowledgedAt: notifications.acknowledgedAt,
  closedAt: notifications.closedAt,
  withdrawnAt: notifications.withdrawnAt,
  ackDueAt: notifications.ackDueAt,
};

type ListedRow = Pick<Row, Exclude<keyof typeof listItemColumns, 'titleHant' | 'titleHans'>> & { titleHant: string; titleHans: string };

/** What a notification is and where it stands: shared by the box listing and the full notification. */
function presentState(n: ListedRow | Row, units: Map<string, UnitRef>, now: Date) {
  return {
    id: n.id,
    reference: n.reference,
    agreementCode: n.agreementCode,
    sender: units.get(n.senderUnitId)!,
    recipient: units.get(n.recipientUnitId)!,
    status: n.status,
    category: n.category,
    classification: n.classification,
    riskDecision: n.riskDecision,
    basis: n.basis,
    authoritativeScript: n.authoritativeScript as 'zh-Hant' | 'zh-Hans',
    summaryEn: n.summaryEn,
    createdAt: n.createdAt.toISOString(),
    submittedAt: iso(n.submittedAt),
    sentAt: iso(n.sentAt),
    acknowledgedAt: iso(n.acknowledgedAt),
    closedAt: iso(n.closedAt),
    withdrawnAt: iso(n.withdrawnAt),
    ackDueAt: iso(n.ackDueAt),
    overdue: isOverdue(n, now),
  };
}

export function presentListItem(n: ListedRow, units: Map<string, UnitRef>, now: Date, unread: boolean) {
  return { ...presentState(n, units, now), title: { 'zh-Hant': n.titleHant, 'zh-Hans': n.titleHans }, customsChannel: n.customsChannel, unread };
}

export type PresentedRouting = {
  id: string;
  routedBy: UnitRef | null;
  customsUnit: UnitRef | null;
  routedTo: string | null;
  routedAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  canAcknowledge: boolean;
};

export function presentNotification(n: Row, units: Map<string, UnitRef>, now: Date, extra: { unread?: boolean; author?: string; approver?: string | null } = {}) {
  return {
    ...presentState(n, units, now),
    text: { 'zh-Hant': n.textHant, 'zh-Hans': n.textHans },
    products: n.products,
    hazards: n.hazards,
    distribution: n.distribution,
    relatedIds: n.relatedIds,
    customs: { channel: n.customsChannel, routings: [] as PresentedRouting[] },
    authorName: extra.author ?? null,
    approverName: extra.approver ?? null,
    returnComment: n.returnComment,
    withdrawReason: n.withdrawReason,
    receivedAt: iso(n.receivedAt),
    unread: extra.unread ?? false,
  };
}
