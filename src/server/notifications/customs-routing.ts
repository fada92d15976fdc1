import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { customsRoutings, followUps, notifications, searchDocuments, units } from '../db/schema.ts';
import type { DbOrTx } from '../db/types.ts';
import type { Context, Viewer } from '../platform/context.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { tellUnit } from '../mail/outbox.ts';
import { allow, notificationPolicy } from './policy.ts';
import { readableNotification, requireStatus } from './load-notification.ts';
import { indexNotification } from './index-notification.ts';
import { recordStep } from './record-step.ts';
import type { customsRoutingBody } from './schemas.ts';

export type CustomsRoutingRow = typeof customsRoutings.$inferSelect;

/**
 * Clause 1 ¶4: information on imported or exported food (food supplied to Hong Kong included)
 * goes between the relevant departments through the existing channels. Either unit routes a
 * customs-channel notification: to a customs unit inside Liaison, which from then on reads the
 * notification and its follow-ups as the addressee does, adds its own, and acknowledges its
 * routing; or to a department outside Liaison, named. Every routing is kept.
 */
export async function routeToCustoms(ctx: Context, options: { viewer: Viewer; id: string; input: z.infer<typeof customsRoutingBody> }) {
  const { viewer, id, input } = options;
  if (!input.customsUnitId === !input.routedTo) {
    const field = input.customsUnitId ? 'routedTo' : 'customsUnitId';
    throw new AppError('validation.failed', { fields: [{ field, code: input.customsUnitId ? 'customs_one_of' : 'required' }] });
  }
  return ctx.db.transaction(async (tx) => {
    const n = await readableNotification(tx, viewer, id, { forUpdate: true });
    allow(notificationPolicy.route(viewer, n), 'may not route this notification');
    if (!n.customsChannel) throw new AppError('conflict', { params: { what: 'not_customs' } });
    requireStatus(n, ['sent', 'acknowledged', 'closed']);
    const now = ctx.clock.now();
    const unit = input.customsUnitId ? await customsUnit(tx, input.customsUnitId) : null;
    if (input.customsUnitId && !unit) throw new AppError('validation.failed', { fields: [{ field: 'customsUnitId', code: 'not_customs_unit' }] });
    if (unit && n.customsUnitIds.includes(unit.id)) throw new AppError('conflict', { params: { what: 'already_routed' } });
    const [routing] = await tx
      .insert(customsRoutings)
      .values({ notificationId: id, routedByUnitId: viewer.unitId!, routedBy: viewer.displayName, customsUnitId: unit?.id ?? null, routedTo: input.routedTo ?? null, routedAt: new Date(input.routedAt), recordedAt: now })
      .returning();
    await recordStep(tx, ctx, { notification: n, viewer, kind: 'routed_to_customs', comment: unit ? unit.name['zh-Hant'] : input.routedTo!, data: { routingId: routing.id, customsUnitId: unit?.id ?? null, routedAt: input.routedAt } });
    if (unit) {
      const [shared] = await tx
        .update(notifications)
        .set({ customsUnitIds: sql`array_append(${notifications.customsUnitIds}, ${unit.id}::uuid)`, updatedAt: now })
        .where(eq(notifications.id, id))
        .returning();
      await indexNotification(tx, ctx, shared);
      await shareFollowUpsInSearch(tx, id, unit.id);
      await tellUnit(tx, ctx, { unitId: unit.id, roles: ['officer', 'approver'], what: 'routed_to_customs', title: `${n.reference} ${n.textHant.title}`, link: `/notifications/${id}`, exceptUserIds: [viewer.userId] });
    }
    return routing.id;
  });
}

/** The customs unit acknowledges its own routing: it has the notification in hand. */
export async function acknowledgeCustomsRouting(ctx: Context, options: { viewer: Viewer; id: string; routingId: string }) {
  const { viewer, id, routingId } = options;
  return ctx.db.transaction(async (tx) => {
    const n = await readableNotification(tx, viewer, id, { forUpdate: true });
    const [routing] = await tx.select().from(customsRoutings).where(and(eq(customsRoutings.id, routingId), eq(customsRoutings.notificationId, id)));
    if (!routing) throw notFound('customs_routing');
    allow(notificationPolicy.acknowledgeRouting(viewer, routing), 'may not acknowledge this routing');
    if (routing.acknowledgedAt) throw new AppError('conflict', { params: { what: 'routing_acknowledged' } });
    await tx.update(customsRoutings).set({ acknowledgedAt: ctx.clock.now(), acknowledgedBy: viewer.displayName }).where(eq(customsRoutings.id, routingId));
    await recordStep(tx, ctx, { notification: n, viewer, kind: 'customs_acknowledged', comment: null, data: { routingId } });
    for (const unitId of [n.senderUnitId, n.recipientUnitId]) {
      await tellUnit(tx, ctx, { unitId, roles: ['officer', 'approver'], what: 'customs_acknowledged', title: `${n.reference} ${n.textHant.title}`, link: `/notifications/${id}`, exceptUserIds: [viewer.userId] });
    }
  });
}

/** The routings of a notification, oldest first, with the names of the customs units. */
export function routingsOf(db: DbOrTx, notificationId: string) {
  return db
    .select({ routing: customsRoutings, unit: { id: units.id, code: units.code, partyCode: units.partyCode, name: units.name } })
    .from(customsRoutings)
    .leftJoin(units, eq(units.id, customsRoutings.customsUnitId))
    .where(eq(customsRoutings.notificationId, notificationId))
    .orderBy(customsRoutings.routedAt, customsRoutings.recordedAt);
}

/** A unit of kind customs (data/reference/units.json), or undefined. */
async function customsUnit(db: DbOrTx, unitId: string) {
  const [unit] = await db.select({ id: units.id, name: units.name }).from(units).where(and(eq(units.id, unitId), eq(units.kind, 'customs'), eq(units.active, true)));
  return unit;
}

/** The follow-ups written before the routing become findable by the customs unit too. */
async function shareFollowUpsInSearch(db: DbOrTx, notificationId: string, unitId: string) {
  await db
    .update(searchDocuments)
    .set({ unitIds: sql`array_append(${searchDocuments.unitIds}, ${unitId}::uuid)` })
    .where(and(eq(searchDocuments.kind, 'follow_up'), sql`${searchDocuments.refId} in (select ${followUps.id}::text from ${followUps} where ${followUps.notificationId} = ${notificationId})`));
}
