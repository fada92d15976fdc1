import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { z } from 'zod';
import type { Context, Role, Viewer } from '../platform/context.ts';
import { hasRole } from '../platform/context.ts';
import { AppError, forbidden, notFound } from '../platform/errors.ts';
import { isUniqueViolation } from '../db/errors.ts';
import type { DbOrTx } from '../db/open.ts';
import { agreementUnits, agreements, parties, unitDutyContacts, units, users } from '../db/schema.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { toSimplified } from '../../shared/script.ts';
import { listPosts } from './liaison-posts.ts';
import { contactFields, type createUnitBody, type updateUnitBody } from './schemas.ts';

type UnitRow = typeof units.$inferSelect;

export const presentUnit = (u: UnitRow) => ({
  id: u.id,
  code: u.code,
  partyCode: u.partyCode,
  parentId: u.parentId,
  kind: u.kind,
  name: u.name,
  abbreviation: u.abbreviation,
  email: u.email,
  phone: u.phone,
  dutyPhone: u.dutyPhone,
  address: u.address,
  active: u.active,
});

async function officersByUnit(db: DbOrTx, unitIds: string[]) {
  if (unitIds.length === 0) return new Map<string, never[]>();
  const rows = await db
    .select()
    .from(users)
    .where(and(inArray(users.unitId, unitIds), eq(users.active, true)))
    .orderBy(asc(users.displayName));
  const byUnit = new Map<string, ReturnType<typeof presentOfficer>[]>();
  for (const r of rows) {
    const list = byUnit.get(r.unitId!) ?? [];
    list.push(presentOfficer(r));
    byUnit.set(r.unitId!, list);
  }
  return byUnit;
}

const presentOfficer = (u: typeof users.$inferSelect) => ({
  id: u.id,
  displayName: u.displayName,
  title: u.title,
  email: u.email,
  phone: u.phone,
  roles: u.roles as Role[],
});

export async function listParties(ctx: Context) {
  return ctx.db.select().from(parties).orderBy(asc(parties.code));
}

export async function listUnits(ctx: Context, options: { partyCode?: string }) {
  const rows = await ctx.db
    .select()
    .from(units)
    .where(options.partyCode ? eq(units.partyCode, options.partyCode) : undefined)
    .orderBy(asc(units.partyCode), asc(units.code));
  return rows.map(presentUnit);
}

/** Parties, their units and the units' officers: the liaison directory every officer may read. */
export async function getDirectory(ctx: Context) {
  const [allParties, allUnits] = await Promise.all([listParties(ctx), ctx.db.select().from(units).where(eq(units.active, true)).orderBy(asc(units.code))]);
  const officers = await officersByUnit(ctx.db, allUnits.map((u) => u.id));
  return {
    parties: allParties.map((p) => ({
      ...p,
      units: allUnits.filter((u) => u.partyCode === p.code).map((u) => ({ ...presentUnit(u), officers: officers.get(u.id) ?? [] })),
    })),
  };
}

/** One unit with the agreements that designate it, its partners under them, and its officers. */
export async function getUnit(ctx: Context, options: { id: string }) {
  const [row] = await ctx.db.select({ unit: units, party: parties }).from(units).innerJoin(parties, eq(parties.code, units.partyCode)).where(eq(units.id, options.id));
  if (!row) throw notFound('unit');
  const designations = await ctx.db
    .select({ code: agreements.code, title: agreements.title, role: agreementUnits.role, clauseKey: agreementUnits.clauseKey })
    .from(agreementUnits)
    .innerJoin(agreements, eq(agreements.code, agreementUnits.agreementCode))
    .where(eq(agreementUnits.unitId, options.id))
    .orderBy(asc(agreements.signedOn), asc(agreements.code));
  const codes = designations.map((d) => d.code);
  const partnerRows = codes.length
    ? await ctx.db
        .select({ unit: units, agreementCode: agreementUnits.agreementCode })
        .from(agreementUnits)
        .innerJoin(units, eq(units.id, agreementUnits.unitId))
        .where(and(inArray(agreementUnits.agreementCode, codes), ne(units.partyCode, row.unit.partyCode), ne(units.id, options.id)))
        .orderBy(asc(units.code))
    : [];
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
    dutyContacts: (await ctx.db.select().from(unitDutyContacts).where(eq(unitDutyContacts.unitId, options.id)).orderBy(asc(unitDutyContacts.agreementCode))).map(
      ({ agreementCode, clauseKey, post, name, phone, sample }) => ({ agreementCode, clauseKey, post, name, phone, sample }),
    ),
  };
}

async function checkReferences(db: DbOrTx, input: { partyCode?: string; parentId?: string | null }) {
  if (input.partyCode) {
    const [p] = await db.select().from(parties).where(eq(parties.code, input.partyCode));
    if (!p) throw new AppError('validation.failed', { fields: [{ field: 'partyCode', code: 'invalid_value' }] });
  }
  if (input.parentId) {
    const [u] = await db.select({ id: units.id }).from(units).where(eq(units.id, input.parentId));
    if (!u) throw new AppError('validation.failed', { fields: [{ field: 'parentId', code: 'invalid_value' }] });
  }
}

export async function createUnit(ctx: Context, options: { viewer: Viewer; input: z.infer<typeof createUnitBody> }) {
  const { viewer, input } = options;
  if (!viewer.isPlatformAdmin) throw forbidden('only platform administrators create units');
  try {
    const created = await ctx.db.transaction(async (tx) => {
      await checkReferences(tx, input);
      const now = ctx.clock.now();
      const [unit] = await tx
        .insert(units)
        .values({
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
        })
        .returning();
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
  const [existing] = await ctx.db.select().from(units).where(eq(units.id, id));
  if (!existing) throw notFound('unit');
  const onlyContacts = Object.keys(change).every((k) => (contactFields as readonly string[]).includes(k));
  const ownAdmin = hasRole(viewer, 'unit_admin') && viewer.unitId === id;
  if (!viewer.isPlatformAdmin && !(ownAdmin && onlyContacts)) throw forbidden('may not change this unit');
  if (change.parentId === id) throw new AppError('validation.failed', { fields: [{ field: 'parentId', code: 'invalid_value' }] });
  const updated = await ctx.db.transaction(async (tx) => {
    await checkReferences(tx, change);
    const { name, ...rest } = change;
    const set: Partial<UnitRow> = { ...rest, updatedAt: ctx.clock.now() };
    if (name) set.name = { 'zh-Hant': name['zh-Hant'], 'zh-Hans': name['zh-Hans'] || toSimplified(name['zh-Hant']), en: name.en };
    const [unit] = await tx.update(units).set(set).where(eq(units.id, id)).returning();
    await recordAudit(tx, ctx.clock, { actor: { id: viewer.userId, label: viewer.username }, action: 'unit.updated', entityType: 'unit', entityId: id, unitId: id, data: change });
    return unit;
  });
  return presentUnit(updated);
}
