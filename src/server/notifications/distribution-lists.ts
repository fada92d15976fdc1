import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { distributionLists } from '../db/schema.ts';
import type { Context, Viewer } from '../platform/context.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { allow, notificationPolicy } from './policy.ts';
import type { distributionListBody } from './schemas.ts';

export async function listDistributionLists(ctx: Context, options: { viewer: Viewer }) {
  if (!options.viewer.unitId) return [];
  const rows = await ctx.db.select().from(distributionLists).where(eq(distributionLists.unitId, options.viewer.unitId)).orderBy(asc(distributionLists.name));
  return rows.map((l) => ({ id: l.id, name: l.name, departments: l.departments }));
}

export async function createDistributionList(ctx: Context, options: { viewer: Viewer; input: z.infer<typeof distributionListBody> }) {
  const { viewer, input } = options;
  allow(notificationPolicy.keepDistributionLists(viewer), 'may not keep distribution lists');
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(distributionLists).values({ unitId: viewer.unitId!, name: input.name, departments: input.departments, createdAt: ctx.clock.now() }).returning({ id: distributionLists.id });
    await recordAudit(tx, ctx.clock, { actor: { id: viewer.userId, label: viewer.username }, action: 'distribution_list.created', entityType: 'distribution_list', entityId: row.id, unitId: viewer.unitId, data: input });
    return row.id;
  });
}
