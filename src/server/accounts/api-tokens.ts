import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Context, Viewer } from '../platform/context.ts';
import { notFound } from '../platform/errors.ts';
import { apiTokens } from '../db/schema.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { newSecret, sha256 } from './secrets.ts';

/** API tokens let machine clients act as the user who made them, with the same rights. */
const present = (t: typeof apiTokens.$inferSelect) => ({
  id: t.id,
  name: t.name,
  createdAt: t.createdAt.toISOString(),
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  expiresAt: t.expiresAt?.toISOString() ?? null,
});

export async function listApiTokens(ctx: Context, options: { viewer: Viewer }) {
  const rows = await ctx.db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, options.viewer.userId), isNull(apiTokens.revokedAt)))
    .orderBy(desc(apiTokens.createdAt));
  return rows.map(present);
}

export async function createApiToken(ctx: Context, options: { viewer: Viewer; name: string; expiresInDays?: number | null }) {
  const { viewer } = options;
  const token = newSecret('lt');
  const now = ctx.clock.now();
  const expiresAt = options.expiresInDays ? new Date(now.getTime() + options.expiresInDays * 86_400_000) : null;
  const row = await ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(apiTokens)
      .values({ userId: viewer.userId, name: options.name, tokenHash: sha256(token), createdAt: now, expiresAt })
      .returning();
    await recordAudit(tx, ctx.clock, {
      actor: { id: viewer.userId, label: viewer.username },
      action: 'api_token.created',
      entityType: 'api_token',
      entityId: created.id,
      unitId: viewer.unitId,
      data: { name: options.name, expiresAt: expiresAt?.toISOString() ?? null },
    });
    return created;
  });
  return { ...present(row), token };
}

export async function revokeApiToken(ctx: Context, options: { viewer: Viewer; id: string }) {
  const { viewer, id } = options;
  await ctx.db.transaction(async (tx) => {
    const revoked = await tx
      .update(apiTokens)
      .set({ revokedAt: ctx.clock.now() })
      .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, viewer.userId), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id });
    if (revoked.length === 0) throw notFound('token');
    await recordAudit(tx, ctx.clock, { actor: { id: viewer.userId, label: viewer.username }, action: 'api_token.revoked', entityType: 'api_token', entityId: id, unitId: viewer.unitId });
  });
}
