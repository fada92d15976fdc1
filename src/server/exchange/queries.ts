import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../db/open.ts';
import { units } from '../directory/schema.ts';
import type { Context } from '../platform/context.ts';
import { exchangeNodes, exchangeUnitNodes, type NodePublicKey } from './schema.ts';

export type NodeRow = typeof exchangeNodes.$inferSelect;

export async function selfNode(db: DbOrTx): Promise<NodeRow> {
  const [row] = await db.select().from(exchangeNodes).where(eq(exchangeNodes.isSelf, true)).limit(1);
  if (!row) throw new Error('this node is not recorded yet (ensureSelfNode runs at start)');
  return row;
}

export async function nodeById(db: DbOrTx, id: string): Promise<NodeRow | null> {
  const [row] = await db.select().from(exchangeNodes).where(eq(exchangeNodes.id, id));
  return row ?? null;
}

/** Where a unit lives: this node, a known peer, or nowhere known yet (its party is not hosted here and no anchor names it). */
export async function nodeOfUnit(db: DbOrTx, ctx: Context, unit: { id: string; partyCode: string }): Promise<'self' | string | null> {
  const [mapped] = await db.select({ nodeId: exchangeUnitNodes.nodeId }).from(exchangeUnitNodes).where(eq(exchangeUnitNodes.unitId, unit.id));
  if (mapped) return mapped.nodeId;
  return hostsParty(ctx, unit.partyCode) ? 'self' : null;
}

export const hostsParty = (ctx: Context, partyCode: string) => ctx.config.nodeParties.length === 0 || ctx.config.nodeParties.includes(partyCode);

/** The units this node hosts: those of its parties that no peer's anchor claims. */
export async function hostedUnits(db: DbOrTx, ctx: Context) {
  const rows = await db
    .select({ id: units.id, code: units.code, partyCode: units.partyCode })
    .from(units)
    .leftJoin(exchangeUnitNodes, eq(exchangeUnitNodes.unitId, units.id))
    .where(isNull(exchangeUnitNodes.nodeId));
  return rows.filter((u) => hostsParty(ctx, u.partyCode));
}

export async function unitByCode(db: DbOrTx, code: string) {
  const [row] = await db.select({ id: units.id, code: units.code, partyCode: units.partyCode, name: units.name }).from(units).where(eq(units.code, code));
  return row ?? null;
}

export async function unitsByCodes(db: DbOrTx, codes: string[]) {
  return codes.length ? db.select({ id: units.id, code: units.code, partyCode: units.partyCode }).from(units).where(inArray(units.code, codes)) : [];
}

/** Records this node (its id and every public key, retired ones too) as the one `is_self` row. */
export async function ensureSelfNode(db: DbOrTx, ctx: Context, keys: { nodeId: string; publicKeys(): NodePublicKey[] }) {
  const now = ctx.clock.now();
  await db.transaction(async (tx) => {
    await tx.update(exchangeNodes).set({ isSelf: false }).where(and(eq(exchangeNodes.isSelf, true)));
    const values = { id: keys.nodeId, isSelf: true, partyCode: ctx.config.nodeParties.length ? ctx.config.nodeParties.join(',') : null, name: ctx.config.nodeName, url: ctx.config.nodeUrl, keys: keys.publicKeys(), importedAt: now };
    await tx
      .insert(exchangeNodes)
      .values(values)
      .onConflictDoUpdate({ target: exchangeNodes.id, set: { isSelf: true, partyCode: values.partyCode, name: values.name, url: values.url, keys: values.keys } });
  });
}

/** Units hosted by a peer node, with the peer's name. */
export async function unitsOnPeers(db: DbOrTx): Promise<Map<string, string>> {
  const rows = await db.select({ unitId: exchangeUnitNodes.unitId, name: exchangeNodes.name }).from(exchangeUnitNodes).innerJoin(exchangeNodes, eq(exchangeNodes.id, exchangeUnitNodes.nodeId));
  return new Map(rows.map((r) => [r.unitId, r.name]));
}

export async function unitById(db: DbOrTx, id: string) {
  const [row] = await db.select({ id: units.id, code: units.code, partyCode: units.partyCode }).from(units).where(eq(units.id, id));
  if (!row) throw new Error(`no unit ${id}`);
  return row;
}
