import { z } from 'zod';

/**
 * Dates and instants as the API takes them. Zod's ISO formats allow year 0000 and offsets that
 * push 9999-12-31 into year 10000, which PostgreSQL refuses; these stay within 1900–2999.
 */
const inRange = (date: Date) => !Number.isNaN(date.getTime()) && date.getUTCFullYear() >= 1900 && date.getUTCFullYear() <= 2999;

export const day = z.iso.date().refine((d) => inRange(new Date(`${d}T00:00:00Z`)), { message: 'range' }).describe('YYYY-MM-DD');
export const instant = z.iso.datetime({ offset: true }).refine((d) => inRange(new Date(d)), { message: 'range' }).describe('ISO 8601 date and time with offset');
