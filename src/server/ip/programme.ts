import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { toSimplified, toTraditional } from '../../shared/script.ts';
import type { Context, Viewer } from '../platform/context.ts';
import { forbidden, notFound } from '../platform/errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { commitmentStatusChanges, commitments } from '../db/schema.ts';
import { unitRefs } from '../units/unit-refs.ts';
import { ipPolicy } from './policy.ts';
import { ipActorOf, programmeItemByCode, programmeItems, programmeTimelines } from './queries.ts';
import { actorOf, requireIpUnit } from './revisions.ts';
import type { programmeUpdateBody } from './schemas.ts';

// The work programme (M22): the agreement's 21 numbered items are commitments of the progress
// capability (M29), loaded from data/ip/work-programme.json, so the IP part of a progress report
// comes from them. A progress update is a step of the commitment's timeline (the table progress
// keeps for status changes), with or without a change of status.

/** Anyone signed in reads the programme, as they read every commitment; its IP units update it. */
export async function listProgramme(ctx: Context, options: { viewer: Viewer }) {
  const actor = (await ipActorOf(ctx.db, options.viewer))!;
  const items = await programmeItems(ctx.db);
  const [owners, timelines] = await Promise.all([unitRefs(ctx.db, items.flatMap((i) => (i.ownerUnitId ? [i.ownerUnitId] : []))), programmeTimelines(ctx.db, items.map((i) => i.id))]);
  return items.map((i) => {
    const owner = i.ownerUnitId ? owners.get(i.ownerUnitId) : undefined;
    return {
      id: i.id,
      code: i.code,
      clause: i.clauseKey,
      parties: i.partyCodes,
      owner: { unit: owner ? { id: owner.id, code: owner.code, name: owner.name } : null, body: i.ownerBody ?? null },
      title: i.title,
      description: i.description,
      dueBy: i.dueBy,
      status: i.status,
      timeline: (timelines.get(i.id) ?? []).map((c) => ({ from: c.fromStatus, to: c.toStatus, note: c.reason, by: c.changedBy, at: c.changedAt.toISOString() })),
      canUpdate: ipPolicy.updateProgramme(actor, i),
    };
  });
}

/** An IP unit of a side the item binds records progress: what was done, and the status after it. */
export async function updateProgrammeItem(ctx: Context, options: { viewer: Viewer; code: string; input: z.infer<typeof programmeUpdateBody> }) {
  const { viewer, code, input } = options;
  const actor = await requireIpUnit(ctx, viewer);
  await ctx.db.transaction(async (tx) => {
    const item = await programmeItemByCode(tx, code);
    if (!item) throw notFound('commitment');
    if (!ipPolicy.updateProgramme(actor, item)) throw forbidden('the item does not bind the viewer’s side');
    const now = ctx.clock.now();
    const status = input.status ?? item.status;
    await tx.insert(commitmentStatusChanges).values({ commitmentId: item.id, fromStatus: item.status, toStatus: status, reason: input.note, changedBy: viewer.username, changedAt: now });
    await tx
      .update(commitments)
      .set({ status, ...(status !== item.status ? { statusReason: { 'zh-Hant': toTraditional(input.note), 'zh-Hans': toSimplified(input.note), en: input.note } } : {}), updatedAt: now })
      .where(eq(commitments.id, item.id));
    await recordAudit(tx, ctx.clock, { actor: actorOf(viewer), action: 'ip_programme.updated', entityType: 'commitment', entityId: item.id, unitId: viewer.unitId, data: { code, from: item.status, to: status } });
  });
  return (await listProgramme(ctx, { viewer })).find((i) => i.code === code)!;
}
