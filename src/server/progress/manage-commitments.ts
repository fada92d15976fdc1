import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Context, Viewer } from '../platform/context.ts';
import { AppError, forbidden, notFound } from '../platform/errors.ts';
import { isUniqueViolation } from '../db/errors.ts';
import type { DbOrTx } from '../db/open.ts';
import { agreements, commitmentStatusChanges, commitments, cooperationAreas, indicatorTargets, indicators, measurements, parties, units, type LocalizedText } from '../db/schema.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { toSimplified, toTraditional } from '../../shared/script.ts';
import { asOfDay } from './periods.ts';
import { progressPolicy } from './policy.ts';
import type { correctMeasurementBody, createCommitmentBody, createIndicatorBody, recordMeasurementBody, updateCommitmentBody } from './schemas.ts';

const actorOf = (viewer: Viewer) => ({ id: viewer.userId, label: viewer.username });
const invalid = (field: string) => new AppError('validation.failed', { fields: [{ field, code: 'invalid_value' }] });

/** Completes a text written in one Chinese script with the other, kept as written. */
export function bothScripts(text: { 'zh-Hant'?: string; 'zh-Hans'?: string; en: string }): LocalizedText {
  const hant = text['zh-Hant'] ?? toTraditional(text['zh-Hans']!);
  return { 'zh-Hant': hant, 'zh-Hans': text['zh-Hans'] ?? toSimplified(hant), en: text.en };
}

async function loadCommitment(db: DbOrTx, id: string) {
  const [row] = await db.select().from(commitments).where(eq(commitments.id, id));
  if (!row) throw notFound('commitment');
  return row;
}

async function checkReferences(db: DbOrTx, input: { areaCode?: string; agreementCode?: string | null; partyCodes?: string[]; ownerUnitId?: string | null }) {
  if (input.areaCode && !(await db.select().from(cooperationAreas).where(eq(cooperationAreas.code, input.areaCode)))[0]) throw invalid('areaCode');
  if (input.agreementCode && !(await db.select().from(agreements).where(eq(agreements.code, input.agreementCode)))[0]) throw invalid('agreementCode');
  if (input.ownerUnitId && !(await db.select().from(units).where(eq(units.id, input.ownerUnitId)))[0]) throw invalid('ownerUnitId');
  const known = new Set((await db.select({ code: parties.code }).from(parties)).map((p) => p.code));
  if (input.partyCodes?.some((p) => !known.has(p))) throw invalid('partyCodes');
}

function conflictOn(field: string, error: unknown): never {
  if (isUniqueViolation(error)) throw new AppError('conflict', { params: { what: field }, fields: [{ field: 'code', code: 'invalid_value' }] });
  throw error;
}

export async function createCommitment(ctx: Context, options: { viewer: Viewer; input: z.infer<typeof createCommitmentBody> }) {
  const { viewer, input } = options;
  if (!progressPolicy.createCommitment(viewer, input.ownerUnitId)) throw forbidden('may not create commitments for this unit');
  try {
    return await ctx.db.transaction(async (tx) => {
      await checkReferences(tx, input);
      const now = ctx.clock.now();
      const [created] = await tx
        .insert(commitments)
        .values({
          code: input.code,
          areaCode: input.areaCode,
          paragraph: input.paragraph ?? null,
          agreementCode: input.agreementCode ?? null,
          clauseKey: input.clauseKey ?? null,
          partyCodes: input.partyCodes,
          ownerUnitId: input.ownerUnitId,
          title: bothScripts(input.title),
          description: bothScripts(input.description),
          dueBy: input.dueBy ?? null,
          duePeriod: input.duePeriod ?? null,
          status: 'not_started',
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: commitments.id });
      await tx.insert(commitmentStatusChanges).values({ commitmentId: created.id, fromStatus: null, toStatus: 'not_started', reason: 'created', changedBy: viewer.username, changedAt: now });
      await recordAudit(tx, ctx.clock, { actor: actorOf(viewer), action: 'commitment.created', entityType: 'commitment', entityId: created.id, unitId: input.ownerUnitId, data: input });
      return created.id;
    });
  } catch (error) {
    conflictOn('commitment_code', error);
  }
}

/** Changes a commitment; a change of status needs a reason and joins the commitment's timeline. */
export async function updateCommitment(ctx: Context, options: { viewer: Viewer; id: string; change: z.infer<typeof updateCommitmentBody> }) {
  const { viewer, id, change } = options;
  const existing = await loadCommitment(ctx.db, id);
  if (!progressPolicy.editCommitment(viewer, existing)) throw forbidden('may not change this commitment');
  await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const { reason, title, description, status, ...rest } = change;
    const set: Partial<typeof commitments.$inferInsert> = { ...rest, updatedAt: now };
    if (title) set.title = bothScripts(title);
    if (description) set.description = bothScripts(description);
    if (status && status !== existing.status) {
      set.status = status;
      set.statusReason = { 'zh-Hant': toTraditional(reason!), 'zh-Hans': toSimplified(reason!), en: reason! };
      await tx.insert(commitmentStatusChanges).values({ commitmentId: id, fromStatus: existing.status, toStatus: status, reason: reason!, changedBy: viewer.username, changedAt: now });
    }
    await tx.update(commitments).set(set).where(eq(commitments.id, id));
    await recordAudit(tx, ctx.clock, { actor: actorOf(viewer), action: 'commitment.updated', entityType: 'commitment', entityId: id, unitId: existing.ownerUnitId, data: { ...change, previousStatus: existing.status } });
  });
}

export async function addIndicator(ctx: Context, options: { viewer: Viewer; commitmentId: string; input: z.infer<typeof createIndicatorBody> }) {
  const { viewer, commitmentId, input } = options;
  const commitment = await loadCommitment(ctx.db, commitmentId);
  if (!progressPolicy.editCommitment(viewer, commitment)) throw forbidden('may not change this commitment');
  if (input.targets.some((t) => t.measure === 'increase') && !input.baseline) throw invalid('baseline');
  try {
    return await ctx.db.transaction(async (tx) => {
      const existing = await tx.select({ id: indicators.id }).from(indicators).where(eq(indicators.commitmentId, commitmentId));
      const [created] = await tx
        .insert(indicators)
        .values({
          code: input.code,
          commitmentId,
          position: existing.length,
          name: bothScripts(input.name),
          unit: input.unit,
          baselineValue: input.baseline?.value ?? null,
          baselinePeriod: input.baseline?.period ?? null,
          baselineDate: input.baseline?.date ?? null,
        })
        .returning({ id: indicators.id });
      if (input.targets.length) {
        await tx.insert(indicatorTargets).values(
          input.targets.map((t) => ({ indicatorId: created.id, comparator: t.comparator, value: t.value, measure: t.measure, period: t.period ?? null, date: t.date ?? null, text: bothScripts(t.text) })),
        );
      }
      await recordAudit(tx, ctx.clock, { actor: actorOf(viewer), action: 'indicator.created', entityType: 'indicator', entityId: created.id, unitId: commitment.ownerUnitId, data: input });
      return created.id;
    });
  } catch (error) {
    conflictOn('indicator_code', error);
  }
}

async function indicatorWithCommitment(db: DbOrTx, indicatorId: string) {
  const [row] = await db.select({ indicator: indicators, commitment: commitments }).from(indicators).innerJoin(commitments, eq(commitments.id, indicators.commitmentId)).where(eq(indicators.id, indicatorId));
  if (!row) throw notFound('indicator');
  return row;
}

export async function recordMeasurement(ctx: Context, options: { viewer: Viewer; indicatorId: string; input: z.infer<typeof recordMeasurementBody> }) {
  const { viewer, indicatorId, input } = options;
  const { indicator, commitment } = await indicatorWithCommitment(ctx.db, indicatorId);
  if (!progressPolicy.editCommitment(viewer, commitment)) throw forbidden('may not record figures for this commitment');
  if (indicator.derivation) throw invalid('indicatorId'); // Liaison measures this one itself.
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const [created] = await tx
      .insert(measurements)
      .values({
        indicatorId,
        value: input.value,
        period: input.period ?? null,
        date: input.date ?? null,
        asOf: asOfDay(input)!,
        qualifier: input.qualifier,
        source: input.source,
        enteredBy: viewer.username,
        enteredAt: now,
        updatedAt: now,
      })
      .returning({ id: measurements.id });
    await recordAudit(tx, ctx.clock, { actor: actorOf(viewer), action: 'measurement.recorded', entityType: 'measurement', entityId: created.id, unitId: commitment.ownerUnitId, data: { indicator: indicator.code, ...input } });
    return created.id;
  });
}

/** Corrects a figure. Drafts that quoted the old value flag it; issued reports keep their snapshot. */
export async function correctMeasurement(ctx: Context, options: { viewer: Viewer; id: string; input: z.infer<typeof correctMeasurementBody> }) {
  const { viewer, id, input } = options;
  const [existing] = await ctx.db.select().from(measurements).where(eq(measurements.id, id));
  if (!existing) throw notFound('measurement');
  const { commitment } = await indicatorWithCommitment(ctx.db, existing.indicatorId);
  if (!progressPolicy.editCommitment(viewer, commitment)) throw forbidden('may not correct figures of this commitment');
  await ctx.db.transaction(async (tx) => {
    await tx.update(measurements).set({ value: input.value, qualifier: input.qualifier ?? existing.qualifier, updatedAt: ctx.clock.now() }).where(eq(measurements.id, id));
    await recordAudit(tx, ctx.clock, {
      actor: actorOf(viewer),
      action: 'measurement.corrected',
      entityType: 'measurement',
      entityId: id,
      unitId: commitment.ownerUnitId,
      data: { from: existing.value, to: input.value, reason: input.reason },
    });
  });
}
