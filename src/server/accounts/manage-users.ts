import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Context, Viewer } from '../platform/context.ts';
import { AppError, forbidden, notFound } from '../platform/errors.ts';
import type { DbOrTx } from '../db/open.ts';
import { isUniqueViolation } from '../db/errors.ts';
import { apiTokens, sessions, units, users } from '../db/schema.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { accountPolicy } from './policy.ts';
import { presentUser } from './present-user.ts';
import type { createUserBody, updateMeBody, updateUserBody } from './schemas.ts';
import { hashPassword, verifyPassword } from './secrets.ts';

const actorOf = (viewer: Viewer) => ({ id: viewer.userId, label: viewer.username });

async function loadUser(db: DbOrTx, id: string) {
  const [row] = await db.select({ user: users, unit: units }).from(users).leftJoin(units, eq(units.id, users.unitId)).where(eq(users.id, id));
  return row ?? null;
}

async function requireUnit(db: DbOrTx, unitId: string | null) {
  if (unitId === null) return;
  const [unit] = await db.select({ id: units.id }).from(units).where(eq(units.id, unitId));
  if (!unit) throw new AppError('validation.failed', { fields: [{ field: 'unitId', code: 'invalid_value' }] });
}

/** Fields that never go into the audit trail. */
const redact = <T extends Record<string, unknown>>(change: T) => {
  const { password, ...rest } = change as T & { password?: unknown };
  return password === undefined ? rest : { ...rest, password: '(changed)' };
};

/** A user as presented, without an access check: for the user's own log-in answer. */
export async function findUser(ctx: Context, id: string) {
  const row = await loadUser(ctx.db, id);
  if (!row) throw notFound('user');
  return presentUser(row.user, row.unit);
}

export async function getUser(ctx: Context, options: { viewer: Viewer; id: string }) {
  const row = await loadUser(ctx.db, options.id);
  if (!row) throw notFound('user');
  // Someone the viewer may not read is, to them, no one: 404, as for an id that does not exist.
  if (!accountPolicy.readUser(options.viewer, row.user)) throw notFound('user');
  return presentUser(row.user, row.unit);
}

export async function listUsers(ctx: Context, options: { viewer: Viewer; unitId?: string }) {
  const { viewer } = options;
  const unitId = options.unitId ?? (viewer.isPlatformAdmin ? undefined : (viewer.unitId ?? undefined));
  if (!accountPolicy.listUsers(viewer, unitId)) throw forbidden('may not list these users');
  const where: SQL | undefined = unitId ? eq(users.unitId, unitId) : undefined;
  const rows = await ctx.db.select({ user: users, unit: units }).from(users).leftJoin(units, eq(units.id, users.unitId)).where(where).orderBy(asc(users.username));
  return rows.map((r) => presentUser(r.user, r.unit));
}

export async function createUser(ctx: Context, options: { viewer: Viewer; input: z.infer<typeof createUserBody> }) {
  const { viewer, input } = options;
  if (!accountPolicy.rolesCompatible(input.roles)) throw new AppError('validation.failed', { fields: [{ field: 'roles', code: 'invalid_value' }] });
  if (!accountPolicy.createUser(viewer, { unitId: input.unitId, isPlatformAdmin: input.isPlatformAdmin, roles: input.roles })) {
    throw forbidden('may not create this user for this unit (approvers are designated by the platform administrator)');
  }
  if (input.isPlatformAdmin && (input.unitId !== null || input.roles.length)) {
    // A platform administrator keeps accounts and is no member of a unit: otherwise they could read its exchanges.
    throw new AppError('validation.failed', { fields: [{ field: 'unitId', code: 'invalid_value' }] });
  }
  if (input.unitId === null && !input.isPlatformAdmin) {
    throw new AppError('validation.failed', { fields: [{ field: 'unitId', code: 'required' }] });
  }
  const passwordHash = await hashPassword(input.password);
  try {
    const id = await ctx.db.transaction(async (tx) => {
      await requireUnit(tx, input.unitId);
      const now = ctx.clock.now();
      const [created] = await tx
        .insert(users)
        .values({
          username: input.username,
          displayName: input.displayName,
          title: input.title ?? null,
          email: input.email ?? null,
          phone: input.phone ?? null,
          unitId: input.unitId,
          roles: [...new Set(input.roles)],
          isPlatformAdmin: input.isPlatformAdmin,
          locale: input.locale ?? null,
          passwordHash,
          // The administrator knows this password: its holder replaces it at first log-in.
          mustChangePassword: true,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: users.id });
      await recordAudit(tx, ctx.clock, {
        actor: actorOf(viewer),
        action: 'user.created',
        entityType: 'user',
        entityId: created.id,
        unitId: input.unitId,
        data: redact({ ...input }),
      });
      return created.id;
    });
    return getUser(ctx, { viewer, id });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', { params: { what: 'username' }, fields: [{ field: 'username', code: 'invalid_value' }] });
    throw error;
  }
}

export async function updateUser(ctx: Context, options: { viewer: Viewer; id: string; change: z.infer<typeof updateUserBody> }) {
  const { viewer, id, change } = options;
  const existing = await loadUser(ctx.db, id);
  if (!existing || !accountPolicy.readUser(viewer, existing.user)) throw notFound('user');
  if (change.roles && !accountPolicy.rolesCompatible(change.roles)) throw new AppError('validation.failed', { fields: [{ field: 'roles', code: 'invalid_value' }] });
  if (!accountPolicy.updateUser(viewer, existing.user, change)) throw forbidden('may not change this user');
  if (viewer.userId === id && (change.active === false || change.isPlatformAdmin === false)) {
    throw forbidden('may not lock yourself out');
  }
  const becomesAdmin = change.isPlatformAdmin ?? existing.user.isPlatformAdmin;
  const unitAfter = change.unitId !== undefined ? change.unitId : existing.user.unitId;
  const rolesAfter = change.roles ?? existing.user.roles;
  if (becomesAdmin && (unitAfter !== null || rolesAfter.length)) {
    throw new AppError('validation.failed', { fields: [{ field: change.isPlatformAdmin ? 'isPlatformAdmin' : 'unitId', code: 'invalid_value' }] });
  }
  const { password, roles, ...rest } = change;
  const set: Partial<typeof users.$inferInsert> = { ...rest, updatedAt: ctx.clock.now() };
  if (roles) set.roles = [...new Set(roles)];
  if (password) {
    set.passwordHash = await hashPassword(password);
    // Reset by an administrator, who knows it now (unless they reset their own).
    set.mustChangePassword = viewer.userId !== id;
  }
  await ctx.db.transaction(async (tx) => {
    if (change.unitId !== undefined) await requireUnit(tx, change.unitId);
    await tx.update(users).set(set).where(eq(users.id, id));
    // A new password or a deactivated account ends every way in.
    if (password || change.active === false) {
      await tx.delete(sessions).where(eq(sessions.userId, id));
      if (change.active === false) await tx.update(apiTokens).set({ revokedAt: ctx.clock.now() }).where(and(eq(apiTokens.userId, id), sql`${apiTokens.revokedAt} is null`));
    }
    await recordAudit(tx, ctx.clock, {
      actor: actorOf(viewer),
      action: 'user.updated',
      entityType: 'user',
      entityId: id,
      unitId: existing.user.unitId,
      data: redact({ ...change }),
    });
  });
  return getUser(ctx, { viewer, id });
}

export async function updateMe(ctx: Context, options: { viewer: Viewer; change: z.infer<typeof updateMeBody> }) {
  const { viewer, change } = options;
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ ...change, updatedAt: ctx.clock.now() }).where(eq(users.id, viewer.userId));
    await recordAudit(tx, ctx.clock, { actor: actorOf(viewer), action: 'user.updated_self', entityType: 'user', entityId: viewer.userId, unitId: viewer.unitId, data: change });
  });
  return getUser(ctx, { viewer, id: viewer.userId });
}

export async function changePassword(ctx: Context, options: { viewer: Viewer; currentPassword: string; newPassword: string }) {
  const { viewer } = options;
  const [user] = await ctx.db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, viewer.userId));
  if (!user || !(await verifyPassword(user.passwordHash, options.currentPassword))) {
    throw new AppError('auth.wrong_password', { fields: [{ field: 'currentPassword', code: 'invalid_value' }] });
  }
  if (options.newPassword === options.currentPassword) throw new AppError('validation.failed', { fields: [{ field: 'newPassword', code: 'same_password' }] });
  const passwordHash = await hashPassword(options.newPassword);
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, mustChangePassword: false, updatedAt: ctx.clock.now() }).where(eq(users.id, viewer.userId));
    // Other sessions end; the one that changed the password stays.
    const others = viewer.sessionId ? sql`${sessions.id} <> ${viewer.sessionId}` : sql`true`;
    await tx.delete(sessions).where(and(eq(sessions.userId, viewer.userId), others));
    await recordAudit(tx, ctx.clock, { actor: actorOf(viewer), action: 'user.password_changed', entityType: 'user', entityId: viewer.userId, unitId: viewer.unitId });
  });
}
