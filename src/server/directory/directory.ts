import type { z } from 'zod';
import type { Context, Viewer } from '../platform/context.ts';
import { AppError, forbidden, notFound } from '../platform/errors.ts';
import { isUniqueViolation } from '../db/errors.ts';
import type { DbOrTx } from '../db/types.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { toSimplified } from '../../shared/script.ts';
import { listPosts } from './liaison-posts.ts';
import { directoryPolicy } from './policy.ts';
import { presentOfficer, presentUnit } from './presenter.ts';
import { hostsParty, unitsOnPeers } from '../exchange/queries.ts';
import {
  activeOfficersOf,
  activeUnits,
  allParties,
  designationsOf,
  dutyContactsOf,
  findUnit,
  findUnitWithParty,
  insertUnit,
  partnersUnder,
  partyExists,
  unitExists,
  unitsOfParty,
  updateUnitRow,
  type UnitRow,
} from './queries.ts';
import { contactFields, type createUnitBody, type updateUnitBody } from './schemas.ts';

async function officersByUnit(db: DbOrTx, unitIds: string[]) {
  if (unitIds.length === 0) return new Map<string, never[]>();
  const rows = await activeOfficersOf(db, unitIds);
  const byUnit = new Map<string, ReturnType<typeof presentOfficer>[]>();
  for (const r of rows) {
    const list = byUnit.get(r.unitId!) ?? [];
    list.push(presentOfficer(r));
    byUnit.set(r.unitId!, list);
  }
  return byUnit;
}

export async function listParties(ctx: Context) {
  return allParties(ctx.db);
}

export async function listUnits(ctx: Context, options: { partyCode?: string }) {
  const rows = await unitsOfParty(ctx.db, options.partyCode);
  const homes = await unitHomes(ctx);
  return rows.map((u) => presentUnit(u, homes(u)));
}

/**
 * Where each unit is kept: on this node (null), or — with one node per government — on the peer
 * node whose anchor names it, or on a node not known yet.
 */
async function unitHomes(ctx: Context) {
  const peers = await unitsOnPeers(ctx.db);
  return (u: { id: string; partyCode: string }) => {
    const peer = peers.get(u.id);
    if (peer) return { remote: true as const, node: peer };
    return hostsParty(ctx, u.partyCode) ? null : { remote: true as const, node: null };
  };
}

/** Parties, their units and the units' officers: the liaison directory every officer may read. */
export async function getDirectory(ctx: Context) {
  const [allParties, allUnits] = await Promise.all([listParties(ctx), activeUnits(ctx.db)]);
  const officers = await officersByUnit(ctx.db, allUnits.map((u) => u.id));
  const homes = await unitHomes(ctx);
  return {
    parties: allParties.map((p) => ({
      ...p,
      units: allUnits.filter((u) => u.partyCode === p.code).map((u) => ({ ...presentUnit(u, homes(u)), officers: officers.get(u.id) ?? [] })),
    })),
  };
}

/** One unit with the agreements that designate it, its partners under them, and its officers. */
export async function getUnit(ctx: Context, options: { id: string }) {
  const row = await findUnitWithParty(ctx.db, options.id);
  if (!row) throw notFound('unit');
  const designations = await designationsOf(ctx.db, options.id);
  const codes = designations.map((d) => d.code);
  const partnerRows = codes.length ? await partnersUnder(ctx.db, { unitId: options.id, partyCode: row.unit.partyCode, agreementCodes: codes }) : [];
  const partners = new Map<string, ReturnType<typeof presentUnit> & { agreementCodes: string[] }>();
  for (const p of partnerRows) {
    const entry = partners.get(p.unit.id) ?? { ...presentUnit(p.unit), agreementCodes: [] };
    entry.agreementCodes.push(p.agreementCode);
    partners.set(p.unit.id, entry);
  }
  const officers = await officersByUnit(ctx.db, [options.id]);
  return {
    ...presentUnit(row.unit),
    party: { code: row.party.code, name: row.party.name },
    agreements: designations,
    partners: [...partners.values()],
    officers: officers.get(options.id) ?? [],
    posts: await listPosts(ctx.db, { unitId: options.id, history: false }),
    dutyContacts: (await dutyContactsOf(ctx.db, options.id)).map(
      ({ agreementCode, clauseKey, post, name, phone, sample }) => ({ agreementCode, clauseKey, post, name, phone, sample }),
    ),
  };
}

async function checkReferences(db: DbOrTx, input: { partyCode?: string; parentId?: string | null }) {
  if (input.partyCode) {
    if (!(await partyExists(db, input.partyCode))) throw new AppError('validation.failed', { fields: [{ field: 'partyCode', code: 'invalid_value' }] });
  }
  if (input.parentId) {
    if (!(await unitExists(db, input.parentId))) throw new AppError('validation.failed', { fields: [{ field: 'parentId', code: 'invalid_value' }] });
  }
}

export async function createUnit(ctx: Context, options: { viewer: Viewer; input: z.infer<typeof createUnitBody> }) {
  const { viewer, input } = options;
  if (!directoryPolicy.createUnit(viewer)) throw forbidden('only platform administrators create units');
  try {
    const created = await ctx.db.transaction(async (tx) => {
      await checkReferences(tx, input);
      const now = ctx.clock.now();
      const unit = await insertUnit(tx, {
        code: input.code,
        partyCode: input.partyCode,
        parentId: input.parentId ?? null,
        kind: input.kind,
        name: { 'zh-Hant': input.name['zh-Hant'], 'zh-Hans': input.name['zh-Hans'] || toSimplified(input.name['zh-Hant']), en: input.name.en },
        abbreviation: input.abbreviation ?? null,
        email: input.email ?? null,
        phone: input.phone ?? null,
        dutyPhone: input.dutyPhone ?? null,
        address: input.address ?? null,
        createdAt: now,
        updatedAt: now,
      });
      await recordAudit(tx, ctx.clock, { actor: { id: viewer.userId, label: viewer.username }, action: 'unit.created', entityType: 'unit', entityId: unit.id, unitId: unit.id, data: input });
      return unit;
    });
    return presentUnit(created);
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', { params: { what: 'unit_code' }, fields: [{ field: 'code', code: 'invalid_value' }] });
    throw error;
  }
}

/**
 * Platform administrators change anything about a unit; a unit's own administrator may
 * change only how it is reached (e-mail, telephones, address).
 */
export async function updateUnit(ctx: Context, options: { viewer: Viewer; id: string; change: z.infer<typeof updateUnitBody> }) {
  const { viewer, id, change } = options;
  const existing = await findUnit(ctx.db, id);
  if (!existing) throw notFound('unit');
  const onlyContacts = Object.keys(change).every((k) => (contactFields as readonly string[]).includes(k));
  if (!directoryPolicy.updateUnit(viewer, id, { onlyContacts })) throw forbidden('may not change this unit');
  if (change.parentId === id) throw new AppError('validation.failed', { fields: [{ field: 'parentId', code: 'invalid_value' }] });
  const updated = await ctx.db.transaction(async (tx) => {
    await checkReferences(tx, change);
    const { name, ...rest } = change;
    const set: Partial<UnitRow> = { ...rest, updatedAt: ctx.clock.now() };
    if (name) set.name = { 'zh-Hant': name['zh-Hant'], 'zh-Hans': name['zh-Hans'] || toSimplified(name['zh-Hant']), en: name.en };
    const unit = await updateUnitRow(tx, id, set);
    await recordAudit(tx, ctx.clock, { actor: { id: viewer.userId, label: viewer.username }, action: 'unit.updated', entityType: 'unit', entityId: id, unitId: id, data: change });
    return unit;
  });
  return presentUnit(updated);
}
