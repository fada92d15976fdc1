import type { z } from 'zod';
import type { Context, Viewer } from '../platform/context.ts';
import { AppError, forbidden } from '../platform/errors.ts';
import { regionDay } from '../platform/clock.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { schoolPolicy } from './policy.ts';
import { readablePair } from './pairing.ts';
import { actorOf, requireSchoolActor } from './registry.ts';
import { recordPairStep } from './exchange.ts';
import { indexActivity, indexMaterial } from './search-index.ts';
import { pairActivities, sharedMaterials } from './schema.ts';
import type { activityBody, materialBody } from './schemas.ts';

const contributing = ['active', 'dormant'];

/** Clauses 3–4: either school of a standing pair records an activity; both see it. */
export async function addActivity(ctx: Context, options: { viewer: Viewer; id: string; input: z.infer<typeof activityBody> }) {
  const { viewer, id, input } = options;
  const actor = await requireSchoolActor(ctx, viewer);
  const { pair, hk, gd } = await readablePair(ctx, actor, id);
  if (!schoolPolicy.contribute(actor, pair)) throw forbidden('only the two schools record their activities');
  if (!contributing.includes(pair.status)) throw new AppError('conflict', { params: { what: 'sister_pair_status' } });
  // An activity is recorded once held: one dated ahead is a slip of the year.
  if (input.heldOn > regionDay(ctx.clock.now())) throw new AppError('validation.failed', { fields: [{ field: 'heldOn', code: 'in_future' }] });
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(pairActivities)
      .values({ pairId: id, kind: input.kind, heldOn: input.heldOn, place: input.place ?? null, participants: input.participants, description: input.description, evidence: input.evidence, schoolId: actor.schoolId!, createdBy: viewer.displayName, createdAt: ctx.clock.now() })
      .returning();
    await recordAudit(tx, ctx.clock, { actor: actorOf(viewer), action: 'pair_activity.added', entityType: 'pair_activity', entityId: row.id, data: { pairId: id, kind: input.kind, heldOn: input.heldOn } });
    await recordPairStep(tx, ctx, { pairId: id, kind: 'activity', side: actor.side, actor: actorOf(viewer), comment: input.kind });
    await indexActivity(tx, ctx, row, `${hk.nameZh} – ${gd.nameZh}: ${input.description.slice(0, 60)}`, pair);
    return row.id;
  });
}

/** Clause 4 (分享優質教學資料): a shared teaching material, with its licence. */
export async function shareMaterial(ctx: Context, options: { viewer: Viewer; id: string; input: z.infer<typeof materialBody> }) {
  const { viewer, id, input } = options;
  const actor = await requireSchoolActor(ctx, viewer);
  const { pair } = await readablePair(ctx, actor, id);
  if (!schoolPolicy.contribute(actor, pair)) throw forbidden('only the two schools share materials');
  if (!contributing.includes(pair.status)) throw new AppError('conflict', { params: { what: 'sister_pair_status' } });
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(sharedMaterials)
      .values({ pairId: id, title: input.title, description: input.description, licence: input.licence, url: input.url ?? null, schoolId: actor.schoolId!, createdBy: viewer.displayName, createdAt: ctx.clock.now() })
      .returning();
    await recordAudit(tx, ctx.clock, { actor: actorOf(viewer), action: 'shared_material.added', entityType: 'shared_material', entityId: row.id, data: { pairId: id, title: input.title, licence: input.licence } });
    await indexMaterial(tx, ctx, row, pair);
    return row.id;
  });
}
