import { eq, max } from 'drizzle-orm';
import type { z } from 'zod';
import { units } from '../db/schema.ts';
import type { Context, Viewer } from '../platform/context.ts';
import { forbidden } from '../platform/errors.ts';
import { inBothScripts } from '../platform/both-scripts.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { sarPolicy } from './policy.ts';
import { presentRccModule } from './present.ts';
import { currentRccModules, findAgencies, rccModuleVersions } from './queries.ts';
import { flagPlansCarrying } from './plan-flags.ts';
import { actorOf, requireSarActor } from './register.ts';
import { rccModules, type RccModuleContent } from './schema.ts';
import type { rccModuleBody } from './schemas.ts';
import { sendRccModule } from './exchange.ts';

/** The module's content as kept: Chinese in both scripts, made from the script it is written in. */
export function rccContentOf(input: z.infer<typeof rccModuleBody>): RccModuleContent {
  const both = (t: { script: 'zh-Hant' | 'zh-Hans'; zh: string; en: string }) => {
    const { hant, hans } = inBothScripts(t.script, t.zh);
    return { 'zh-Hant': hant, 'zh-Hans': hans, en: t.en };
  };
  return { rccName: input.rccName, telephone: input.telephone, fax: input.fax ?? null, email: input.email ?? null, mmsi: input.mmsi ?? null, vhf: input.vhf ?? null, address: both(input.address), procedures: both(input.procedures) };
}

/** Every version of every agency's Module 3 (or of one agency's), latest first, the current one marked. */
export async function listRccModules(ctx: Context, options: { viewer: Viewer; unitId?: string }) {
  await requireSarActor(ctx, options.viewer);
  const [agencies, current, rows] = await Promise.all([findAgencies(ctx.db), currentRccModules(ctx.db), rccModuleVersions(ctx.db, options.unitId)]);
  const byId = new Map(agencies.map((a) => [a.id, a]));
  const order = (unitId: string) => agencies.findIndex((a) => a.id === unitId);
  return rows
    .filter((r) => byId.has(r.unitId))
    .sort((a, b) => order(a.unitId) - order(b.unitId) || b.version - a.version)
    .map((r) => presentRccModule(r, byId.get(r.unitId)!, current.get(r.unitId)?.id === r.id));
}

/**
 * An agency issues a new version of its own Module 3: the next number, current from now on. The
 * plans carrying the version it supersedes are flagged and their owners told; the other two
 * agencies receive it.
 */
export async function issueRccModule(ctx: Context, options: { viewer: Viewer; input: z.infer<typeof rccModuleBody> }) {
  const { viewer, input } = options;
  const actor = await requireSarActor(ctx, viewer);
  const unitId = actor.agencyUnitId!;
  if (!sarPolicy.issueRccModule(actor, unitId)) throw forbidden('an agency’s officers issue its Module 3');
  const content = rccContentOf(input);
  return ctx.db.transaction(async (tx) => {
    // One version at a time per agency: the agency's row is the lock.
    await tx.select({ id: units.id }).from(units).where(eq(units.id, unitId)).for('update');
    const previous = (await currentRccModules(tx)).get(unitId);
    const [{ last }] = await tx.select({ last: max(rccModules.version) }).from(rccModules).where(eq(rccModules.unitId, unitId));
    const [row] = await tx
      .insert(rccModules)
      .values({ unitId, version: (last ?? 0) + 1, content, changeNote: input.changeNote ?? null, isSample: false, issuedAt: ctx.clock.now(), issuedBy: viewer.displayName })
      .returning();
    const flagged = await flagPlansCarrying(tx, ctx, previous);
    await recordAudit(tx, ctx.clock, { actor: actorOf(viewer), action: 'rcc_module.issued', entityType: 'rcc_module', entityId: row.id, unitId, data: { version: row.version, supersedes: previous?.version ?? null, plansFlagged: flagged } });
    await sendRccModule(tx, ctx, { module: row, agencies: await findAgencies(tx) });
    return row.id;
  });
}
