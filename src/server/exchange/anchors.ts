import { and, eq, inArray, ne, notInArray } from 'drizzle-orm';
import type { Context } from '../platform/context.ts';
import { recordAudit, systemActor } from '../audit/record-audit.ts';
import { ensureSelfNode, hostedUnits, hostsParty, selfNode, unitsByCodes } from './queries.ts';
import { runtimeOf } from './runtime.ts';
import { exchangeNodes, exchangeUnitNodes, type NodePublicKey } from './schema.ts';
import { forgetDirectory } from './accept.ts';
import { claimedAnchorNode, signAnchor, verifyAnchor, type Anchor } from './signed.ts';

/** This node's anchor: its identity, URL, every public key and the units it hosts, signed by its current key. */
export async function exportAnchor(ctx: Context): Promise<string> {
  const runtime = runtimeOf(ctx);
  const self = await selfNode(ctx.db);
  const anchor: Anchor = {
    format: 'liaison-anchor/1',
    node: { id: self.id, name: self.name, party: self.partyCode, url: self.url },
    keys: runtime.keys.publicKeys(),
    units: (await hostedUnits(ctx.db, ctx)).map((u) => u.code).sort(),
    issuedAt: ctx.clock.now().toISOString(),
  };
  return signAnchor(runtime.keys, anchor, runtime.keys.signingKeys());
}

export class AnchorError extends Error {}

/** Makes a new signing key for this node; the old one is kept (retired) so that what it signed still verifies. Peers need the new anchor. */
export async function rotateNodeKey(ctx: Context) {
  const runtime = runtimeOf(ctx);
  const retired = runtime.keys.current().kid;
  const fresh = await runtime.keys.rotate(ctx.clock.now());
  await ctx.db.transaction(async (tx) => {
    await ensureSelfNode(tx, ctx, runtime.keys);
    forgetDirectory(ctx);
    await recordAudit(tx, ctx.clock, { actor: systemActor, action: 'exchange_key.rotated', entityType: 'exchange_node', entityId: runtime.keys.nodeId, unitId: null, data: { retired, current: fresh.kid } });
  });
  return { retired, current: fresh.kid };
}

/** Old keys are kept: a peer's anchor after a rotation adds its new key and retires the old one. */
const mergeKeys = (known: NodePublicKey[], given: NodePublicKey[]) => [...known.filter((k) => !given.some((g) => g.kid === k.kid)), ...given];

/**
 * Imports a peer's anchor (a file its operator sent out of band): the peer and its keys are
 * recorded, and the units it hosts are shown as remote, on that node. A peer already known must
 * sign its new anchor with a key this node already has for it.
 */
export async function importAnchor(ctx: Context, text: string): Promise<{ anchor: Anchor; fingerprint: string; units: number }> {
  const self = await selfNode(ctx.db);
  const claimedId = claimedAnchorNode(text);
  const [known] = claimedId ? await ctx.db.select().from(exchangeNodes).where(eq(exchangeNodes.id, claimedId)) : [];
  const { anchor, fingerprint } = await verifyAnchor(text, known ? known.keys : null);
  if (anchor.node.id === self.id) throw new AnchorError('this is this node’s own anchor');
  if (!/^https?:\/\/[^\s/]+/.test(anchor.node.url)) throw new AnchorError(`the anchor's URL is not an http(s) URL: ${anchor.node.url}`);
  const unitRows = await unitsByCodes(ctx.db, anchor.units);
  const unknown = anchor.units.filter((code) => !unitRows.some((u) => u.code === code));
  if (unknown.length) throw new AnchorError(`the anchor names units this node does not know: ${unknown.join(', ')}`);
  const ours = unitRows.filter((u) => hostsParty(ctx, u.partyCode) && ctx.config.nodeParties.length > 0);
  if (ours.length) throw new AnchorError(`the anchor claims units this node hosts: ${ours.map((u) => u.code).join(', ')}`);
  const elsewhere = unitRows.length ? await ctx.db.select({ unitId: exchangeUnitNodes.unitId }).from(exchangeUnitNodes).where(and(inArray(exchangeUnitNodes.unitId, unitRows.map((u) => u.id)), ne(exchangeUnitNodes.nodeId, anchor.node.id))) : [];
  if (elsewhere.length) throw new AnchorError(`the anchor claims units another known node hosts: ${unitRows.filter((u) => elsewhere.some((e) => e.unitId === u.id)).map((u) => u.code).join(', ')}`);
  if (ctx.config.nodeParties.length === 0) throw new AnchorError('this node hosts every party (LIAISON_NODE_PARTIES is not set): name the parties it hosts before importing a peer');
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const values = { id: anchor.node.id, isSelf: false, partyCode: anchor.node.party, name: anchor.node.name, url: anchor.node.url.replace(/\/+$/, ''), keys: mergeKeys(known?.keys ?? [], anchor.keys), anchor: text, importedAt: now };
    await tx.insert(exchangeNodes).values(values).onConflictDoUpdate({ target: exchangeNodes.id, set: { partyCode: values.partyCode, name: values.name, url: values.url, keys: values.keys, anchor: text, importedAt: now } });
    const ids = unitRows.map((u) => u.id);
    await tx.delete(exchangeUnitNodes).where(and(eq(exchangeUnitNodes.nodeId, anchor.node.id), ids.length ? notInArray(exchangeUnitNodes.unitId, ids) : undefined));
    if (ids.length) {
      await tx.delete(exchangeUnitNodes).where(inArray(exchangeUnitNodes.unitId, ids));
      await tx.insert(exchangeUnitNodes).values(ids.map((unitId) => ({ unitId, nodeId: anchor.node.id })));
    }
    await recordAudit(tx, ctx.clock, { actor: systemActor, action: 'exchange_node.imported', entityType: 'exchange_node', entityId: anchor.node.id, unitId: null, data: { name: anchor.node.name, url: anchor.node.url, fingerprint, units: anchor.units, keys: anchor.keys.map((k) => k.kid) } });
  });
  forgetDirectory(ctx);
  return { anchor, fingerprint, units: unitRows.length };
}
