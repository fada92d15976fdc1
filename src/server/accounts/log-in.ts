import { isIPv6 } from 'node:net';
import { eq, sql } from 'drizzle-orm';
import type { Context } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';
import { loginThrottle, users } from '../db/schema.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { hashPassword, verifyPassword } from './secrets.ts';
import { startSession } from './sessions.ts';

/**
 * Failures allowed before each further try must wait; the wait then doubles per failure.
 * Counted per user name *from one address*, never per user name alone: a count that any
 * address could raise would let anyone who knows a name keep its officer out. An address gets
 * more room across all names: many officers share an office's address.
 */
const FREE_FAILURES = { user: 5, ip: 50 };
const MAX_WAIT_SECONDS = 15 * 60;

/** A hash to verify against when the user does not exist, so timing does not reveal names. */
let decoyHash: Promise<string> | null = null;

/** How long a key (user:… or ip:…) must wait after its failures before the next try. */
export function waitSeconds(key: string, failures: number): number {
  const free = key.startsWith('ip:') ? FREE_FAILURES.ip : FREE_FAILURES.user;
  if (failures < free) return 0;
  return Math.min(2 ** (failures - free), MAX_WAIT_SECONDS);
}

/**
 * The address failures are counted under: an IPv6 client by its /64 network (one host is given a
 * whole /64 and picks any address in it, so counting each address would give a guesser a fresh
 * count per try), an IPv4 client seen through an IPv6 socket (::ffff:a.b.c.d) by its IPv4 address.
 */
export function throttleAddress(ip: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (mapped) return mapped[1];
  if (isIPv6(ip)) {
    const [head, tail = ''] = ip.toLowerCase().split('%')[0].split('::');
    const left = head ? head.split(':') : [];
    const right = ip.includes('::') ? (tail ? tail.split(':') : []) : [];
    // An embedded IPv4 tail (…:1.2.3.4) lies in the last 64 bits: dropped with them.
    const groups = ip.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
    return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
  }
  return ip;
}

async function throttleState(ctx: Context, keys: string[]) {
  let retryAfter = 0;
  const now = ctx.clock.now().getTime();
  for (const key of keys) {
    const [row] = await ctx.db.select().from(loginThrottle).where(eq(loginThrottle.key, key));
    if (!row) continue;
    const until = row.lastFailureAt.getTime() + waitSeconds(key, row.failures) * 1000;
    if (until > now) retryAfter = Math.max(retryAfter, Math.ceil((until - now) / 1000));
  }
  return retryAfter;
}

/**
 * Counts this try under every key before the password is checked, each key only while it may
 * try now (as one statement per key, under the row's lock): tries sent all at once cannot all
 * pass a check that none of them has counted yet. Returns false, counting nothing, when a key
 * must wait. A try that succeeds is taken back (forgiveTry).
 */
async function reserveTry(ctx: Context, keys: string[]): Promise<boolean> {
  const now = ctx.clock.now();
  const reserved: string[] = [];
  for (const key of keys) {
    const free = key.startsWith('ip:') ? FREE_FAILURES.ip : FREE_FAILURES.user;
    const counted = await ctx.db
      .insert(loginThrottle)
      .values({ key, failures: 1, lastFailureAt: now })
      .onConflictDoUpdate({
        target: loginThrottle.key,
        set: { failures: sql`${loginThrottle.failures} + 1`, lastFailureAt: now },
        setWhere: sql`${loginThrottle.failures} < ${free} or ${loginThrottle.lastFailureAt} + least(power(2, least(${loginThrottle.failures} - ${free}, 20)), ${MAX_WAIT_SECONDS}) * interval '1 second' <= ${now.toISOString()}::timestamptz`,
      })
      .returning({ key: loginThrottle.key });
    if (!counted.length) {
      for (const done of reserved) await forgiveTry(ctx, done);
      return false;
    }
    reserved.push(key);
  }
  return true;
}

/** Takes back one counted try of a key (its wait may have grown by the try's time; nothing more). */
async function forgiveTry(ctx: Context, key: string) {
  await ctx.db.update(loginThrottle).set({ failures: sql`greatest(${loginThrottle.failures} - 1, 0)` }).where(eq(loginThrottle.key, key));
}

/**
 * Checks a user name and password and starts a session. Failed tries are counted per user
 * name and address together (past five, each try from there must wait twice as long as the
 * one before) and per address over all names (past fifty). Each failed or refused try is
 * recorded with its address in access_denials (by the error handler).
 */
export async function logIn(
  ctx: Context,
  options: { username: string; password: string; ip: string | null; userAgent: string | null },
) {
  const ip = options.ip ? throttleAddress(options.ip) : 'unknown';
  const keys = [`user:${options.username.toLowerCase()}@${ip}`, `ip:${ip}`];
  const retryAfter = await throttleState(ctx, keys);
  if (retryAfter > 0 || !(await reserveTry(ctx, keys))) throw new AppError('auth.too_many_attempts', { params: { seconds: Math.max(retryAfter, (await throttleState(ctx, keys)) || 1) } });

  const [user] = await ctx.db.select().from(users).where(eq(sql`lower(${users.username})`, options.username.toLowerCase()));
  decoyHash ??= hashPassword('decoy-password-for-unknown-users');
  const ok = user ? await verifyPassword(user.passwordHash, options.password) : (await verifyPassword(await decoyHash, options.password), false);
  if (!user || !ok || !user.active) {
    // Already counted by reserveTry.
    throw new AppError('auth.invalid_credentials', { reason: `failed log-in for ${options.username}` });
  }
  await ctx.db.delete(loginThrottle).where(eq(loginThrottle.key, keys[0]));
  await forgiveTry(ctx, keys[1]);
  const session = await startSession(ctx, { userId: user.id, ip: options.ip, userAgent: options.userAgent });
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ lastLoginAt: ctx.clock.now() }).where(eq(users.id, user.id));
    await recordAudit(tx, ctx.clock, {
      actor: { id: user.id, label: user.username },
      action: 'user.logged_in',
      entityType: 'user',
      entityId: user.id,
      unitId: user.unitId,
      data: { ip: options.ip },
    });
  });
  return { userId: user.id, ...session };
}
