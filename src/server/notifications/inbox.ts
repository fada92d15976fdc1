import { and, arrayContains, asc, count, desc, eq, exists, gte, inArray, isNotNull, isNull, lt, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { attachments, customsRoutings, disseminations, expertConsultations, followUps, meetings, notificationEvents, notifications, readMarks, searchDocuments } from '../db/schema.ts';
import { regionDayStart } from '../platform/clock.ts';
import { hasRole, type Context, type Viewer } from '../platform/context.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { queryExpression } from '../search/normalise.ts';
import { relationalBuiltOnce } from '../db/built-once.ts';
import { fromTextMatches, walkingIndexes } from '../db/planner.ts';
import { attachmentColumns, presentAttachment } from './attachments.ts';
import { presentDissemination } from './disseminations.ts';
import { presentExpertConsultation } from './expert-consultations.ts';
import { presentFollowUp } from './follow-ups.ts';
import { notificationPolicy } from './policy.ts';
import { listItemColumns, presentListItem, presentNotification } from './present.ts';
import type { NotificationRow } from './load-notification.ts';
import type { listQuery } from './schemas.ts';
import { unitRefColumns, unitRefs } from '../units/unit-refs.ts';
import { DUE_SOON_HOURS } from '../../shared/work.ts';

/**
 * A listing counts its matches up to this many, on every page, with or without q; beyond, it
 * says `more` and paging goes on.
 */
export const TOTAL_CAP = 1_000;

/**
 * The inbox, sent box or drafts of the viewer's unit, filtered, newest first.
 *
 * With q, the matches are first counted (up to TOTAL_CAP) starting from the text
 * index and looking each match up; a query with few matches then pages through them, one
 * with many walks the box newest first and checks each notification against the text
 * index, which finds a page after a few dozen rows. PostgreSQL's estimate for a phrase
 * (its bigrams taken as independent) cannot choose between the two; the count does.
 */
export async function listNotifications(ctx: Context, options: { viewer: Viewer; query: z.infer<typeof listQuery> }) {
  const { viewer, query } = options;
  if (!viewer.unitId) return { total: 0, more: false, items: [] };
  if (query.from && query.to && query.to < query.from) throw new AppError('validation.failed', { fields: [{ field: 'to', code: 'before_start' }] });
  const now = ctx.clock.now();
  const box: SQL =
    query.box === 'inbox'
      ? and(or(eq(notifications.recipientUnitId, viewer.unitId), arrayContains(notifications.customsUnitIds, [viewer.unitId])), isNotNull(notifications.sentAt))!
      : query.box === 'sent'
        ? and(eq(notifications.senderUnitId, viewer.unitId), isNotNull(notifications.sentAt))!
        : and(eq(notifications.senderUnitId, viewer.unitId), isNull(notifications.sentAt), ne(notifications.status, 'withdrawn'))!;
  // Acknowledging is the addressee's: in the inbox, a customs unit it was routed to has none due.
  const toAcknowledge = query.box === 'inbox' ? eq(notifications.recipientUnitId, viewer.unitId) : undefined;
  const dateColumn = query.box === 'drafts' ? notifications.createdAt : notifications.sentAt;
  const filters = and(
    box,
    query.category ? eq(notifications.category, query.category) : undefined,
    query.classification ? eq(notifications.classification, query.classification) : undefined,
    query.status ? eq(notifications.status, query.status) : undefined,
    query.overdue === 'true' ? and(toAcknowledge, eq(notifications.status, 'sent'), lt(notifications.ackDueAt, now)) : undefined,
    // What the summary counts as unread: in the inbox, not yet opened by this user.
    query.unread === 'true' && query.box === 'inbox'
      ? sql`not exists (select 1 from ${readMarks} where ${readMarks.notificationId} = ${notifications.id} and ${readMarks.userId} = ${viewer.userId})`
      : undefined,
    query.openRequests === 'true' || query.openRequests === 'overdue' ? exists(unansweredRequests(ctx.db, viewer.unitId, query.openRequests === 'overdue' ? now : null)) : undefined,
    query.dueSoon === 'true' ? and(toAcknowledge, eq(notifications.status, 'sent'), gte(notifications.ackDueAt, now), lte(notifications.ackDueAt, new Date(now.getTime() + DUE_SOON_HOURS * 3_600_000))) : undefined,
    // Four eyes: what this approver may approve, not what they wrote or edited.
    query.awaitingMyApproval === 'true'
      ? and(eq(notifications.status, 'submitted'), hasRole(viewer, 'approver') ? undefined : sql`false`, ne(notifications.authorId, viewer.userId), sql`not (${viewer.userId}::uuid = any(${notifications.editorIds}))`)
      : undefined,
    query.from ? gte(dateColumn, regionDayStart(query.from)) : undefined,
    query.to ? lt(dateColumn, regionDayStart(query.to, 1)) : undefined,
  )!;
  // A page may carry the count of its box (one statement, not two).
  const page = (db: Context['db'], where: SQL, total?: SQL<number>) =>
    db
      .select({ n: listItemColumns, readAt: readMarks.readAt, total: total ?? sql<number>`null` })
      .from(notifications)
      .leftJoin(readMarks, and(eq(readMarks.notificationId, notifications.id), eq(readMarks.userId, viewer.userId)))
      .where(where)
      .orderBy(desc(dateColumn), desc(notifications.id))
      .limit(query.limit)
      .offset(query.offset);
  // Counting a whole busy inbox on every page costs more than the page: count up to a cap.
  const cappedCount = (db: Context['db']) => db.select({ one: sql`1` }).from(notifications).where(filters).limit(TOTAL_CAP + 1);

  let rows: Awaited<ReturnType<typeof page>>;
  let total: number;
  if (!query.q) {
    rows = await page(ctx.db, filters, sql<number>`(select count(*)::int from (${cappedCount(ctx.db)}) capped)`);
    // A page past the end carries no count of its own.
    total = rows.length ? Number(rows[0].total) : query.offset === 0 ? 0 : Number((await ctx.db.select({ total: sql<number>`count(*)::int` }).from(cappedCount(ctx.db).as('capped')))[0].total);
  } else {
    const expression = queryExpression(query.q);
    if (!expression) return { total: 0, more: false, items: [] };
    const matches = sql`${searchDocuments.tokens} @@ to_tsquery('simple', ${expression})`;
    const [counted] = await fromTextMatches(ctx.db, (db) =>
      db
        .select({ total: sql<number>`count(*)::int` })
        .from(
          db
            .select({ one: sql`1` })
            .from(searchDocuments)
            .innerJoin(notifications, eq(notifications.id, sql`${searchDocuments.refId}::uuid`))
            .where(and(eq(searchDocuments.kind, 'notification'), matches, filters))
            .limit(TOTAL_CAP + 1)
            .as('capped'),
        ),
    );
    total = Number(counted.total);
    rows =
      total > TOTAL_CAP
        ? await walkingIndexes(ctx.db, (db) =>
            page(
              db,
              and(
                filters,
                // Checked for each notification walked, never turned into a join (OFFSET 0 keeps
                // PostgreSQL from doing so; drizzle leaves out an offset of 0): without statistics
                // (a large import not yet analysed) it would start from the matches and walk the
                // whole box for each one, for minutes.
                sql`exists (${db
                  .select({ one: sql`1` })
                  .from(searchDocuments)
                  .where(and(eq(searchDocuments.kind, 'notification'), eq(searchDocuments.refId, sql`${notifications.id}::text`), matches))} offset 0)`,
              )!,
            ),
          )
        : await page(
            ctx.db,
            and(filters, inArray(notifications.id, ctx.db.select({ id: sql<string>`${searchDocuments.refId}::uuid` }).from(searchDocuments).where(and(eq(searchDocuments.kind, 'notification'), matches))))!,
          );
  }
  // A page names a handful of units: looked up once, not joined to each row.
  const refs = await unitRefs(ctx.db, rows.flatMap((r) => [r.n.senderUnitId, r.n.recipientUnitId]));
  return {
    total: Math.min(total, TOTAL_CAP),
    more: total > TOTAL_CAP,
    items: rows.map((r) => presentListItem(r.n, refs, now, query.box === 'inbox' && !r.readAt)),
  };
}

/** What needs the viewer's unit: unread and overdue in the inbox, drafts awaiting approval, open requests for information. */
export async function notificationSummary(ctx: Context, options: { viewer: Viewer }) {
  const { viewer } = options;
  if (!viewer.unitId) return { unread: 0, overdue: 0, awaitingApproval: 0, openRequests: 0, openRequestsOnSent: 0, overdueRequests: 0 };
  const now = ctx.clock.now();
  const inbox = and(eq(notifications.recipientUnitId, viewer.unitId), isNotNull(notifications.sentAt));
  const [[unread], [overdue], [awaiting], [open], [late], [onSent]] = await Promise.all([
    ctx.db
      .select({ n: count() })
      .from(notifications)
      .leftJoin(readMarks, and(eq(readMarks.notificationId, notifications.id), eq(readMarks.userId, viewer.userId)))
      .where(and(inbox, isNull(readMarks.readAt))),
    ctx.db.select({ n: count() }).from(notifications).where(and(inbox, eq(notifications.status, 'sent'), lt(notifications.ackDueAt, now))),
    ctx.db.select({ n: count() }).from(notifications).where(and(eq(notifications.senderUnitId, viewer.unitId), eq(notifications.status, 'submitted'))),
    openRequests(ctx, viewer.unitId),
    openRequests(ctx, viewer.unitId, { overdueAt: now }),
    openRequests(ctx, viewer.unitId, { sentByUnit: true }),
  ]);
  return {
    unread: Number(unread.n),
    overdue: Number(overdue.n),
    awaitingApproval: Number(awaiting.n),
    openRequests: Number(open.n),
    openRequestsOnSent: Number(onSent.n),
    overdueRequests: Number(late.n),
  };
}

/** Requests for information put to the unit (by the other side) and not answered yet, on notifications the unit sent or received. */
function openRequests(ctx: Context, unitId: string, options: { overdueAt?: Date; sentByUnit?: boolean } = {}) {
  return ctx.db
    .select({ n: count() })
    .from(followUps)
    .innerJoin(notifications, eq(notifications.id, followUps.notificationId))
    .where(
      and(
        unansweredBy(unitId, options.overdueAt ?? null),
        options.sentByUnit ? eq(notifications.senderUnitId, unitId) : sql`${unitId}::uuid in (${notifications.senderUnitId}, ${notifications.recipientUnitId})`,
      ),
    );
}

/** A request for information from the other side that the unit has not answered (by overdueAt, if given). */
const unansweredBy = (unitId: string, overdueAt: Date | null) =>
  and(eq(followUps.kind, 'request_for_information'), isNull(followUps.answeredAt), ne(followUps.fromUnitId, unitId), overdueAt ? lt(followUps.answerDueAt, overdueAt) : undefined);

/** The listed notification has such a request (a subquery on notifications.id). */
const unansweredRequests = (db: Context['db'], unitId: string, overdueAt: Date | null) =>
  db
    .select({ one: sql`1` })
    .from(followUps)
    // Requests are put to the liaison units (policy answerRequest): a customs unit it was routed to has none to answer.
    .where(and(eq(followUps.notificationId, notifications.id), unansweredBy(unitId, overdueAt), sql`${unitId}::uuid in (${notifications.senderUnitId}, ${notifications.recipientUnitId})`));

/** What a notification's page shows with it, loaded in one query (built once: it is on every send's path). */
const loadDetail = relationalBuiltOnce('liaison_notification_page', 'notifications', (db) =>
  db.query.notifications.findFirst({
    where: eq(notifications.id, sql.placeholder('id')),
    with: {
      sender: { columns: unitRefColumns },
      recipient: { columns: unitRefColumns },
      author: { columns: { displayName: true } },
      approver: { columns: { displayName: true } },
      events: { orderBy: asc(notificationEvents.id) },
      followUps: { orderBy: asc(followUps.createdAt) },
      disseminations: { orderBy: asc(disseminations.informedAt) },
      expertConsultations: { orderBy: asc(expertConsultations.requestedAt) },
      customsRoutings: { orderBy: [asc(customsRoutings.routedAt), asc(customsRoutings.recordedAt)] },
      attachments: { columns: attachmentColumns, orderBy: asc(attachments.uploadedAt) },
      readMarks: { columns: { readAt: true }, where: eq(readMarks.userId, sql.placeholder('userId')) },
      meetings: {
        columns: { id: true, title: true, kind: true, scheduledAt: true },
        // Units invited to a meeting beyond the notification's two see it in their own list, not here.
        where: and(eq(meetings.triggerKind, 'notification'), sql`${sql.placeholder('unitId')}::uuid = any(${meetings.unitIds})`),
        orderBy: desc(meetings.scheduledAt),
      },
    },
  }),
);

/**
 * A notification with everything around it. The first time someone of the receiving unit
 * opens it, it is marked received; each reader's opening clears their unread mark.
 */
export async function getNotification(ctx: Context, options: { viewer: Viewer; id: string }) {
  const { viewer, id } = options;
  const loaded = await loadDetail(ctx.db, { id, userId: viewer.userId, unitId: viewer.unitId });
  if (!loaded || !notificationPolicy.read(viewer, loaded)) throw notFound('notification');
  const { sender: senderUnit, recipient: recipientUnit, author, approver, events, readMarks: marks, customsRoutings: routings, ...row } = loaded;
  let n: NotificationRow = row;
  const now = ctx.clock.now();
  // The recipient's first look marks it read (and, the unit's first, received).
  // A customs unit it was routed to reads it as the addressee does, but its reading is not the addressee's receipt.
  if (notificationPolicy.isCustoms(viewer, n) && !notificationPolicy.isRecipient(viewer, n) && !marks.length) {
    await ctx.db.insert(readMarks).values({ userId: viewer.userId, notificationId: id, readAt: now }).onConflictDoNothing();
  }
  if (notificationPolicy.isRecipient(viewer, n) && (!marks.length || !n.receivedAt)) {
    await ctx.db.transaction(async (tx) => {
      await tx.insert(readMarks).values({ userId: viewer.userId, notificationId: id, readAt: now }).onConflictDoNothing();
      if (!n.receivedAt) {
        const marked = await tx.update(notifications).set({ receivedAt: now }).where(and(eq(notifications.id, id), isNull(notifications.receivedAt))).returning();
        if (marked.length) {
          n = marked[0];
          const [received] = await tx.insert(notificationEvents).values({ notificationId: id, at: now, kind: 'received', actorId: viewer.userId, actor: viewer.displayName, unitId: viewer.unitId, data: {} }).returning();
          events.push(received);
        }
      }
    });
  }
  const refs = new Map([senderUnit, recipientUnit].map((u) => [u.id, u]));
  const routingUnits = await unitRefs(ctx.db, routings.flatMap((r) => [r.routedByUnitId, ...(r.customsUnitId ? [r.customsUnitId] : [])]));
  const related = n.relatedIds.length ? await ctx.db.select().from(notifications).where(inArray(notifications.id, n.relatedIds)) : [];
  const readableRelated = n.relatedIds.map((rid) => related.find((r) => r.id === rid)).filter((r) => r !== undefined && notificationPolicy.read(viewer, r)) as typeof related;
  // The sending unit's internal review (drafting, returns with comments) is its own business, and
  // a unit's expert consultation is its own unless referred after sending (its advice with it).
  const sender = notificationPolicy.isSender(viewer, n);
  const sentIndex = events.findIndex((e) => e.kind === 'sent');
  const visibleConsultations = loaded.expertConsultations.filter((c) => notificationPolicy.seeConsultation(viewer, c));
  const seen = new Set(visibleConsultations.map((c) => c.id));
  const visibleEvents = (sender ? events : events.slice(Math.max(sentIndex, 0))).filter((e) => e.data.consultationId === undefined || seen.has(e.data.consultationId as string));
  return {
    ...presentNotification(n, refs, now, { author: author?.displayName, approver: approver?.displayName ?? null }),
    customs: {
      channel: n.customsChannel,
      routings: routings.map((r) => ({
        id: r.id,
        routedBy: routingUnits.get(r.routedByUnitId) ?? null,
        customsUnit: r.customsUnitId ? (routingUnits.get(r.customsUnitId) ?? null) : null,
        routedTo: r.routedTo,
        routedAt: r.routedAt.toISOString(),
        acknowledgedAt: r.acknowledgedAt?.toISOString() ?? null,
        acknowledgedBy: r.acknowledgedBy,
        canAcknowledge: notificationPolicy.acknowledgeRouting(viewer, r) && !r.acknowledgedAt,
      })),
    },
    // Of the notifications it refers to, only those the viewer can read are named.
    relatedIds: readableRelated.map((r) => r.id),
    returnComment: sender ? n.returnComment : null,
    timeline: visibleEvents.map((e) => ({ at: e.at.toISOString(), kind: e.kind, actor: e.actor, unitId: e.unitId, comment: e.comment })),
    followUps: loaded.followUps.map((f) => presentFollowUp(f, now)),
    disseminations: loaded.disseminations.map(presentDissemination),
    expertConsultations: visibleConsultations.map((c) => presentExpertConsultation(c, n, viewer)),
    attachments: loaded.attachments.map(presentAttachment),
    meetings: loaded.meetings.map((m) => ({ ...m, scheduledAt: m.scheduledAt.toISOString() })),
    related: readableRelated.map((r) => ({ id: r.id, reference: r.reference, title: { 'zh-Hant': r.textHant.title, 'zh-Hans': r.textHans.title } })),
    can: {
      edit: notificationPolicy.edit(viewer, n),
      submit: notificationPolicy.submit(viewer, n) && ['draft', 'returned'].includes(n.status),
      approve: notificationPolicy.approve(viewer, n) && n.status === 'submitted',
      /** An approver of the sending unit who wrote part of it: another approver sends it. */
      approveByAnother: n.status === 'submitted' && sender && hasRole(viewer, 'approver') && !notificationPolicy.approve(viewer, n),
      acknowledge: notificationPolicy.acknowledge(viewer, n) && n.status === 'sent',
      followUp: notificationPolicy.followUp(viewer, n) && ['sent', 'acknowledged'].includes(n.status),
      withdraw: notificationPolicy.withdraw(viewer, n) && !['closed', 'withdrawn'].includes(n.status),
      close: notificationPolicy.close(viewer, n) && ['sent', 'acknowledged'].includes(n.status),
      disseminate: notificationPolicy.disseminate(viewer, n) && ['sent', 'acknowledged', 'closed'].includes(n.status),
      routeToCustoms: n.customsChannel && notificationPolicy.route(viewer, n) && ['sent', 'acknowledged', 'closed'].includes(n.status),
    },
  };
}
