import { and, asc, eq, gte, inArray, lt, lte } from 'drizzle-orm';
import { regionDay, regionDayStart } from '../platform/clock.ts';
import { COMMITMENT_DUE_SOON_DAYS } from '../../shared/work.ts';
import type { DbOrTx } from '../db/open.ts';
import {
  agreements,
  commitmentStatusChanges,
  commitments,
  cooperationAreas,
  indicatorTargets,
  indicators,
  measurements,
  plenaries,
  plenaryDecisions,
  plenaryPressReleases,
  units,
} from '../db/schema.ts';
import { notFound } from '../platform/errors.ts';
import { derivedMeasurements, supplementaryMeasurements } from './derived.ts';
import { evaluateTarget, latestMeasurement, series, type Comparator, type Measure } from './progress.ts';

export async function listAreas(db: DbOrTx) {
  return db.select().from(cooperationAreas).orderBy(asc(cooperationAreas.position));
}

type MeasurementView = {
  id: string;
  value: number;
  period: string | null;
  date: string | null;
  asOf: string;
  qualifier: string;
  source: Record<string, unknown>;
  enteredBy: string;
  enteredAt: string;
};

async function indicatorsOf(db: DbOrTx, commitmentIds: string[], asOf: string) {
  if (commitmentIds.length === 0) return new Map<string, never[]>();
  const rows = await db.select().from(indicators).where(inArray(indicators.commitmentId, commitmentIds)).orderBy(asc(indicators.position));
  const ids = rows.map((r) => r.id);
  const [targetRows, measurementRows] = ids.length
    ? await Promise.all([
        db.select().from(indicatorTargets).where(inArray(indicatorTargets.indicatorId, ids)),
        db.select().from(measurements).where(inArray(measurements.indicatorId, ids)).orderBy(asc(measurements.asOf), asc(measurements.enteredAt)),
      ])
    : [[], []];
  const byCommitment = new Map<string, Awaited<ReturnType<typeof presentIndicator>>[]>();
  for (const row of rows) {
    let ms: MeasurementView[] = measurementRows
      .filter((m) => m.indicatorId === row.id)
      .map((m) => ({ id: m.id, value: m.value, period: m.period, date: m.date, asOf: m.asOf, qualifier: m.qualifier, source: m.source, enteredBy: m.enteredBy, enteredAt: m.enteredAt.toISOString() }));
    if (row.derivation) {
      ms = (await derivedMeasurements(db, row.derivation, asOf)).map((d) => ({ ...d, period: null, date: d.asOf, enteredBy: 'Liaison', enteredAt: d.asOf }));
    }
    ms.push(...(await supplementaryMeasurements(db, row.code, asOf)).map((d) => ({ ...d, period: null, date: d.asOf, enteredBy: 'Liaison', enteredAt: d.asOf })));
    const list = byCommitment.get(row.commitmentId) ?? [];
    list.push(presentIndicator(row, targetRows.filter((t) => t.indicatorId === row.id), ms, asOf));
    byCommitment.set(row.commitmentId, list);
  }
  return byCommitment;
}

function presentIndicator(row: typeof indicators.$inferSelect, targets: (typeof indicatorTargets.$inferSelect)[], ms: MeasurementView[], asOf: string) {
  const baseline = row.baselineValue === null ? null : { value: row.baselineValue, period: row.baselinePeriod, date: row.baselineDate };
  const latest = latestMeasurement(ms, asOf) as MeasurementView | null;
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    unit: row.unit,
    baseline,
    derivation: row.derivation,
    current: latest ? { measurementId: latest.id, value: latest.value, asOf: latest.asOf, period: latest.period, qualifier: latest.qualifier } : null,
    targets: targets.map((t) => ({
      id: t.id,
      comparator: t.comparator as Comparator,
      value: t.value,
      measure: t.measure as Measure,
      period: t.period,
      date: t.date,
      text: t.text,
      progress: evaluateTarget({ target: { comparator: t.comparator as Comparator, value: t.value, measure: t.measure as Measure, period: t.period, date: t.date }, baseline, measurements: ms, asOf }),
    })),
    measurements: ms.filter((m) => m.asOf <= asOf),
    series: series(ms, asOf),
  };
}

export type CommitmentView = Awaited<ReturnType<typeof listCommitments>>[number];

/**
 * Commitments with their figures as of a day: all, of some areas, or (the home page counts these)
 * those a unit owns, and of those the ones still open past their due date or due within
 * COMMITMENT_DUE_SOON_DAYS of `today`.
 */
export async function listCommitments(db: DbOrTx, options: { asOf: string; areaCodes?: string[]; ids?: string[]; ownerUnitId?: string; due?: 'overdue' | 'soon'; today?: string }) {
  const open = inArray(commitments.status, ['not_started', 'in_progress']);
  const today = options.today ?? options.asOf;
  const where = and(
    options.ids ? inArray(commitments.id, options.ids) : options.areaCodes?.length ? inArray(commitments.areaCode, options.areaCodes) : undefined,
    options.ownerUnitId ? eq(commitments.ownerUnitId, options.ownerUnitId) : undefined,
    options.due === 'overdue' ? and(open, lt(commitments.dueBy, today)) : undefined,
    options.due === 'soon' ? and(open, gte(commitments.dueBy, today), lte(commitments.dueBy, regionDay(regionDayStart(today, COMMITMENT_DUE_SOON_DAYS)))) : undefined,
  );
  const rows = await db
    .select({ c: commitments, area: cooperationAreas, agreement: { code: agreements.code, title: agreements.title }, unit: { id: units.id, code: units.code, name: units.name } })
    .from(commitments)
    .innerJoin(cooperationAreas, eq(cooperationAreas.code, commitments.areaCode))
    .leftJoin(agreements, eq(agreements.code, commitments.agreementCode))
    .leftJoin(units, eq(units.id, commitments.ownerUnitId))
    .where(where)
    .orderBy(asc(cooperationAreas.position), asc(commitments.paragraph), asc(commitments.code));
  const byCommitment = await indicatorsOf(db, rows.map((r) => r.c.id), options.asOf);
  return rows.map(({ c, area, agreement, unit }) => ({
    id: c.id,
    code: c.code,
    area: { code: area.code, name: area.name },
    paragraph: c.paragraph,
    agreement: agreement?.code ? agreement : null,
    clauseKey: c.clauseKey,
    partyCodes: c.partyCodes,
    ownerUnit: unit?.id ? unit : null,
    ownerBody: c.ownerBody ?? null,
    title: c.title,
    description: c.description,
    dueBy: c.dueBy,
    duePeriod: c.duePeriod,
    status: c.status,
    statusReason: c.statusReason ?? null,
    indicators: byCommitment.get(c.id) ?? [],
  }));
}

export async function getCommitment(db: DbOrTx, options: { id: string; asOf: string }) {
  const [commitment] = await listCommitments(db, { asOf: options.asOf, ids: [options.id] });
  if (!commitment) throw notFound('commitment');
  const timeline = await db.select().from(commitmentStatusChanges).where(eq(commitmentStatusChanges.commitmentId, options.id)).orderBy(asc(commitmentStatusChanges.changedAt));
  const decisions = await db
    .select({ plenaryCode: plenaryDecisions.plenaryCode, text: plenaryDecisions.text })
    .from(plenaryDecisions)
    .where(eq(plenaryDecisions.commitmentId, options.id));
  return {
    ...commitment,
    timeline: timeline.map((t) => ({ fromStatus: t.fromStatus, toStatus: t.toStatus, reason: t.reason, changedBy: t.changedBy, changedAt: t.changedAt.toISOString() })),
    decisions,
  };
}

/** Plenaries of the Joint Conference with the agreements signed at each and their decisions. */
export async function listPlenaries(db: DbOrTx) {
  const rows = await db.select().from(plenaries).orderBy(asc(plenaries.number));
  const releases = await db.select().from(plenaryPressReleases);
  const signed = await db.select({ code: agreements.code, title: agreements.title, plenaryCode: agreements.plenaryCode }).from(agreements).orderBy(asc(agreements.code));
  const decisions = await db
    .select({ plenaryCode: plenaryDecisions.plenaryCode, text: plenaryDecisions.text, commitment: { id: commitments.id, code: commitments.code, title: commitments.title, status: commitments.status } })
    .from(plenaryDecisions)
    .innerJoin(commitments, eq(commitments.id, plenaryDecisions.commitmentId));
  return rows.map((p) => ({
    ...p,
    agreements: signed.filter((a) => a.plenaryCode === p.code).map(({ code, title }) => ({ code, title })),
    decisions: decisions.filter((d) => d.plenaryCode === p.code).map(({ text, commitment }) => ({ text, commitment })),
    pressRelease: releases.filter((r) => r.plenaryCode === p.code).map(({ issuedOn, about, source }) => ({ issuedOn, about, source }))[0] ?? null,
  }));
}
