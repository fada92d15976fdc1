import { and, eq, gt, isNull, or, sql } from 'drizzle-orm';
import { preparedOnce } from '../db/built-once.ts';
import type { Context, Role, Viewer } from '../platform/context.ts';
import { apiTokens, sessions, units, users } from '../db/schema.ts';
import { newSecret, sha256 } from './secrets.ts';

export const SESSION_COOKIE = 'liaison_session';

/** Starts a session; the returned token goes into the cookie and nowhere else. */
export async function startSession(
  ctx: Context,
  options: { userId: string; ip: string | null; userAgent: string | null },
): Promise<{ token: string; expiresAt: Date }> {
  const now = ctx.clock.now();
  const token = newSecret('ls');
  const expiresAt = new Date(now.getTime() + ctx.config.sessionAbsoluteHours * 3600_000);
  await ctx.db.insert(sessions).values({
    tokenHash: sha256(token),
    userId: options.userId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
    ip: options.ip,
    userAgent: options.userAgent?.slice(0, 300) ?? null,
  });
  return { token, expiresAt };
}

export async function endSession(ctx: Context, sessionId: string): Promise<void> {
  await ctx.db.delete(sessions).where(eq(sessions.id, sessionId));
}

const viewerColumns = {
  userId: users.id,
  username: users.username,
  displayName: users.displayName,
  unitId: users.unitId,
  partyCode: units.partyCode,
  roles: users.roles,
  isPlatformAdmin: users.isPlatformAdmin,
  locale: users.locale,
  active: users.active,
  mustChangePassword: users.mustChangePassword,
};

/** Every request of a signed-in user runs this: prepared once. */
const sessionLookup = preparedOnce((db) =>
  db
    .select({ ...viewerColumns, sessionId: sessions.id, lastSeenAt: sessions.lastSeenAt, expiresAt: sessions.expiresAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(units, eq(units.id, users.unitId))
    .where(eq(sessions.tokenHash, sql.placeholder('tokenHash')))
    .prepare('liaison_session_lookup'),
);

/**
 * The viewer behind a session cookie, or null when the session is unknown, idle too long
 * (LIAISON_SESSION_IDLE_MINUTES) or past its absolute expiry. Activity is written at most
 * once a minute to keep reads cheap.
 */
export async function resolveSession(ctx: Context, token: string): Promise<Viewer | null> {
  const now = ctx.clock.now();
  const [row] = await sessionLookup(ctx.db).execute({ tokenHash: sha256(token) });
  if (!row || !row.active) return null;
  const idleLimit = row.lastSeenAt.getTime() + ctx.config.sessionIdleMinutes * 60_000;
  if (now.getTime() >= row.expiresAt.getTime() || now.getTime() >= idleLimit) {
    await endSession(ctx, row.sessionId);
    return null;
  }
  if (now.getTime() - row.lastSeenAt.getTime() > 60_000) {
    await ctx.db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, row.sessionId));
  }
  return toViewer(row, 'session', row.sessionId);
}

/** The viewer behind an API token (Authorization: Bearer lt_…), or null. */
export async function resolveApiToken(ctx: Context, token: string): Promise<Viewer | null> {
  const now = ctx.clock.now();
  const [row] = await ctx.db
    .select({ ...viewerColumns, tokenId: apiTokens.id, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .leftJoin(units, eq(units.id, users.unitId))
    .where(
      and(
        eq(apiTokens.tokenHash, sha256(token)),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)),
      ),
    );
  if (!row || !row.active) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await ctx.db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.tokenId));
  }
  return toViewer(row, 'token', null);
}

function toViewer(
  row: { userId: string; username: string; displayName: string; unitId: string | null; partyCode: string | null; roles: string[]; isPlatformAdmin: boolean; locale: string | null; mustChangePassword: boolean },
  via: Viewer['via'],
  sessionId: string | null,
): Viewer {
  return {
    userId: row.userId,
    username: row.username,
    displayName: row.displayName,
    unitId: row.unitId,
    partyCode: row.partyCode,
    roles: row.roles as Role[],
    isPlatformAdmin: row.isPlatformAdmin,
    locale: row.locale,
    mustChangePassword: row.mustChangePassword,
    via,
    sessionId,
  };
}
