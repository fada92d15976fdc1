import { and, arrayContains, asc, desc, eq, exists, gte, inArray, lt, lte, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { DbOrTx } from '../db/open.ts';
import { actionItems, agreements, meetings, notifications, units } from '../db/schema.ts';
import { regionDay, regionDayStart } from '../platform/clock.ts';
import { ACTION_DUE_SOON_DAYS } from '../../shared/work.ts';
import type { Context, Viewer } from '../platform/context.ts';
import { hasRole } from '../platform/context.ts';
import { AppError, forbidden, notFound } from '../platform/errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { tellUnit } from '../mail/outbox.ts';
import { indexDocument } from '../search/index-document.ts';
import { notificationPolicy } from '../notifications/policy.ts';
import { unitRefs } from '../notifications/units.ts';
import type { actionItemBody, createMeetingBody, updateMeetingBody } from './schemas.ts';

type Row = typeof meetings.$inferSelect;
const acts = (viewer: Viewer) => viewer.unitId !== null && (hasRole(viewer, 'officer') || hasRole(viewer, 'approver'));
const invalid = (field: string) => new AppError('validation.failed', { fields: [{ field, code: 'invalid_value' }] });
const actorOf = (viewer: Viewer) => ({ id: viewer.userId, label: viewer.username });

/** A meeting is seen by the units taking part, and only by them. */
async function readable(db: DbOrTx, viewer: Viewer, id: string) {
  const [row] = await db.select().from(meetings).where(eq(meetings.id, id));
  if (!row || !viewer.unitId || !row.unitIds.includes(viewer.unitId)) throw notFound('meeting');
  return row;
}

async function present(db: DbOrTx, rows: Row[], now: Date, viewer: Viewer) {
  if (!rows.length) return [];
  const refs = await unitRefs(db, rows.flatMap((r) => [r.convenedByUnitId, ...r.unitIds]));
  const items = await db.select().from(actionItems).where(inArray(actionItems.meetingId, rows.map((r) => r.id))).orderBy(asc(actionItems.dueOn));
  const triggers = rows.filter((r) => r.triggerId).map((r) => r.triggerId!);
  // Units invited beyond the notification's two may not learn about it from the meeting.
  const triggerRows = (triggers.length ? await db.select().from(notifications).where(inArray(notifications.id, triggers)) : []).filter((n) => notificationPolicy.read(viewer, n));
  const today = regionDay(now);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    agreementCode: r.agreementCode,
    title: r.title,
    convenedBy: refs.get(r.convenedByUnitId)!,
    units: r.unitIds.map((u) => refs.get(u)!).filter(Boolean),
    scheduledAt: r.scheduledAt.toISOString(),
    location: r.location,
    agenda: r.agenda,
    participants: r.participants.map((p) => ({ ...p, role: p.role ?? null })),
    minutes: r.minutes,
    decisions: r.decisions,
    trigger: r.triggerId && triggerRows.some((t) => t.id === r.triggerId) ? { kind: r.triggerKind!, id: r.triggerId, reference: triggerRows.find((t) => t.id === r.triggerId)!.reference } : null,
    actionItems: items
      .filter((i) => i.meetingId === r.id)
      .map((i) => ({ id: i.id, description: i.description, ownerUnitId: i.ownerUnitId, ownerName: i.ownerName, dueOn: i.dueOn, status: i.status as 'open' | 'done', doneAt: i.doneAt?.toISOString() ?? null, overdue: i.status === 'open' && i.dueOn < today })),
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
  }));
}

async function index(tx: DbOrTx, ctx: Context, row: Row) {
  await indexDocument(
    tx,
    {
      kind: 'meeting',
      refId: row.id,
      title: { 'zh-Hant': row.title, 'zh-Hans': row.title, en: row.title },
      body: [row.title, ...row.agenda, row.minutes ?? '', ...row.decisions].join('\n'),
      url: `/meetings/${row.id}`,
      visibility: 'units',
      unitIds: row.unitIds,
      date: regionDay(row.scheduledAt),
    },
    ctx.clock.now(),
  );
}

/**
 * Convenes a meeting of the viewer's unit with others; from a notification about a major
 * incident it becomes the urgent high-level meeting of clause 6, linked both ways.
 */
export async function conveneMeeting(ctx: Context, options: { viewer: Viewer; input: z.infer<typeof createMeetingBody> }) {
  const { viewer, input } = options;
  if (!acts(viewer)) throw forbidden('may not convene meetings');
  const unitIds = [...new Set([viewer.unitId!, ...input.unitIds])];
  const found = await ctx.db.select({ id: units.id }).from(units).where(inArray(units.id, unitIds));
  if (found.length !== unitIds.length) throw invalid('unitIds');
  if (input.agreementCode && !(await ctx.db.select().from(agreements).where(eq(agreements.code, input.agreementCode)))[0]) throw invalid('agreementCode');
  if (input.participants.some((p) => !unitIds.includes(p.unitId))) throw invalid('participants');
  if (input.triggerNotificationId) {
    const [n] = await ctx.db.select().from(notifications).where(eq(notifications.id, input.triggerNotificationId));
    if (!n || !notificationPolicy.read(viewer, n)) throw invalid('triggerNotificationId');
  }
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const [row] = await tx
      .insert(meetings)
      .values({
        kind: input.kind,
        agreementCode: input.agreementCode ?? null,
        title: input.title,
        convenedByUnitId: viewer.unitId!,
        unitIds,
        scheduledAt: new Date(input.scheduledAt),
        location: input.location ?? null,
        agenda: input.agenda,
        participants: input.participants.map((p) => ({ unitId: p.unitId, name: p.name, role: p.role ?? null })),
        decisions: [],
        triggerKind: input.triggerNotificationId ? 'notification' : null,
        triggerId: input.triggerNotificationId ?? null,
        createdBy: viewer.displayName,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await recordAudit(tx, ctx.clock, { actor: actorOf(viewer), action: 'meeting.convened', entityType: 'meeting', entityId: row.id, unitId: viewer.unitId, data: { kind: input.kind, title: input.title, unitIds, triggerNotificationId: input.triggerNotificationId ?? null } });
    await index(tx, ctx, row);
    for (const unitId of unitIds.filter((u) => u !== viewer.unitId)) await tellUnit(tx, ctx, { unitId, roles: ['officer', 'approver'], what: 'meeting', title: input.title, link: `/meetings/${row.id}` });
    return row.id;
  });
}

/** Any unit taking part keeps the record: agenda, participants, minutes and decisions. */
export async function updateMeeting(ctx: Context, options: { viewer: Viewer; id: string; change: z.infer<typeof updateMeetingBody> }) {
  const { viewer, id, change } = options;
  await ctx.db.transaction(async (tx) => {
    const row = await readable(tx, viewer, id);
    if (!acts(viewer)) throw forbidden('may not change meetings');
    if (change.participants?.some((p) => !row.unitIds.includes(p.unitId))) throw invalid('participants');
    const { scheduledAt, participants, ...rest } = change;
    const [updated] = await tx
      .update(meetings)
      .set({
        ...rest,
        ...(scheduledAt ? { scheduledAt: new Date(scheduledAt) } : {}),
        ...(participants ? { participants: participants.map((p) => ({ unitId: p.unitId, name: p.name, role: p.role ?? null })) } : {}),
        updatedAt: ctx.clock.now(),
      })
      .where(eq(meetings.id, id))
      .returning();
    await recordAudit(tx, ctx.clock, { actor: actorOf(viewer), action: 'meeting.updated', entityType: 'meeting', entityId: id, unitId: viewer.unitId, data: change });
    await index(tx, ctx, updated);
    // Moved or held elsewhere: the other units taking part are told, as they were when it was convened.
    const moved = (scheduledAt && new Date(scheduledAt).getTime() !== row.scheduledAt.getTime()) || (change.location !== undefined && change.location !== row.location);
    if (moved) for (const unitId of row.unitIds.filter((u) => u !== viewer.unitId)) await tellUnit(tx, ctx, { unitId, roles: ['officer', 'approver'], what: 'meeting_moved', title: updated.title, link: `/meetings/${id}` });
  });
}

export async function addActionItem(ctx: Context, options: { viewer: Viewer; id: string; input: z.infer<typeof actionItemBody> }) {
  const { viewer, id, input } = options;
  return ctx.db.transaction(async (tx) => {
    const row = await readable(tx, viewer, id);
    if (!acts(viewer)) throw forbidden('may not add action items');
    if (!row.unitIds.includes(input.ownerUnitId)) throw invalid('ownerUnitId');
    // A new item already overdue is a typing slip (a year, a month), not a plan.
    if (input.dueOn < regionDay(ctx.clock.now())) throw new AppError('validation.failed', { fields: [{ field: 'dueOn', code: 'in_past' }] });
    const [item] = await tx.insert(actionItems).values({ meetingId: id, description: input.description, ownerUnitId: input.ownerUnitId, ownerName: input.ownerName ?? null, dueOn: input.dueOn, status: 'open' }).returning({ id: actionItems.id });
    await recordAudit(tx, ctx.clock, { actor: actorOf(viewer), action: 'action_item.added', entityType: 'action_item', entityId: item.id, unitId: viewer.unitId, data: { meetingId: id, ...input } });
    return item.id;
  });
}

/** The owning unit marks its action item done. */
export async function completeActionItem(ctx: Context, options: { viewer: Viewer; id: string; itemId: string }) {
  const { viewer, id, itemId } = options;
  await ctx.db.transaction(async (tx) => {
    await readable(tx, viewer, id);
    const [item] = await tx.select().from(actionItems).where(and(eq(actionItems.id, itemId), eq(actionItems.meetingId, id)));
    if (!item) throw notFound('action_item');
    if (item.ownerUnitId !== viewer.unitId || !acts(viewer)) throw forbidden('only the owning unit completes its action item');
    if (item.status === 'done') throw new AppError('conflict', { params: { what: 'action_item_done' } });
    await tx.update(actionItems).set({ status: 'done', doneAt: ctx.clock.now() }).where(eq(actionItems.id, itemId));
    await recordAudit(tx, ctx.clock, { actor: actorOf(viewer), action: 'action_item.done', entityType: 'action_item', entityId: itemId, unitId: viewer.unitId, data: { meetingId: id } });
  });
}

export async function getMeeting(ctx: Context, options: { viewer: Viewer; id: string }) {
  const row = await readable(ctx.db, options.viewer, options.id);
  return (await present(ctx.db, [row], ctx.clock.now(), options.viewer))[0];
}

/**
 * Meetings the viewer's unit takes part in: all, those of a notification, those still to come
 * (upcoming), or those holding an open action item of the unit overdue or falling due within
 * ACTION_DUE_SOON_DAYS (the home page counts these lists).
 */
export async function listMeetings(ctx: Context, options: { viewer: Viewer; notificationId?: string; upcoming?: 'true' | 'false'; actionItems?: 'overdue' | 'due_soon' }) {
  const { viewer } = options;
  if (!viewer.unitId) return [];
  const now = ctx.clock.now();
  if (options.notificationId) {
    const [n] = await ctx.db.select().from(notifications).where(eq(notifications.id, options.notificationId));
    if (!n || !notificationPolicy.read(viewer, n)) return [];
  }
  const rows = await ctx.db
    .select()
    .from(meetings)
    .where(
      and(
        arrayContains(meetings.unitIds, [viewer.unitId]),
        options.notificationId ? and(eq(meetings.triggerKind, 'notification'), eq(meetings.triggerId, options.notificationId)) : undefined,
        options.upcoming === 'true' ? gte(meetings.scheduledAt, now) : undefined,
        options.actionItems ? exists(ownActionItems(ctx.db, viewer.unitId, options.actionItems, regionDay(now))) : undefined,
      ),
    )
    .orderBy(desc(meetings.scheduledAt))
    .limit(500);
  return present(ctx.db, rows, now, viewer);
}

/** The meeting holds an open action item of the unit, overdue or due soon (a subquery on meetings.id). */
const ownActionItems = (db: DbOrTx, unitId: string, when: 'overdue' | 'due_soon', today: string) =>
  db
    .select({ one: sql`1` })
    .from(actionItems)
    .where(
      and(
        eq(actionItems.meetingId, meetings.id),
        eq(actionItems.ownerUnitId, unitId),
        eq(actionItems.status, 'open'),
        when === 'overdue' ? lt(actionItems.dueOn, today) : and(gte(actionItems.dueOn, today), lte(actionItems.dueOn, regionDay(regionDayStart(today, ACTION_DUE_SOON_DAYS)))),
      ),
    );

