import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Context } from '../platform/context.ts';
import type { Tx } from '../db/open.ts';
import { commitmentStatusChanges, commitments, cooperationAreas, indicatorTargets, indicators, measurements, plenaryDecisions, referenceLoads, units, type LocalizedText } from '../db/schema.ts';
import { recordAudit, systemActor } from '../audit/record-audit.ts';
import { referenceDir } from '../reference/load-reference.ts';
import { asOfDay } from './periods.ts';

const progressDir = path.resolve(referenceDir, '../progress');

type IndicatorFile = {
  code: string;
  name: LocalizedText;
  unit: string;
  baseline: { value: number; period?: string | null; date?: string | null } | null;
  derivation?: string | null;
  targets: { comparator: string; value: number; measure: string; period?: string | null; date?: string | null; text: LocalizedText }[];
  measurements: { value: number; period?: string | null; date?: string | null; qualifier: string; source: { paragraph?: number; quote?: string } }[];
};
export type CommitmentFile = {
  code: string;
  area: string;
  paragraph: number | null;
  agreement: string | null;
  clause: string | null;
  parties: string[];
  ownerUnit: string | null;
  ownerBody: LocalizedText | null;
  title: LocalizedText;
  description: LocalizedText;
  dueBy: string | null;
  duePeriod: string | null;
  status: string;
  statusReason: LocalizedText | null;
  indicators: IndicatorFile[];
};

const read = <T>(name: string): T => JSON.parse(fs.readFileSync(path.join(progressDir, name), 'utf8')) as T;

/**
 * Loads the commitments and figures of the Joint Conference paper (October 2015) so that a
 * fresh start shows that state. Only what is missing is inserted: a commitment or indicator
 * that exists is never overwritten, because from then on its owning unit keeps it.
 */
export async function loadProgressData(ctx: Context): Promise<{ changed: boolean }> {
  const files = ['areas.json', 'commitments.json', 'plenaries.json'];
  const hash = createHash('sha256');
  for (const f of files) hash.update(f).update(fs.readFileSync(path.join(progressDir, f)));
  const digest = hash.digest('hex');
  const [previous] = await ctx.db.select().from(referenceLoads).where(eq(referenceLoads.name, 'progress'));
  if (previous?.hash === digest) return { changed: false };

  const areas = read<{ code: string; paragraphs: number[]; position: number; name: LocalizedText }[]>('areas.json');
  const items = read<CommitmentFile[]>('commitments.json');
  const decisions = read<{ plenary: string; decisions: { commitment: string; text: LocalizedText }[] }[]>('plenaries.json');

  await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    for (const a of areas) {
      const row = { code: a.code, position: a.position, paragraphs: a.paragraphs, name: a.name };
      await tx.insert(cooperationAreas).values(row).onConflictDoUpdate({ target: cooperationAreas.code, set: row });
    }
    const unitIds = new Map((await tx.select({ id: units.id, code: units.code }).from(units)).map((u) => [u.code, u.id]));
    const inserted: string[] = [];
    for (const c of items) if (await insertCommitment(tx, c, unitIds, now)) inserted.push(c.code);
    for (const p of decisions) {
      for (const d of p.decisions) {
        const [commitment] = await tx.select({ id: commitments.id }).from(commitments).where(eq(commitments.code, d.commitment));
        if (!commitment) throw new Error(`plenaries.json: unknown commitment ${d.commitment}`);
        await tx.insert(plenaryDecisions).values({ plenaryCode: p.plenary, commitmentId: commitment.id, text: d.text }).onConflictDoNothing();
      }
    }
    await tx.insert(referenceLoads).values({ name: 'progress', hash: digest, loadedAt: now }).onConflictDoUpdate({ target: referenceLoads.name, set: { hash: digest, loadedAt: now } });
    await recordAudit(tx, ctx.clock, { actor: systemActor, action: 'progress.loaded', entityType: 'reference_data', entityId: 'progress', data: { hash: digest, commitmentsAdded: inserted } });
  });
  return { changed: true };
}

/** Inserts a commitment of a data file unless one with its code exists (its owning unit keeps it from then on); also used for the IP work programme (ip/load-ip.ts). */
export async function insertCommitment(tx: Tx, c: CommitmentFile, unitIds: Map<string, string>, now: Date): Promise<boolean> {
  const ownerUnitId = c.ownerUnit ? unitIds.get(c.ownerUnit) : null;
  if (ownerUnitId === undefined) throw new Error(`commitments.json: ${c.code} names unknown unit ${c.ownerUnit}`);
  const [created] = await tx
    .insert(commitments)
    .values({
      code: c.code,
      areaCode: c.area,
      paragraph: c.paragraph,
      agreementCode: c.agreement,
      clauseKey: c.clause,
      partyCodes: c.parties,
      ownerUnitId,
      ownerBody: c.ownerBody,
      title: c.title,
      description: c.description,
      dueBy: c.dueBy,
      duePeriod: c.duePeriod,
      status: c.status,
      statusReason: c.statusReason,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: commitments.id });
  if (!created) return false;
  await tx.insert(commitmentStatusChanges).values({ commitmentId: created.id, fromStatus: null, toStatus: c.status, reason: c.statusReason?.en ?? 'loaded from the Joint Conference paper', changedBy: 'system', changedAt: now });
  for (const [position, i] of c.indicators.entries()) {
    const [indicator] = await tx
      .insert(indicators)
      .values({
        code: i.code,
        commitmentId: created.id,
        position,
        name: i.name,
        unit: i.unit,
        baselineValue: i.baseline?.value ?? null,
        baselinePeriod: i.baseline?.period ?? null,
        baselineDate: i.baseline?.date ?? null,
        derivation: i.derivation ?? null,
      })
      .returning({ id: indicators.id });
    if (i.targets.length) {
      await tx.insert(indicatorTargets).values(i.targets.map((t) => ({ indicatorId: indicator.id, comparator: t.comparator, value: t.value, measure: t.measure, period: t.period ?? null, date: t.date ?? null, text: t.text })));
    }
    if (i.measurements.length) {
      await tx.insert(measurements).values(
        i.measurements.map((m) => ({
          indicatorId: indicator.id,
          value: m.value,
          period: m.period ?? null,
          date: m.date ?? null,
          asOf: asOfDay(m)!,
          qualifier: m.qualifier,
          source: { document: 'Joint Conference paper, October 2015', ...m.source },
          enteredBy: 'system',
          enteredAt: now,
          updatedAt: now,
        })),
      );
    }
  }
  return true;
}
