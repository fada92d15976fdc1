import type { z } from 'zod';
import type { DbOrTx } from '../db/open.ts';
import { regionDay } from '../platform/clock.ts';
import type { Context, Viewer } from '../platform/context.ts';
import { AppError, forbidden, notFound } from '../platform/errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { tellUnit } from '../mail/outbox.ts';
import { indexDocument } from '../search/index-document.ts';
import { meetingPolicy } from './policy.ts';
import { presentMeetings } from './presenter.ts';
import {
  agreementExists,
  countUnits,
  findActionItem,
  findMeeting,
  findNotification,
  insertActionItem,
  insertMeeting,
  markActionItemDone,
  meetingsOfUnit,
  updateMeetingRow,
  type MeetingRow,
} from './queries.ts';
import type { actionItemBody, createMeetingBody, updateMeetingBody } from './schemas.ts';

const invalid = (field: string) => new AppError('validation.failed', { fields: [{ field, code: 'invalid_value' }] });
const actorOf = (viewer: Viewer) => ({ id: viewer.userId, label: viewer.username });

/** A meeting is seen by the units taking part, and only by them. */
async function readable(db: DbOrTx, viewer: Viewer, id: string) {
  const row = await findMeeting(db, id);
  if (!row || !meetingPolicy.read(viewer, row)) throw notFound('meeting');
  return row;
}

async function index(tx: DbOrTx, ctx: Context, row: MeetingRow) {
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
  if (!meetingPolicy.convene(viewer)) throw forbidden('may not convene meetings');
  const unitIds = [...new Set([viewer.unitId!, ...input.unitIds])];
  if ((await countUnits(ctx.db, unitIds)) !== unitIds.length) throw invalid('unitIds');
  if (input.agreementCode && !(await agreementExists(ctx.db, input.agreementCode))) throw invalid('agreementCode');
  if (input.participants.some((p) => !unitIds.includes(p.unitId))) throw invalid('participants');
  if (input.triggerNotificationId) {
    const n = await findNotification(ctx.db, input.triggerNotificationId);
    if (!n || !meetingPolicy.seeNotification(viewer, n)) throw invalid('triggerNotificationId');
  }
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const row = await insertMeeting(tx, {
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
    });
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
    if (!meetingPolicy.change(viewer)) throw forbidden('may not change meetings');
    if (change.participants?.some((p) => !row.unitIds.includes(p.unitId))) throw invalid('participants');
    const { scheduledAt, participants, ...rest } = change;
    const updated = await updateMeetingRow(tx, id, {
      ...rest,
      ...(scheduledAt ? { scheduledAt: new Date(scheduledAt) } : {}),
      ...(participants ? { participants: participants.map((p) => ({ unitId: p.unitId, name: p.name, role: p.role ?? null })) } : {}),
      updatedAt: ctx.clock.now(),
    });
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
    if (!meetingPolicy.addActionItem(viewer)) throw forbidden('may not add action items');
    if (!row.unitIds.includes(input.ownerUnitId)) throw invalid('ownerUnitId');
    // A new item already overdue is a typing slip (a year, a month), not a plan.
    if (input.dueOn < regionDay(ctx.clock.now())) throw new AppError('validation.failed', { fields: [{ field: 'dueOn', code: 'in_past' }] });
    const item = await insertActionItem(tx, { meetingId: id, description: input.description, ownerUnitId: input.ownerUnitId, ownerName: input.ownerName ?? null, dueOn: input.dueOn, status: 'open' });
    await recordAudit(tx, ctx.clock, { actor: actorOf(viewer), action: 'action_item.added', entityType: 'action_item', entityId: item.id, unitId: viewer.unitId, data: { meetingId: id, ...input } });
    return item.id;
  });
}

/** The owning unit marks its action item done. */
export async function completeActionItem(ctx: Context, options: { viewer: Viewer; id: string; itemId: string }) {
  const { viewer, id, itemId } = options;
  await ctx.db.transaction(async (tx) => {
    await readable(tx, viewer, id);
    const item = await findActionItem(tx, { meetingId: id, itemId });
    if (!item) throw notFound('action_item');
    if (!meetingPolicy.completeActionItem(viewer, item)) throw forbidden('only the owning unit completes its action item');
    if (item.status === 'done') throw new AppError('conflict', { params: { what: 'action_item_done' } });
    await markActionItemDone(tx, itemId, ctx.clock.now());
    await recordAudit(tx, ctx.clock, { actor: actorOf(viewer), action: 'action_item.done', entityType: 'action_item', entityId: itemId, unitId: viewer.unitId, data: { meetingId: id } });
  });
}

export async function getMeeting(ctx: Context, options: { viewer: Viewer; id: string }) {
  const row = await readable(ctx.db, options.viewer, options.id);
  return (await presentMeetings(ctx.db, [row], ctx.clock.now(), options.viewer))[0];
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
    const n = await findNotification(ctx.db, options.notificationId);
    if (!n || !meetingPolicy.seeNotification(viewer, n)) return [];
  }
  const rows = await meetingsOfUnit(ctx.db, { unitId: viewer.unitId, notificationId: options.notificationId, upcoming: options.upcoming === 'true', actionItems: options.actionItems, now });
  return presentMeetings(ctx.db, rows, now, viewer);
}

