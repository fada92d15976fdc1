import type { DbOrTx } from '../db/open.ts';
import type { Context } from '../platform/context.ts';
import { tellUnit } from '../mail/outbox.ts';
import { plansCarrying, type RccModuleRow } from './queries.ts';

/**
 * A superseded version flags exactly the plans that carry it (their validity is worked out from
 * what they carry), and each plan's owner is told, once per owner, in the change's transaction.
 */
export async function flagPlansCarrying(tx: DbOrTx, ctx: Context, superseded: RccModuleRow | undefined) {
  if (!superseded) return [];
  const plans = await plansCarrying(tx, superseded.id);
  const owners = [...new Set(plans.map((p) => p.ownerUnitId))];
  for (const ownerUnitId of owners) {
    const references = plans.filter((p) => p.ownerUnitId === ownerUnitId).map((p) => p.reference);
    const first = plans.find((p) => p.ownerUnitId === ownerUnitId)!;
    await tellUnit(tx, ctx, { unitId: ownerUnitId, roles: ['officer', 'approver'], what: 'rcc_module_superseded', title: references.join(', '), link: references.length === 1 ? `/sar-plans/plans/${first.id}` : '/sar-plans' });
  }
  return plans.map((p) => p.reference);
}

