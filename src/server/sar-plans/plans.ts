import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Context, Viewer } from '../platform/context.ts';
import { regionYear } from '../platform/clock.ts';
import { AppError, forbidden, notFound } from '../platform/errors.ts';
import { nextReference } from '../platform/reference-numbers.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { sarPolicy } from './policy.ts';
import { currentRccModules, findAgencies, findShip, listPlanRows, setCarriedModules } from './queries.ts';
import { presentPlanSummaries, planDetail } from './plan-view.ts';
import { actorOf, requireSarActor } from './register.ts';
import { sarPlans, type SarFacility } from './schema.ts';
import type { planBody, updatePlanBody } from './schemas.ts';
import { scriptOfPlace } from './present.ts';
import { nameInBothScripts } from '../platform/both-scripts.ts';

/** Module 4 as kept: each facility's name in both scripts. */
export const facilitiesOf = (input: z.infer<typeof planBody>['facilities']): SarFacility[] =>
  input.map((f) => {
    const { asWritten: _, ...name } = nameInBothScripts(f.nameZh, scriptOfPlace(f.place), f.nameEn);
    return { place: f.place, kind: f.kind, name, contact: f.contact ?? null };
  });

export async function listPlans(ctx: Context, options: { viewer: Viewer; status?: string; place?: string }) {
  await requireSarActor(ctx, options.viewer);
  const owner = options.place ? (await findAgencies(ctx.db)).find((a) => a.place === options.place)?.id : undefined;
  return presentPlanSummaries(ctx, await listPlanRows(ctx.db, { status: options.status, ownerUnitId: owner }));
}

export async function getPlan(ctx: Context, options: { viewer: Viewer; id: string }) {
  const actor = await requireSarActor(ctx, options.viewer);
  return planDetail(ctx, actor, options.id);
}

/**
 * The agency of the ship's place draws up its plan (clause 1): a draft carrying every agency's
 * current Module 3, numbered in the place's SAR series (HK-SAR-2026-0001). One plan per ship.
 */
export async function createPlan(ctx: Context, options: { viewer: Viewer; input: z.infer<typeof planBody> }) {
  const { viewer, input } = options;
  const actor = await requireSarActor(ctx, viewer);
  const ship = await findShip(ctx.db, input.shipId);
  if (!ship) throw new AppError('validation.failed', { fields: [{ field: 'shipId', code: 'invalid_value' }] });
  const owner = (await findAgencies(ctx.db)).find((a) => a.place === ship.place);
  if (!owner || !sarPolicy.editPlan(actor, { ownerUnitId: owner.id, status: 'draft' })) throw forbidden('the agency of the ship’s place draws up its plan');
  return ctx.db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: sarPlans.id }).from(sarPlans).where(eq(sarPlans.shipId, ship.id));
    if (existing) throw new AppError('conflict', { params: { what: 'sar_plan_of_ship' } });
    const modules = [...(await currentRccModules(tx)).values()];
    const agencies = await findAgencies(tx);
    if (!agencies.every((a) => modules.some((m) => m.unitId === a.id))) throw new AppError('conflict', { params: { what: 'rcc_modules_missing' } });
    const now = ctx.clock.now();
    const reference = await nextReference(tx, { partyCode: ship.place, series: 'SAR', year: regionYear(now) });
    const [row] = await tx
      .insert(sarPlans)
      .values({ reference, shipId: ship.id, ownerUnitId: owner.id, status: 'draft', revision: 0, facilities: facilitiesOf(input.facilities), notes: input.notes ?? null, createdAt: now, updatedAt: now })
      .returning();
    await setCarriedModules(tx, row.id, modules.filter((m) => agencies.some((a) => a.id === m.unitId)));
    await recordAudit(tx, ctx.clock, { actor: actorOf(viewer), action: 'sar_plan.created', entityType: 'sar_plan', entityId: row.id, unitId: owner.id, data: { reference, imoNumber: ship.imoNumber } });
    return row.id;
  });
}

/** The owner edits the plan's own parts (Module 4, notes) while it is a draft or issued; the next issue carries them. */
export async function updatePlan(ctx: Context, options: { viewer: Viewer; id: string; change: z.infer<typeof updatePlanBody> }) {
  const { viewer, id, change } = options;
  const actor = await requireSarActor(ctx, viewer);
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(sarPlans).where(eq(sarPlans.id, id)).for('update');
    if (!row) throw notFound('sar_plan');
    if (!sarPolicy.editPlan(actor, row)) throw forbidden('the plan’s owner edits it');
    if (row.status === 'withdrawn') throw new AppError('conflict', { params: { what: 'sar_plan_status' } });
    await tx
      .update(sarPlans)
      .set({ ...(change.facilities ? { facilities: facilitiesOf(change.facilities) } : {}), ...(change.notes !== undefined ? { notes: change.notes ?? null } : {}), updatedAt: ctx.clock.now() })
      .where(eq(sarPlans.id, id));
    await recordAudit(tx, ctx.clock, { actor: actorOf(viewer), action: 'sar_plan.updated', entityType: 'sar_plan', entityId: id, unitId: row.ownerUnitId, data: { reference: row.reference, fields: Object.keys(change) } });
  });
}
