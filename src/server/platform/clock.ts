/** The time, behind an interface so that expiry and throttling are tested without sleeping. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that only moves when told to. */
export class ManualClock implements Clock {
  constructor(private current = new Date('2026-11-24T09:00:00Z')) {}
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/**
 * Guangdong, Hong Kong and Macao keep one time, UTC+8, with no summer time: a day, a year and
 * "today" are theirs, not UTC's (a notification sent at 07:00 on 1 January is of the new year
 * and of that day). Instants are stored in UTC; these turn them into the region's calendar.
 */
const REGION_OFFSET_MS = 8 * 3_600_000;

/** The region's calendar day of an instant, YYYY-MM-DD. */
export const regionDay = (at: Date): string => new Date(at.getTime() + REGION_OFFSET_MS).toISOString().slice(0, 10);

/** The region's calendar year of an instant. */
export const regionYear = (at: Date): number => new Date(at.getTime() + REGION_OFFSET_MS).getUTCFullYear();

/** The instant a region's day (YYYY-MM-DD) begins; `regionDayStart(d, 1)` is when it ends. */
export const regionDayStart = (day: string, plusDays = 0): Date => new Date(Date.parse(`${day}T00:00:00+08:00`) + plusDays * 86_400_000);
