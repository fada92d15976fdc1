import { asOfDay } from './periods.ts';

/**
 * Progress toward a target, derived from measurements and never typed in. A target says a
 * figure must be at least / more than / around / exactly a value, either as the figure itself
 * (level) or counted from the baseline (increase), by a date or school year.
 */
export type Comparator = 'at_least' | 'more_than' | 'around' | 'exactly';
export type Measure = 'level' | 'increase';

/** "Around 350" is met within this share of the value either side. */
export const AROUND_TOLERANCE = 0.05;

export type Target = { comparator: Comparator; value: number; measure: Measure; date?: string | null; period?: string | null };
export type Baseline = { value: number; date?: string | null; period?: string | null } | null;
export type Measurement = { id: string; value: number; asOf: string; enteredAt?: string };

export type TargetProgress = {
  /** no_measurement: nothing measured by the day asked; met; in_progress: not met, not yet due; missed: due and not met. */
  status: 'no_measurement' | 'met' | 'in_progress' | 'missed';
  /** The measurement used: the latest as of the day asked. */
  measurementId: string | null;
  current: number | null;
  /** What counts against the target: the figure (level) or its rise over the baseline (increase). */
  achieved: number | null;
  /** Share of the way from the baseline to the target (1 = there); null without a measurement. */
  fraction: number | null;
  due: string | null;
};

export function meets(comparator: Comparator, achieved: number, target: number): boolean {
  switch (comparator) {
    case 'at_least':
      return achieved >= target;
    case 'more_than':
      return achieved > target;
    case 'exactly':
      return achieved === target;
    case 'around':
      return Math.abs(achieved - target) <= Math.abs(target) * AROUND_TOLERANCE;
  }
}

/** The latest measurement true on or before `asOf` (ties: the one entered last). */
export function latestMeasurement(measurements: Measurement[], asOf: string): Measurement | null {
  let best: Measurement | null = null;
  for (const m of measurements) {
    if (m.asOf > asOf) continue;
    if (!best || m.asOf > best.asOf || (m.asOf === best.asOf && (m.enteredAt ?? '') > (best.enteredAt ?? ''))) best = m;
  }
  return best;
}

export function evaluateTarget(options: { target: Target; baseline: Baseline; measurements: Measurement[]; asOf: string }): TargetProgress {
  const { target, baseline, asOf } = options;
  const due = asOfDay(target);
  const latest = latestMeasurement(options.measurements, asOf);
  if (!latest) return { status: 'no_measurement', measurementId: null, current: null, achieved: null, fraction: null, due };
  if (target.measure === 'increase' && !baseline) throw new Error('an increase target needs a baseline');
  const start = baseline?.value ?? 0;
  const achieved = target.measure === 'increase' ? latest.value - start : latest.value;
  const goal = target.measure === 'increase' ? target.value : target.value - start;
  const gained = target.measure === 'increase' ? achieved : latest.value - start;
  const fraction = goal === 0 ? (meets(target.comparator, achieved, target.value) ? 1 : 0) : Math.max(0, gained / goal);
  const met = meets(target.comparator, achieved, target.value);
  const status = met ? 'met' : due !== null && due < asOf ? 'missed' : 'in_progress';
  const finite = (n: number) => (Number.isFinite(n) ? n : null);
  return { status, measurementId: latest.id, current: latest.value, achieved: finite(achieved), fraction: finite(fraction), due };
}

/** The figure over time, for charts: one point per measurement up to `asOf`. */
export function series(measurements: Measurement[], asOf: string): { asOf: string; value: number }[] {
  const byDay = new Map<string, Measurement>();
  for (const m of measurements) {
    if (m.asOf > asOf) continue;
    const seen = byDay.get(m.asOf);
    if (!seen || (m.enteredAt ?? '') > (seen.enteredAt ?? '')) byDay.set(m.asOf, m);
  }
  return [...byDay.values()].sort((a, b) => (a.asOf < b.asOf ? -1 : 1)).map((m) => ({ asOf: m.asOf, value: m.value }));
}
