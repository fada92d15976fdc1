import { describe, expect, it } from 'vitest';
import { formatDate } from './localized.ts';
import { dayInput, fromRegionInput, toRegionInput } from './dates.ts';

/** Whatever zone the browser is set to (these run in the machine's, usually UTC), times are the region's. */
describe('times typed and shown in the region (UTC+8)', () => {
  it('reads a typed wall-clock time as Hong Kong time, and writes one back the same', () => {
    expect(fromRegionInput('2026-12-01T10:00')).toBe('2026-12-01T02:00:00.000Z');
    expect(fromRegionInput('2026-12-01T10:00:30')).toBe('2026-12-01T02:00:30.000Z');
    expect(toRegionInput(new Date('2026-12-01T02:00:00Z'))).toBe('2026-12-01T10:00');
    expect(fromRegionInput('')).toBeUndefined();
    expect(fromRegionInput('not a time')).toBeUndefined();
  });

  it("gives the region's day, which starts eight hours before UTC's", () => {
    expect(dayInput(new Date('2026-11-30T17:00:00Z'))).toBe('2026-12-01');
  });

  it('shows an instant at its time in the region, in each language', () => {
    expect(formatDate('2026-12-01T02:00:00.000Z', 'en')).toMatch(/1 December 2026.*10:00/);
    expect(formatDate('2026-12-01T02:00:00.000Z', 'zh-Hant')).toMatch(/2026年12月1日.*10:00/);
    // A day is a day, not shifted by any zone.
    expect(formatDate('2026-12-01', 'zh-Hans')).toBe('2026年12月1日');
  });
});
