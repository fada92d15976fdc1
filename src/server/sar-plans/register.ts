import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { DbOrTx } from '../db/open.ts';
import type { Context, Viewer } from '../platform/context.ts';
import { AppError, forbidden, notFound, type FieldError } from '../platform/errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { isValidImoNumber, sarPorts } from '../../shared/modules/sar-plans.ts';
import { sarPolicy, type SarActor } from './policy.ts';
import { canonical } from './plan-state.ts';
import { presentChange, presentCompany, presentShip } from './present.ts';
import { companiesByIds, findCompany, findShip, insertRegisterChange, listCompanyRows, listShipRows, planIdsOfShips, registerHistory, sarActorOf, type CompanyRow, type ShipRow } from './queries.ts';
import { sarCompanies, sarShips, type ShipRoute } from './schema.ts';
import type { companyBody, shipBody, updateCompanyBody, updateShipBody } from './schemas.ts';

export const actorOf = (viewer: Viewer) => ({ id: viewer.userId, label: viewer.username });
const invalid = (field: string, code: string) => new AppError('validation.failed', { fields: [{ field, code }] });

/** The viewer as an agency of the arrangement; anyone else is told there is nothing here. */
export async function requireSarActor(ctx: Context, viewer: Viewer): Promise<SarActor> {
  const actor = await sarActorOf(ctx.db, viewer);
  if (!sarPolicy.read(actor)) throw notFound('sar_plan');
  return actor;
}

const placeOfPort = new Map<string, string>(sarPorts.map((p) => [p.code, p.place]));

/** What the form's schema cannot see of a ship: the IMO check digit, and routes that cross between two places. */
export function shipFieldErrors(input: { imoNumber?: string; routes?: ShipRoute[] }, prefix = ''): FieldError[] {
  const errors: FieldError[] = [];
  if (input.imoNumber !== undefined && !isValidImoNumber(input.imoNumber)) errors.push({ field: `${prefix}imoNumber`, code: 'imo_check_digit' });
  (input.routes ?? []).forEach((r, i) => {
    if (placeOfPort.get(r.from) === placeOfPort.get(r.to)) errors.push({ field: prefix ? `${prefix}routes` : `routes.${i}.to`, code: 'route_cross_boundary' });
  });
  return errors;
}

/** The fields that differ between a row and a change, as the history keeps them. */
export function changedFields<T extends Record<string, unknown>>(row: T, change: Partial<T>) {
  const fields: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, to] of Object.entries(change)) {
    if (to === undefined) continue;
    const from = row[key] ?? null;
    if (canonical(from) !== canonical(to ?? null)) fields[key] = { from, to: to ?? null };
  }
  return fields;
}

export async function recordRegisterChange(tx: DbOrTx, ctx: Context, viewer: Viewer, options: { entityType: 'ship' | 'company'; entityId: string; change: 'created' | 'updated'; fields: Record<string, { from: unknown; to: unknown }> }) {
  await insertRegisterChange(tx, { ...options, actorId: viewer.userId, actor: viewer.displayName, at: ctx.clock.now() });
}

export async function listCompanies(ctx: Context, options: { viewer: Viewer; place?: string }) {
  const actor = await requireSarActor(ctx, options.viewer);
  return (await listCompanyRows(ctx.db, options)).map((r) => presentCompany(r, { mayEdit: sarPolicy.keepRegister(actor, r.place) }));
}

export async function getCompany(ctx: Context, options: { viewer: Viewer; id: string }) {
  const actor = await requireSarActor(ctx, options.viewer);
  const row = await findCompany(ctx.db, options.id);
  if (!row) throw notFound('sar_company');
  return { ...presentCompany(row, { mayEdit: sarPolicy.keepRegister(actor, row.place) }), history: (await registerHistory(ctx.db, 'company', row.id)).map(presentChange) };
}

/** A place's agency registers an operating company with its 24-hour contact. */
export async function createCompany(ctx: Context, options: { viewer: Viewer; input: z.infer<typeof companyBody> }) {
  const { viewer, input } = options;
  const actor = await requireSarActor(ctx, viewer);
  if (!sarPolicy.keepRegister(actor, input.place)) throw forbidden('only the place’s agency keeps its register');
  return ctx.db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: sarCompanies.id }).from(sarCompanies).where(eq(sarCompanies.registrationNo, input.registrationNo));
    if (taken) throw new AppError('conflict', { params: { what: 'sar_company_registration' } });
    const row = await insertCompany(tx, ctx, viewer, input);
    return row.id;
  });
}

export async function insertCompany(tx: DbOrTx, ctx: Context, viewer: Viewer, input: z.infer<typeof companyBody>, extra: { importId?: string } = {}) {
  const now = ctx.clock.now();
  const [row] = await tx
    .insert(sarCompanies)
    .values({ ...input, address: input.address ?? null, contactEmail: input.contactEmail ?? null, isSample: false, createdAt: now, updatedAt: now })
    .returning();
  await recordRegisterChange(tx, ctx, viewer, { entityType: 'company', entityId: row.id, change: 'created', fields: {} });
  await recordAudit(tx, ctx.clock, { actor: actorOf(viewer), action: 'sar_company.created', entityType: 'sar_company', entityId: row.id, unitId: viewer.unitId, data: { registrationNo: row.registrationNo, place: row.place, ...extra } });
  return row;
}

export async function applyCompanyChange(tx: DbOrTx, ctx: Context, viewer: Viewer, row: CompanyRow, change: z.infer<typeof updateCompanyBody>, extra: { importId?: string } = {}) {
  const fields = changedFields(row, change);
  if (Object.keys(fields).length === 0) return row;
  const [updated] = await tx
    .update(sarCompanies)
    .set({ ...change, updatedAt: ctx.clock.now() })
    .where(eq(sarCompanies.id, row.id))
    .returning();
  await recordRegisterChange(tx, ctx, viewer, { entityType: 'company', entityId: row.id, change: 'updated', fields });
  await recordAudit(tx, ctx.clock, { actor: actorOf(viewer), action: 'sar_company.updated', entityType: 'sar_company', entityId: row.id, unitId: viewer.unitId, data: { registrationNo: row.registrationNo, fields: Object.keys(fields), ...extra } });
  return updated;
}

export async function updateCompany(ctx: Context, options: { viewer: Viewer; id: string; change: z.infer<typeof updateCompanyBody> }) {
  const { viewer, id, change } = options;
  const actor = await requireSarActor(ctx, viewer);
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(sarCompanies).where(eq(sarCompanies.id, id)).for('update');
    if (!row) throw notFound('sar_company');
    if (!sarPolicy.keepRegister(actor, row.place)) throw forbidden('only the place’s agency keeps its register');
    await applyCompanyChange(tx, ctx, viewer, row, change);
  });
}

export async function presentShipsFor(ctx: Context, actor: SarActor, rows: ShipRow[]) {
  const [companies, plans] = await Promise.all([companiesByIds(ctx.db, rows.map((r) => r.companyId)), planIdsOfShips(ctx.db, rows.map((r) => r.id))]);
  return rows.map((r) => presentShip(r, companies.get(r.companyId)!, { mayEdit: sarPolicy.keepRegister(actor, r.place), planId: plans.get(r.id) ?? null }));
}

export async function listShips(ctx: Context, options: { viewer: Viewer; place?: string }) {
  const actor = await requireSarActor(ctx, options.viewer);
  return presentShipsFor(ctx, actor, await listShipRows(ctx.db, options));
}

export async function getShip(ctx: Context, options: { viewer: Viewer; id: string }) {
  const actor = await requireSarActor(ctx, options.viewer);
  const row = await findShip(ctx.db, options.id);
  if (!row) throw notFound('sar_ship');
  const [ship] = await presentShipsFor(ctx, actor, [row]);
  return { ...ship, history: (await registerHistory(ctx.db, 'ship', row.id)).map(presentChange) };
}

async function requireCompany(db: DbOrTx, id: string, field = 'companyId') {
  const company = await findCompany(db, id);
  if (!company) throw invalid(field, 'unknown_company');
  return company;
}

/** A place's agency registers a cross-boundary scheduled passenger ship of its place. */
export async function createShip(ctx: Context, options: { viewer: Viewer; input: z.infer<typeof shipBody> }) {
  const { viewer, input } = options;
  const actor = await requireSarActor(ctx, viewer);
  if (!sarPolicy.keepRegister(actor, input.place)) throw forbidden('only the place’s agency keeps its register');
  const errors = shipFieldErrors(input);
  if (errors.length) throw new AppError('validation.failed', { fields: errors });
  return ctx.db.transaction(async (tx) => {
    await requireCompany(tx, input.companyId);
    const [taken] = await tx.select({ id: sarShips.id }).from(sarShips).where(eq(sarShips.imoNumber, input.imoNumber));
    if (taken) throw new AppError('conflict', { params: { what: 'sar_ship_imo' } });
    return (await insertShip(tx, ctx, viewer, input)).id;
  });
}

export async function insertShip(tx: DbOrTx, ctx: Context, viewer: Viewer, input: z.infer<typeof shipBody>, extra: { importId?: string } = {}) {
  const now = ctx.clock.now();
  const [row] = await tx
    .insert(sarShips)
    .values({ ...input, callSign: input.callSign.toUpperCase(), isSample: false, createdAt: now, updatedAt: now })
    .returning();
  await recordRegisterChange(tx, ctx, viewer, { entityType: 'ship', entityId: row.id, change: 'created', fields: {} });
  await recordAudit(tx, ctx.clock, { actor: actorOf(viewer), action: 'sar_ship.created', entityType: 'sar_ship', entityId: row.id, unitId: viewer.unitId, data: { imoNumber: row.imoNumber, place: row.place, ...extra } });
  return row;
}

export async function applyShipChange(tx: DbOrTx, ctx: Context, viewer: Viewer, row: ShipRow, change: z.infer<typeof updateShipBody>, extra: { importId?: string } = {}) {
  const normalised = { ...change, ...(change.callSign ? { callSign: change.callSign.toUpperCase() } : {}) };
  const fields = changedFields(row, normalised);
  if (Object.keys(fields).length === 0) return row;
  const [updated] = await tx
    .update(sarShips)
    .set({ ...normalised, updatedAt: ctx.clock.now() })
    .where(eq(sarShips.id, row.id))
    .returning();
  await recordRegisterChange(tx, ctx, viewer, { entityType: 'ship', entityId: row.id, change: 'updated', fields });
  await recordAudit(tx, ctx.clock, { actor: actorOf(viewer), action: 'sar_ship.updated', entityType: 'sar_ship', entityId: row.id, unitId: viewer.unitId, data: { imoNumber: row.imoNumber, fields: Object.keys(fields), ...extra } });
  return updated;
}

export async function updateShip(ctx: Context, options: { viewer: Viewer; id: string; change: z.infer<typeof updateShipBody> }) {
  const { viewer, id, change } = options;
  const actor = await requireSarActor(ctx, viewer);
  const errors = shipFieldErrors(change);
  if (errors.length) throw new AppError('validation.failed', { fields: errors });
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(sarShips).where(eq(sarShips.id, id)).for('update');
    if (!row) throw notFound('sar_ship');
    if (!sarPolicy.keepRegister(actor, row.place)) throw forbidden('only the place’s agency keeps its register');
    if (change.companyId) await requireCompany(tx, change.companyId);
    await applyShipChange(tx, ctx, viewer, row, change);
  });
}
