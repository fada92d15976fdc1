import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/open.ts';
import { units } from '../db/schema.ts';
import type { Viewer } from '../platform/context.ts';
import type { UnitRef } from '../units/unit-refs.ts';
import { sarAgencies, type SarPlace } from '../../shared/modules/sar-plans.ts';
import type { SarActor } from './policy.ts';
import { rccModules, sarCompanies, sarExercises, sarPlanCopies, sarPlanModules, sarPlanRecognitions, sarPlanRevisions, sarPlans, sarRegisterChanges, sarShips } from './schema.ts';

export type CompanyRow = typeof sarCompanies.$inferSelect;
export type ShipRow = typeof sarShips.$inferSelect;
export type RccModuleRow = typeof rccModules.$inferSelect;
export type PlanRow = typeof sarPlans.$inferSelect;
export type CopyRow = typeof sarPlanCopies.$inferSelect;
export type RecognitionRow = typeof sarPlanRecognitions.$inferSelect;
export type ExerciseRow = typeof sarExercises.$inferSelect;

export type Agency = UnitRef & { place: SarPlace };

/** The three agencies of the arrangement as units, in the order of sarAgencies (Guangdong, Hong Kong, Macao). */
export async function findAgencies(db: DbOrTx): Promise<Agency[]> {
  const rows = await db
    .select({ id: units.id, code: units.code, partyCode: units.partyCode, name: units.name })
    .from(units)
    .where(inArray(units.code, sarAgencies.map((a) => a.unit)));
  return sarAgencies.flatMap((a) => {
    const row = rows.find((r) => r.code === a.unit);
    return row ? [{ ...row, place: a.place }] : [];
  });
}

export async function sarActorOf(db: DbOrTx, viewer: Viewer): Promise<SarActor> {
  const agency = viewer.unitId ? (await findAgencies(db)).find((a) => a.id === viewer.unitId) : undefined;
  return { viewer, agencyUnitId: agency?.id ?? null, place: agency?.place ?? null };
}

export async function findCompany(db: DbOrTx, id: string): Promise<CompanyRow | undefined> {
  const [row] = await db.select().from(sarCompanies).where(eq(sarCompanies.id, id));
  return row;
}

export async function companiesByRegistrationNos(db: DbOrTx, numbers: string[]) {
  const rows = numbers.length ? await db.select().from(sarCompanies).where(inArray(sarCompanies.registrationNo, numbers)) : [];
  return new Map(rows.map((r) => [r.registrationNo, r]));
}

export async function listCompanyRows(db: DbOrTx, options: { place?: string }) {
  return db
    .select()
    .from(sarCompanies)
    .where(options.place ? eq(sarCompanies.place, options.place) : undefined)
    .orderBy(asc(sarCompanies.place), asc(sarCompanies.nameEn), asc(sarCompanies.id));
}

export async function findShip(db: DbOrTx, id: string): Promise<ShipRow | undefined> {
  const [row] = await db.select().from(sarShips).where(eq(sarShips.id, id));
  return row;
}

export async function shipsByImoNumbers(db: DbOrTx, numbers: string[]) {
  const rows = numbers.length ? await db.select().from(sarShips).where(inArray(sarShips.imoNumber, numbers)) : [];
  return new Map(rows.map((r) => [r.imoNumber, r]));
}

export async function listShipRows(db: DbOrTx, options: { place?: string; companyId?: string }) {
  return db
    .select()
    .from(sarShips)
    .where(and(options.place ? eq(sarShips.place, options.place) : undefined, options.companyId ? eq(sarShips.companyId, options.companyId) : undefined))
    .orderBy(asc(sarShips.place), asc(sarShips.nameEn), asc(sarShips.id));
}

export async function companiesByIds(db: DbOrTx, ids: string[]) {
  const unique = [...new Set(ids)];
  const rows = unique.length ? await db.select().from(sarCompanies).where(inArray(sarCompanies.id, unique)) : [];
  return new Map(rows.map((r) => [r.id, r]));
}

export async function planIdsOfShips(db: DbOrTx, shipIds: string[]) {
  const rows = shipIds.length ? await db.select({ id: sarPlans.id, shipId: sarPlans.shipId }).from(sarPlans).where(inArray(sarPlans.shipId, shipIds)) : [];
  return new Map(rows.map((r) => [r.shipId, r.id]));
}

export async function insertRegisterChange(db: DbOrTx, change: typeof sarRegisterChanges.$inferInsert) {
  await db.insert(sarRegisterChanges).values(change);
}

export async function registerHistory(db: DbOrTx, entityType: 'ship' | 'company', entityId: string) {
  return db
    .select()
    .from(sarRegisterChanges)
    .where(and(eq(sarRegisterChanges.entityType, entityType), eq(sarRegisterChanges.entityId, entityId)))
    .orderBy(desc(sarRegisterChanges.id));
}

/** Every agency's current Module 3: its latest version. */
export async function currentRccModules(db: DbOrTx): Promise<Map<string, RccModuleRow>> {
  const rows = await db
    .selectDistinctOn([rccModules.unitId])
    .from(rccModules)
    .orderBy(rccModules.unitId, desc(rccModules.version));
  return new Map(rows.map((r) => [r.unitId, r]));
}

export async function rccModuleVersions(db: DbOrTx, unitId?: string) {
  return db
    .select()
    .from(rccModules)
    .where(unitId ? eq(rccModules.unitId, unitId) : undefined)
    .orderBy(asc(rccModules.unitId), desc(rccModules.version));
}

export async function rccModulesByIds(db: DbOrTx, ids: string[]) {
  const rows = ids.length ? await db.select().from(rccModules).where(inArray(rccModules.id, ids)) : [];
  return new Map(rows.map((r) => [r.id, r]));
}

/** The plans that carry a module version (to flag and tell their owners when it is superseded). */
export async function plansCarrying(db: DbOrTx, rccModuleId: string) {
  return db
    .select({ id: sarPlans.id, reference: sarPlans.reference, ownerUnitId: sarPlans.ownerUnitId, status: sarPlans.status })
    .from(sarPlanModules)
    .innerJoin(sarPlans, eq(sarPlans.id, sarPlanModules.planId))
    .where(and(eq(sarPlanModules.rccModuleId, rccModuleId), inArray(sarPlans.status, ['draft', 'issued'])))
    .orderBy(asc(sarPlans.reference));
}

export async function findPlan(db: DbOrTx, id: string, options: { lock?: boolean } = {}): Promise<PlanRow | undefined> {
  const query = db.select().from(sarPlans).where(eq(sarPlans.id, id));
  const [row] = options.lock ? await query.for('update') : await query;
  return row;
}

export async function listPlanRows(db: DbOrTx, options: { status?: string; ownerUnitId?: string } = {}) {
  return db
    .select()
    .from(sarPlans)
    .where(and(options.status ? eq(sarPlans.status, options.status) : undefined, options.ownerUnitId ? eq(sarPlans.ownerUnitId, options.ownerUnitId) : undefined))
    .orderBy(desc(sarPlans.updatedAt), desc(sarPlans.id));
}

/** The module each of a set of plans carries, per plan and agency. */
export async function carriedModules(db: DbOrTx, planIds: string[]) {
  const rows = planIds.length ? await db.select().from(sarPlanModules).where(inArray(sarPlanModules.planId, planIds)) : [];
  const out = new Map<string, Map<string, string>>();
  for (const r of rows) {
    if (!out.has(r.planId)) out.set(r.planId, new Map());
    out.get(r.planId)!.set(r.unitId, r.rccModuleId);
  }
  return out;
}

/** The plan carries these modules from now: one per agency. */
export async function setCarriedModules(db: DbOrTx, planId: string, modules: RccModuleRow[]) {
  await db.delete(sarPlanModules).where(eq(sarPlanModules.planId, planId));
  if (modules.length) await db.insert(sarPlanModules).values(modules.map((m) => ({ planId, unitId: m.unitId, rccModuleId: m.id })));
}

export async function findRevision(db: DbOrTx, planId: string, revision: number) {
  const [row] = await db.select().from(sarPlanRevisions).where(and(eq(sarPlanRevisions.planId, planId), eq(sarPlanRevisions.revision, revision)));
  return row;
}

export async function copiesOfPlans(db: DbOrTx, planIds: string[]) {
  return planIds.length ? db.select().from(sarPlanCopies).where(inArray(sarPlanCopies.planId, planIds)).orderBy(desc(sarPlanCopies.revision), asc(sarPlanCopies.number)) : [];
}

export async function findCopy(db: DbOrTx, planId: string, copyId: string, options: { lock?: boolean } = {}) {
  const query = db.select().from(sarPlanCopies).where(and(eq(sarPlanCopies.id, copyId), eq(sarPlanCopies.planId, planId)));
  const [row] = options.lock ? await query.for('update') : await query;
  return row;
}

export async function recognitionsOfPlans(db: DbOrTx, planIds: string[]) {
  return planIds.length ? db.select().from(sarPlanRecognitions).where(inArray(sarPlanRecognitions.planId, planIds)).orderBy(desc(sarPlanRecognitions.revision), asc(sarPlanRecognitions.recognisedAt)) : [];
}

export async function exercisesOfPlans(db: DbOrTx, planIds: string[]) {
  return planIds.length ? db.select().from(sarExercises).where(inArray(sarExercises.planId, planIds)).orderBy(desc(sarExercises.heldOn), desc(sarExercises.createdAt)) : [];
}

/** The latest exercise of each plan (its day). */
export async function lastExerciseDays(db: DbOrTx, planIds: string[]) {
  const rows = planIds.length
    ? await db
        .select({ planId: sarExercises.planId, last: sql<string>`max(${sarExercises.heldOn})::text` })
        .from(sarExercises)
        .where(inArray(sarExercises.planId, planIds))
        .groupBy(sarExercises.planId)
    : [];
  return new Map(rows.map((r) => [r.planId, r.last]));
}
