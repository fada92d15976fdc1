import { and, count, desc, gte, isNull, like, lt, max, min, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/open.ts';
import { auditChain, auditLog, loginThrottle, mailOutbox, users } from '../db/schema.ts';
import { waitSeconds } from '../accounts/log-in.ts';

/** An e-mail is given up after this many attempts (mail/outbox.ts dispatches while attempts < 5). */
const MAIL_ATTEMPTS = 5;

/**
 * User names that must wait before their next log-in try from an address, with their display
 * names and until when. Throttling counts a user name and the client address together
 * (`user:<name>@<address>`, accounts/log-in.ts), so one name may be listed for several addresses.
 */
export async function selectLockedUsers(db: DbOrTx, now: Date) {
  const username = sql<string>`regexp_replace(${loginThrottle.key}, '^user:(.*)@[^@]*$', '\\1')`;
  const rows = await db
    .select({ key: loginThrottle.key, username, failures: loginThrottle.failures, lastFailureAt: loginThrottle.lastFailureAt, displayName: users.displayName })
    .from(loginThrottle)
    .leftJoin(users, sql`lower(${users.username}) = ${username}`)
    .where(like(loginThrottle.key, 'user:%'))
    .orderBy(desc(loginThrottle.lastFailureAt));
  return rows
    .map((r) => ({
      username: r.username,
      address: r.key.slice(r.key.lastIndexOf('@') + 1),
      displayName: r.displayName,
      until: new Date(r.lastFailureAt.getTime() + waitSeconds(r.key, r.failures) * 1000),
      failures: r.failures,
    }))
    .filter((r) => r.until > now);
}

/** The audit trail's size, what is not chained yet, and when the last chained entry was written. */
export async function selectAuditChainState(db: DbOrTx) {
  const [[entries], [chained]] = await Promise.all([
    db.select({ n: count(), lastAt: max(auditLog.at) }).from(auditLog),
    db
      .select({ n: count(), lastAt: max(auditLog.at) })
      .from(auditChain)
      .innerJoin(auditLog, sql`${auditLog.id} = ${auditChain.entryId}`),
  ]);
  return { entries: Number(entries.n), chained: Number(chained.n), unchained: Number(entries.n) - Number(chained.n), lastChainedAt: chained.lastAt };
}

/** The outgoing e-mail queue: waiting to be sent, given up after every attempt failed, and the oldest waiting. */
export async function selectMailQueue(db: DbOrTx) {
  const [[pending], [failed]] = await Promise.all([
    db.select({ n: count(), oldest: min(mailOutbox.createdAt) }).from(mailOutbox).where(and(isNull(mailOutbox.sentAt), lt(mailOutbox.attempts, MAIL_ATTEMPTS))),
    db.select({ n: count() }).from(mailOutbox).where(and(isNull(mailOutbox.sentAt), gte(mailOutbox.attempts, MAIL_ATTEMPTS))),
  ]);
  return { pending: Number(pending.n), failed: Number(failed.n), oldestPendingAt: pending.oldest };
}
