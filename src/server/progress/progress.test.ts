import { describe, expect, it } from 'vitest';
import { asOfDay, isPeriod, parsePeriod, schoolYearOf } from './periods.ts';
import { evaluateTarget, latestMeasurement, meets, series, type Target } from './progress.ts';

describe('school years and periods', () => {
  it('runs a school year from 1 September to 31 August', () => {
    expect(parsePeriod('2014/15')).toEqual({ start: '2014-09-01', end: '2015-08-31' });
    expect(parsePeriod('1999/00')).toEqual({ start: '1999-09-01', end: '2000-08-31' });
    expect(parsePeriod('2015')).toEqual({ start: '2015-01-01', end: '2015-12-31' });
    expect(schoolYearOf('2015-10-01')).toBe('2015/16');
    expect(schoolYearOf('2015-08-31')).toBe('2014/15');
  });

  it('refuses what is not a period', () => {
    expect(isPeriod('2014/16')).toBe(false);
    expect(isPeriod('2014/15')).toBe(true);
    expect(() => parsePeriod('2014/16')).toThrow(RangeError);
    expect(() => parsePeriod('next year')).toThrow(RangeError);
  });

  it('takes a date over a period as the day a figure is true at', () => {
    expect(asOfDay({ period: '2014/15' })).toBe('2015-08-31');
    expect(asOfDay({ date: '2015-09-30', period: '2014/15' })).toBe('2015-09-30');
    expect(asOfDay({})).toBeNull();
  });
});

describe('comparators', () => {
  it.each([
    ['at_least', 60, 60, true],
    ['at_least', 59, 60, false],
    ['more_than', 50_000, 50_000, false],
    ['more_than', 50_001, 50_000, true],
    ['exactly', 5, 5, true],
    ['exactly', 6, 5, false],
    ['around', 333, 350, true], // within 5 %
    ['around', 367, 350, true],
    ['around', 332, 350, false],
    ['around', 368, 350, false],
  ] as const)('%s: %d against %d is %s', (comparator, value, target, expected) => {
    expect(meets(comparator, value, target)).toBe(expected);
  });
});

describe('progress toward a target', () => {
  // ¶14: 291 pairs in 2014/15; at least 60 more pairs by 2017/18, around 350 in all.
  const baseline = { value: 291, period: '2014/15' };
  const more60: Target = { comparator: 'at_least', value: 60, measure: 'increase', period: '2017/18' };
  const around350: Target = { comparator: 'around', value: 350, measure: 'level', period: '2017/18' };
  const m = (id: string, value: number, asOf: string, enteredAt = '2026-01-01') => ({ id, value, asOf, enteredAt });

  it('has no progress before anything is measured', () => {
    expect(evaluateTarget({ target: more60, baseline, measurements: [], asOf: '2015-10-31' })).toMatchObject({ status: 'no_measurement', fraction: null, current: null });
  });

  it('counts an increase from the baseline', () => {
    const result = evaluateTarget({ target: more60, baseline, measurements: [m('a', 291, '2015-08-31'), m('b', 321, '2016-08-31')], asOf: '2016-09-30' });
    expect(result).toMatchObject({ status: 'in_progress', current: 321, achieved: 30, fraction: 0.5, measurementId: 'b', due: '2018-08-31' });
  });

  it('measures a level target from the baseline toward the value', () => {
    const result = evaluateTarget({ target: around350, baseline, measurements: [m('a', 320.5, '2016-08-31')], asOf: '2017-01-01' });
    expect(result.fraction).toBeCloseTo((320.5 - 291) / (350 - 291));
    expect(result.status).toBe('in_progress');
  });

  it('uses only measurements true by the day asked, the latest of them, and the last entered on a tie', () => {
    const ms = [m('old', 300, '2016-08-31', '2016-09-01'), m('fix', 305, '2016-08-31', '2016-10-01'), m('future', 360, '2018-08-31')];
    expect(latestMeasurement(ms, '2017-01-01')!.id).toBe('fix');
    expect(evaluateTarget({ target: around350, baseline, measurements: ms, asOf: '2018-09-01' }).status).toBe('met');
    expect(evaluateTarget({ target: around350, baseline, measurements: ms, asOf: '2017-01-01' }).current).toBe(305);
  });

  it('is missed once due without being met, and met regardless of the date once reached', () => {
    expect(evaluateTarget({ target: more60, baseline, measurements: [m('a', 340, '2018-08-31')], asOf: '2018-09-30' }).status).toBe('missed');
    expect(evaluateTarget({ target: more60, baseline, measurements: [m('a', 351, '2018-08-31')], asOf: '2018-09-30' })).toMatchObject({ status: 'met', achieved: 60, fraction: 1 });
  });

  it('treats a level target without baseline as a share of the value', () => {
    const places: Target = { comparator: 'more_than', value: 50_000, measure: 'level', period: '2015/16' };
    const result = evaluateTarget({ target: places, baseline: null, measurements: [m('a', 40_000, '2015-08-31')], asOf: '2015-10-31' });
    expect(result.fraction).toBeCloseTo(0.8);
  });

  it('gives a series of one point per day for charts', () => {
    expect(series([m('b', 321, '2016-08-31'), m('a', 291, '2015-08-31'), m('c', 400, '2020-01-01')], '2017-01-01')).toEqual([
      { asOf: '2015-08-31', value: 291 },
      { asOf: '2016-08-31', value: 321 },
    ]);
  });
});
