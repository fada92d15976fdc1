import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { canonicalJson } from '../audit/chain.ts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Tx } from '../db/open.ts';
import { idempotencyKeys } from '../db/schema.ts';
import type { Context } from './context.ts';
import { AppError } from './errors.ts';
import { requireViewer } from './http.ts';

export type Answer = { status: number; body: unknown };

/**
 * Runs a POST handler at most once per Idempotency-Key (per user). The key, the change and the
 * stored answer commit in one transaction, so a retry after a crash either finds the answer or
 * finds nothing done; a retry of a finished request gets the first answer again. The handler
 * gets a context whose database is that transaction. A request whose body is not JSON (a file
 * upload) names what identifies it in `sent` (e.g. the file's name, type and SHA-256).
 */
export async function idempotent(ctx: Context, request: FastifyRequest, reply: FastifyReply, handler: (ctx: Context) => Promise<Answer>, sent: unknown = request.body) {
  const key = request.headers['idempotency-key'];
  if (key === undefined) {
    const answer = await handler(ctx);
    return reply.status(answer.status).send(answer.body);
  }
  if (typeof key !== 'string' || key.length < 8 || key.length > 200) {
    throw new AppError('validation.failed', { fields: [{ field: 'Idempotency-Key', code: 'invalid_format' }] });
  }
  const viewer = requireViewer(request);
  const path = request.url.split('?')[0];
  // A retry is the same request by the same person in the same place: a key sent again with
  // another body, or after the user moved unit or lost a role, is not answered from the first.
  const fingerprint = createHash('sha256')
    .update(canonicalJson({ unitId: viewer.unitId, roles: [...viewer.roles].sort(), body: sent ?? null }))
    .digest('hex');
  const answer = await ctx.db.transaction(async (tx) => {
    const inserted = await tx
      .insert(idempotencyKeys)
      .values({ userId: viewer.userId, key, method: request.method, path, fingerprint, status: 0, body: null, createdAt: ctx.clock.now() })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (inserted.length === 0) {
      const [first] = await tx.select().from(idempotencyKeys).where(and(eq(idempotencyKeys.userId, viewer.userId), eq(idempotencyKeys.key, key)));
      // Keys stored before fingerprints were kept have none ('').
      if (first.method !== request.method || first.path !== path || (first.fingerprint !== '' && first.fingerprint !== fingerprint)) throw new AppError('conflict', { params: { what: 'idempotency_key' }, fields: [{ field: 'Idempotency-Key', code: 'invalid_value' }] });
      return { status: first.status, body: first.body, replayed: true };
    }
    const result = await handler({ ...ctx, db: asWhole(tx) });
    await tx.update(idempotencyKeys).set({ status: result.status, body: result.body as object }).where(and(eq(idempotencyKeys.userId, viewer.userId), eq(idempotencyKeys.key, key)));
    return { ...result, replayed: false };
  });
  if (answer.replayed) reply.header('idempotent-replayed', 'true');
  return reply.status(answer.status).send(answer.body);
}

/**
 * The request's transaction as the handler's database. A transaction the handler opens runs in
 * it as it is, without a savepoint of its own: the request commits or rolls back as a whole.
 */
function asWhole(tx: Tx): Context['db'] {
  const whole = Object.create(tx) as Tx;
  whole.transaction = ((work: (inner: Tx) => Promise<unknown>) => work(whole)) as Tx['transaction'];
  return whole as unknown as Context['db'];
}
