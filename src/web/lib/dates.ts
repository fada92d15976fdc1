/**
 * Guangdong, Hong Kong and Macao keep one time, UTC+8, without summer time, and the server's
 * days are theirs (platform/clock.ts): times are typed and shown in it wherever the browser
 * is, so that an officer on a laptop set to another zone books the meeting the others expect.
 */
const REGION_OFFSET_MS = 8 * 3_600_000;

/** `<input type="datetime-local">` speaks wall-clock time without a zone: the region's. */
export function toRegionInput(date: Date): string {
  return new Date(date.getTime() + REGION_OFFSET_MS).toISOString().slice(0, 16);
}

/** The instant an officer typed (region time), or undefined when empty or unreadable, for the server to name. */
export function fromRegionInput(value: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return undefined;
  const date = new Date(`${value.length === 16 ? `${value}:00` : value}+08:00`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** A day of the region's calendar, as `<input type="date">` writes it. */
export const dayInput = (date: Date) => toRegionInput(date).slice(0, 10);
