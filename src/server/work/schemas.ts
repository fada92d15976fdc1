import { z } from 'zod';

const workCount = z.object({
  key: z.string().describe('What is counted, e.g. unread, ackOverdue, pre_publication.awaitingAnswer'),
  group: z.enum(['notifications', 'verification', 'meetings', 'progress']).describe('The module the list belongs to'),
  count: z.number().int().describe('How many rows the list at `link` shows (up to 1 000 for notifications)'),
  more: z.boolean().describe('More than the count (notifications are counted up to 1 000)'),
  urgent: z.boolean().describe('Past a deadline: shown in red when not zero'),
  link: z.string().describe("The web app's address of the filtered list"),
});

const health = z.object({
  lockedUsers: z
    .array(z.object({ username: z.string(), address: z.string().describe('the client address the failures came from'), displayName: z.string().nullable().describe('null when no such user exists (a mistyped name)'), until: z.string(), failures: z.number().int() }))
    .describe('User names that must wait before their next log-in try (throttled after repeated failures)'),
  audit: z.object({
    entries: z.number().int(),
    chained: z.number().int(),
    unchained: z.number().int().describe('Entries not in the hash chain yet (chained shortly after their transaction ends)'),
    lastChainedAt: z.string().nullable().describe('When the newest chained entry was written'),
  }),
  mail: z.object({
    pending: z.number().int().describe('E-mails waiting to be sent'),
    failed: z.number().int().describe('E-mails given up after every attempt failed'),
    oldestPendingAt: z.string().nullable().describe('When the oldest waiting e-mail was written'),
  }),
});

export const workSchema = z.object({
  counts: z.array(workCount).describe("What needs the caller's unit; empty for a user without a unit"),
  health: health.nullable().describe('For the platform administrator only'),
});
