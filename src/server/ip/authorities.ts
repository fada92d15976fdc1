import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Context, Viewer } from '../platform/context.ts';
import { forbidden, notFound } from '../platform/errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { ipPolicy } from './policy.ts';
import { presentAuthority } from './present.ts';
import { indexAuthority } from './search-index.ts';
import { ipAuthorities } from './schema.ts';
import { actorOf, requireIpUnit } from './revisions.ts';
import type { authorityBody } from './schemas.ts';

/**
 * An IP unit of the side that keeps the authority's jurisdiction corrects its contacts (item 21:
 * 知識產權行政管理及執法機構聯繫方式). Contacts are facts of the authority's own publication, cited by
 * `sourceUrl`; they are published as changed, and every change is in the audit trail.
 */
export async function updateAuthority(ctx: Context, options: { viewer: Viewer; code: string; change: z.infer<typeof authorityBody> }) {
  const { viewer, code, change } = options;
  const actor = await requireIpUnit(ctx, viewer);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(ipAuthorities).where(eq(ipAuthorities.code, code)).for('update');
    if (!row) throw notFound('ip_authority');
    if (!ipPolicy.updateAuthority(actor, row)) throw forbidden('the authority is kept by the other side');
    const [updated] = await tx
      .update(ipAuthorities)
      .set({ ...change, updatedBy: viewer.username, updatedAt: ctx.clock.now() })
      .where(eq(ipAuthorities.id, row.id))
      .returning();
    await recordAudit(tx, ctx.clock, { actor: actorOf(viewer), action: 'ip_authority.updated', entityType: 'ip_authority', entityId: row.id, unitId: viewer.unitId, data: { code, fields: Object.keys(change) } });
    await indexAuthority(tx, ctx, updated);
    return presentAuthority(updated, true);
  });
}
