import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/open.ts';
import { agreementUnits, notificationEvents, notifications, referenceCounters, units } from '../db/schema.ts';
import { regionDay } from '../platform/clock.ts';
import type { Context, Viewer } from '../platform/context.ts';
import { AppError, forbidden, notFound } from '../platform/errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { NotificationStep } from '../../shared/audit-actions.ts';
import { indexDocument } from '../search/index-document.ts';
import { notificationPolicy } from './policy.ts';

export type NotificationRow = typeof notifications.$inferSelect;

/** Short codes used in reference numbers, e.g. HK-FS-2026-0042. */
export const agreementAbbreviation: Record<string, string> = { 'food-safety': 'FS', 'sister-schools': 'SS', 'ip-protection': 'IP', 'sar-plans': 'SAR', 'cross-border-ecommerce': 'EC' };

export async function loadNotification(db: DbOrTx, id: string, options: { forUpdate?: boolean } = {}) {
  const query = db.select().from(notifications).where(eq(notifications.id, id));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('notification');
  return row;
}

/** Loads a notification the viewer may read; one they may not read is "not found" to them. */
export async function readableNotification(db: DbOrTx, viewer: Viewer, id: string, options: { forUpdate?: boolean } = {}) {
  const row = await loadNotification(db, id, options);
  if (!notificationPolicy.read(viewer, row)) throw notFound('notification');
  return row;
}

export function allow(allowed: boolean, reason: string) {
  if (!allowed) throw forbidden(reason);
}

/** A transition from a status it is not allowed from: a conflict with the record's state. */
export function requireStatus(row: NotificationRow, statuses: string[]) {
  if (!statuses.includes(row.status)) throw new AppError('conflict', { params: { what: 'notification_status' }, reason: `status is ${row.status}` });
}

/**
 * The agreement under which two units exchange notifications: one that designates both, for
 * units of different parties (food safety first). Null when they are not partners.
 */
export async function partnershipAgreement(db: DbOrTx, senderUnitId: string, recipientUnitId: string): Promise<string | null> {
  const sender = await db.select({ partyCode: units.partyCode }).from(units).where(eq(units.id, senderUnitId));
  const recipient = await db.select({ partyCode: units.partyCode }).from(units).where(eq(units.id, recipientUnitId));
  if (!sender[0] || !recipient[0] || sender[0].partyCode === recipient[0].partyCode) return null;
  const shared = await db
    .select({ code: agreementUnits.agreementCode })
    .from(agreementUnits)
    .where(and(eq(agreementUnits.unitId, senderUnitId), inArray(agreementUnits.agreementCode, db.select({ code: agreementUnits.agreementCode }).from(agreementUnits).where(and(eq(agreementUnits.unitId, recipientUnitId), ne(agreementUnits.unitId, senderUnitId))))));
  const codes = shared.map((s) => s.code).sort();
  return codes.includes('food-safety') ? 'food-safety' : (codes[0] ?? null);
}

/**
 * The next reference number of a party's series in a year (HK-FS-2026-0042), taken in the
 * statement that writes it: `with counter as (insert … on conflict … returning last)` and the
 * `reference` expression reading it, so that numbering costs no round trip of its own. The
 * counter's row stays locked until commit: every other send of the party and series waits on it.
 */
export function referenceCounter(tx: DbOrTx, options: { partyCode: string; series: string; year: number }) {
  const prefix = `${options.partyCode}-${options.series}`;
  const counter = tx.$with('counter').as(
    tx
      .insert(referenceCounters)
      .values({ prefix, year: options.year, last: 1 })
      .onConflictDoUpdate({ target: [referenceCounters.prefix, referenceCounters.year], set: { last: sql`${referenceCounters.last} + 1` } })
      .returning({ last: referenceCounters.last }),
  );
  const reference = sql<string>`(select ${`${prefix}-${options.year}-`} || lpad(last::text, greatest(4, length(last::text)), '0') from ${counter})`;
  return { counter, reference };
}

/** The next reference number, on its own (for a record inserted after it is known). */
export async function nextReference(tx: DbOrTx, options: { partyCode: string; series: string; year: number }) {
  const { counter, reference } = referenceCounter(tx, options);
  const [row] = await tx.with(counter).select({ reference }).from(counter);
  return row.reference;
}

/** One step of a notification's life: its timeline entry and its audit entry, in the step's transaction. */
export async function recordStep(
  tx: DbOrTx,
  ctx: Context,
  options: { notification: NotificationRow; viewer: Viewer; kind: NotificationStep; comment?: string | null; data?: Record<string, unknown> },
) {
  const { notification, viewer } = options;
  const now = ctx.clock.now();
  await tx.insert(notificationEvents).values({
    notificationId: notification.id,
    at: now,
    kind: options.kind,
    actorId: viewer.userId,
    actor: viewer.displayName,
    unitId: viewer.unitId,
    comment: options.comment ?? null,
    data: options.data ?? {},
  });
  await recordAudit(tx, ctx.clock, {
    actor: { id: viewer.userId, label: viewer.username },
    action: `notification.${options.kind}`,
    entityType: 'notification',
    entityId: notification.id,
    unitId: viewer.unitId,
    data: { reference: notification.reference, comment: options.comment ?? undefined, ...options.data },
  });
}

/** Keeps the search index in step: the sender finds its drafts, both units find what was sent. */
export async function indexNotification(tx: DbOrTx, ctx: Context, n: NotificationRow) {
  const reached = n.sentAt !== null;
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
      unitIds: reached ? [n.senderUnitId, n.recipientUnitId] : [n.senderUnitId],
      date: regionDay(n.sentAt ?? n.createdAt),
    },
    ctx.clock.now(),
  );
}

/** The editors of a notification's content with the viewer among them. */
export const withEditor = (editorIds: string[], viewer: Viewer) => (editorIds.includes(viewer.userId) ? editorIds : [...editorIds, viewer.userId]);
