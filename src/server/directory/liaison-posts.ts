import { and, asc, desc, eq, isNull, type SQL } from 'drizzle-orm';
import type { Context, Viewer } from '../platform/context.ts';
import { AppError, forbidden, notFound } from '../platform/errors.ts';
import type { DbOrTx } from '../db/open.ts';
import { agreementUnits, liaisonPosts, units, users } from '../db/schema.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { directoryPolicy } from './policy.ts';

export const postKinds = ['liaison_officer', 'deputy', 'duty_officer'] as const;
export type PostKind = (typeof postKinds)[number];

/** Posts with a single holder at a time: assigning one hands it over. Deputies may be several. */
const singleHolder: PostKind[] = ['liaison_officer', 'duty_officer'];

export async function listPosts(db: DbOrTx, options: { unitId: string; history: boolean }) {
  const where: SQL | undefined = and(eq(liaisonPosts.unitId, options.unitId), options.history ? undefined : isNull(liaisonPosts.endedAt));
  const rows = await db
    .select({ post: liaisonPosts, user: { id: users.id, displayName: users.displayName, title: users.title, email: users.email, phone: users.phone } })
    .from(liaisonPosts)
    .innerJoin(users, eq(users.id, liaisonPosts.userId))
    .where(where)
    .orderBy(asc(liaisonPosts.post), desc(liaisonPosts.startedAt));
  return rows.map(({ post, user }) => ({
    id: post.id,
    post: post.post as PostKind,
    agreementCode: post.agreementCode,
    holder: user,
    startedAt: post.startedAt.toISOString(),
    endedAt: post.endedAt?.toISOString() ?? null,
    note: post.note,
  }));
}

/**
 * Puts an officer of the unit into a post. For the liaison officer and the duty officer the
 * current holder's term ends at the same moment, in the same transaction.
 */
export async function assignPost(
  ctx: Context,
  options: { viewer: Viewer; unitId: string; userId: string; post: PostKind; agreementCode?: string | null; note?: string | null },
) {
  const { viewer, unitId } = options;
  const [unit] = await ctx.db.select({ id: units.id }).from(units).where(eq(units.id, unitId));
  if (!unit) throw notFound('unit');
  if (!directoryPolicy.managePosts(viewer, unitId)) throw forbidden('may not assign posts of this unit');
  const agreementCode = options.agreementCode ?? null;
  return ctx.db.transaction(async (tx) => {
    const [holder] = await tx.select({ unitId: users.unitId, active: users.active }).from(users).where(eq(users.id, options.userId));
    if (!holder || holder.unitId !== unitId || !holder.active) {
      throw new AppError('validation.failed', { fields: [{ field: 'userId', code: 'invalid_value' }] });
    }
    if (agreementCode) {
      const [designated] = await tx
        .select()
        .from(agreementUnits)
        .where(and(eq(agreementUnits.agreementCode, agreementCode), eq(agreementUnits.unitId, unitId)));
      if (!designated) throw new AppError('validation.failed', { fields: [{ field: 'agreementCode', code: 'invalid_value' }] });
    }
    const now = ctx.clock.now();
    const samePost = and(
      eq(liaisonPosts.unitId, unitId),
      eq(liaisonPosts.post, options.post),
      agreementCode ? eq(liaisonPosts.agreementCode, agreementCode) : isNull(liaisonPosts.agreementCode),
      isNull(liaisonPosts.endedAt),
    );
    const ended = singleHolder.includes(options.post)
      ? await tx.update(liaisonPosts).set({ endedAt: now }).where(samePost).returning({ id: liaisonPosts.id, userId: liaisonPosts.userId })
      : [];
    const [created] = await tx
      .insert(liaisonPosts)
      .values({ unitId, agreementCode, post: options.post, userId: options.userId, startedAt: now, note: options.note ?? null })
      .returning({ id: liaisonPosts.id });
    await recordAudit(tx, ctx.clock, {
      actor: { id: viewer.userId, label: viewer.username },
      action: 'liaison_post.assigned',
      entityType: 'liaison_post',
      entityId: created.id,
      unitId,
      data: { post: options.post, agreementCode, userId: options.userId, handedOverFrom: ended.map((e) => e.userId) },
    });
    return created.id;
  });
}

export async function endPost(ctx: Context, options: { viewer: Viewer; unitId: string; postId: string }) {
  const { viewer, unitId, postId } = options;
  if (!directoryPolicy.managePosts(viewer, unitId)) throw forbidden('may not end posts of this unit');
  await ctx.db.transaction(async (tx) => {
    const ended = await tx
      .update(liaisonPosts)
      .set({ endedAt: ctx.clock.now() })
      .where(and(eq(liaisonPosts.id, postId), eq(liaisonPosts.unitId, unitId), isNull(liaisonPosts.endedAt)))
      .returning({ id: liaisonPosts.id });
    if (ended.length === 0) throw notFound('post');
    await recordAudit(tx, ctx.clock, { actor: { id: viewer.userId, label: viewer.username }, action: 'liaison_post.ended', entityType: 'liaison_post', entityId: postId, unitId });
  });
}
