import type { Context, Viewer } from '../platform/context.ts';
import { AppError, forbidden, notFound } from '../platform/errors.ts';
import type { DbOrTx } from '../db/types.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { directoryPolicy } from './policy.ts';
import { endCurrentHolding, endHolding, findHolder, insertPost, isDesignated, postsOfUnit, unitExists } from './queries.ts';

export const postKinds = ['liaison_officer', 'deputy', 'duty_officer'] as const;
export type PostKind = (typeof postKinds)[number];

/** Posts with a single holder at a time: assigning one hands it over. Deputies may be several. */
const singleHolder: PostKind[] = ['liaison_officer', 'duty_officer'];

export async function listPosts(db: DbOrTx, options: { unitId: string; history: boolean }) {
  const rows = await postsOfUnit(db, options);
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
  if (!(await unitExists(ctx.db, unitId))) throw notFound('unit');
  if (!directoryPolicy.managePosts(viewer, unitId)) throw forbidden('may not assign posts of this unit');
  const agreementCode = options.agreementCode ?? null;
  return ctx.db.transaction(async (tx) => {
    const holder = await findHolder(tx, options.userId);
    if (!holder || holder.unitId !== unitId || !holder.active) {
      throw new AppError('validation.failed', { fields: [{ field: 'userId', code: 'invalid_value' }] });
    }
    if (agreementCode) {
      if (!(await isDesignated(tx, { agreementCode, unitId }))) throw new AppError('validation.failed', { fields: [{ field: 'agreementCode', code: 'invalid_value' }] });
    }
    const now = ctx.clock.now();
    const ended = singleHolder.includes(options.post) ? await endCurrentHolding(tx, { unitId, post: options.post, agreementCode, endedAt: now }) : [];
    const created = await insertPost(tx, { unitId, agreementCode, post: options.post, userId: options.userId, startedAt: now, note: options.note ?? null });
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
    const ended = await endHolding(tx, { unitId, postId, endedAt: ctx.clock.now() });
    if (ended.length === 0) throw notFound('post');
    await recordAudit(tx, ctx.clock, { actor: { id: viewer.userId, label: viewer.username }, action: 'liaison_post.ended', entityType: 'liaison_post', entityId: postId, unitId });
  });
}
