import type { DbOrTx } from '../db/open.ts';
import { regionDay } from '../platform/clock.ts';
import type { Context } from '../platform/context.ts';
import { indexDocument } from '../search/index-document.ts';

import type { NotificationRow } from './load-notification.ts';
import type { followUps } from '../db/schema.ts';

/** Who finds a notification and its follow-ups: the sender; once sent, the recipient and the customs units it was routed to. */
export const unitsFinding = (n: Pick<NotificationRow, 'sentAt' | 'senderUnitId' | 'recipientUnitId' | 'customsUnitIds'>) =>
  n.sentAt !== null ? [n.senderUnitId, n.recipientUnitId, ...n.customsUnitIds] : [n.senderUnitId];

/** Keeps the search index in step: the sender finds its drafts, both units find what was sent. */
export async function indexNotification(tx: DbOrTx, ctx: Context, n: NotificationRow) {
  const text = n.authoritativeScript === 'zh-Hant' ? n.textHant : n.textHans;
  await indexDocument(
    tx,
    {
      kind: 'notification',
      refId: n.id,
      title: { 'zh-Hant': n.textHant.title, 'zh-Hans': n.textHans.title, en: n.summaryEn?.slice(0, 200) || n.textHant.title },
      body: [n.reference ?? '', text.scope, text.measures, text.attention, n.summaryEn ?? '', ...n.products.map((p) => [p.name, p.brand, p.lot, p.hsCode].filter(Boolean).join(' ')), ...n.hazards.map((h) => h.agent ?? '')].join('\n'),
      url: `/notifications/${n.id}`,
      visibility: 'units',
      unitIds: unitsFinding(n),
      date: regionDay(n.sentAt ?? n.createdAt),
    },
    ctx.clock.now(),
  );
}

/** A follow-up in the search index: found by the units that find its notification. */
export async function indexFollowUp(tx: DbOrTx, ctx: Context, n: NotificationRow, row: typeof followUps.$inferSelect) {
  const now = ctx.clock.now();
  await indexDocument(
    tx,
    {
      kind: 'follow_up',
      refId: row.id,
      title: { 'zh-Hant': n.textHant.title, 'zh-Hans': n.textHans.title, en: n.summaryEn?.slice(0, 200) || n.textHant.title },
      body: row.authoritativeScript === 'zh-Hans' ? row.textHans : row.textHant,
      url: `/notifications/${n.id}#follow-up-${row.id}`,
      visibility: 'units',
      unitIds: unitsFinding(n),
      date: regionDay(row.createdAt),
    },
    now,
  );
}
