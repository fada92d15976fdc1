import { bigserial, boolean, date, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts, type LocalizedText } from '../db/columns.ts';
import { parties, units } from '../directory/schema.ts';

/** A route of a ship: between passenger terminals of two of the three places (codes of sarPorts). */
export type ShipRoute = { from: string; to: string };

/**
 * An agency's Module 3 (MSC.1/Circ.1079/Rev.1): its rescue co-ordination centre, how to reach it
 * and how it works with a passenger ship in distress. Chinese kept in both scripts.
 */
export type RccModuleContent = {
  rccName: LocalizedText;
  telephone: string;
  fax: string | null;
  email: string | null;
  /** The centre's coast station MMSI (nine digits, 00… for a coast station). */
  mmsi: string | null;
  vhf: string | null;
  address: LocalizedText;
  procedures: LocalizedText;
};

/** Module 4: a SAR facility the plan counts on (a vessel, an aircraft, a shore station), of one of the three places. */
export type SarFacility = { place: string; kind: 'vessel' | 'aircraft' | 'shore'; name: LocalizedText; contact: string | null };

/**
 * A company operating cross-boundary scheduled passenger ships (M23), known by its registration
 * number in its place (imports are idempotent on it), with its 24-hour emergency contact (Module 1).
 */
export const sarCompanies = pgTable(
  'sar_companies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    registrationNo: text('registration_no').notNull(),
    place: text('place')
      .notNull()
      .references(() => parties.code),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    address: text('address'),
    contactName: text('contact_name').notNull(),
    contactPhone: text('contact_phone').notNull(),
    contactEmail: text('contact_email'),
    /** Made-up demonstration data: shown with a "sample" badge everywhere, never exported. */
    isSample: boolean('is_sample').notNull().default(false),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [uniqueIndex('sar_companies_registration_key').on(t.registrationNo), index('sar_companies_place_idx').on(t.place, t.nameEn)],
);

/**
 * A cross-boundary scheduled passenger ship registered in one of the three places (M23, Module 2),
 * known by its IMO number (imports are idempotent on it). Its place decides which agency draws
 * up its plan (the arrangement's clause 1).
 */
export const sarShips = pgTable(
  'sar_ships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    imoNumber: text('imo_number').notNull(),
    mmsi: text('mmsi').notNull(),
    callSign: text('call_sign').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    place: text('place')
      .notNull()
      .references(() => parties.code),
    portOfRegistry: text('port_of_registry').notNull(),
    shipType: text('ship_type').notNull(),
    passengerCapacity: integer('passenger_capacity').notNull(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => sarCompanies.id),
    routes: jsonb('routes').$type<ShipRoute[]>().notNull(),
    isSample: boolean('is_sample').notNull().default(false),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [uniqueIndex('sar_ships_imo_key').on(t.imoNumber), index('sar_ships_place_idx').on(t.place, t.nameEn), index('sar_ships_company_idx').on(t.companyId)],
);

/** The history of a ship or company: each change, field by field, by whom and when. */
export const sarRegisterChanges = pgTable(
  'sar_register_changes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id').notNull(),
    change: text('change').notNull(),
    fields: jsonb('fields').$type<Record<string, { from: unknown; to: unknown }>>().notNull(),
    actorId: uuid('actor_id'),
    actor: text('actor').notNull(),
    at: ts('at').notNull(),
  },
  (t) => [index('sar_register_changes_entity_idx').on(t.entityType, t.entityId, t.id)],
);

/**
 * An agency's Module 3, kept once as numbered versions and carried by every plan: the latest
 * version is the current one; a plan is valid only while it carries every agency's current one.
 */
export const rccModules = pgTable(
  'rcc_modules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    version: integer('version').notNull(),
    content: jsonb('content').$type<RccModuleContent>().notNull(),
    changeNote: text('change_note'),
    /** Contacts and procedures made up for the demonstration (the centres' names are real): shown as sample. */
    isSample: boolean('is_sample').notNull().default(false),
    issuedAt: ts('issued_at').notNull(),
    issuedBy: text('issued_by').notNull(),
  },
  (t) => [uniqueIndex('rcc_modules_version_key').on(t.unitId, t.version)],
);

/**
 * The co-operation plan of one ship (M24): drawn up by the agency of the ship's place, assembled
 * from the company's and ship's modules, the three agencies' Module 3 and the SAR facilities.
 * Revision 0 is a draft never issued; each issue is a new revision with its five copies.
 */
export const sarPlans = pgTable(
  'sar_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reference: text('reference').notNull(),
    shipId: uuid('ship_id')
      .notNull()
      .references(() => sarShips.id),
    ownerUnitId: uuid('owner_unit_id')
      .notNull()
      .references(() => units.id),
    status: text('status').notNull(),
    revision: integer('revision').notNull().default(0),
    facilities: jsonb('facilities').$type<SarFacility[]>().notNull(),
    notes: text('notes'),
    firstIssuedAt: ts('first_issued_at'),
    issuedAt: ts('issued_at'),
    withdrawnAt: ts('withdrawn_at'),
    withdrawReason: text('withdraw_reason'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [uniqueIndex('sar_plans_reference_key').on(t.reference), uniqueIndex('sar_plans_ship_key').on(t.shipId), index('sar_plans_owner_idx').on(t.ownerUnitId, t.status)],
);

/** Which version of each agency's Module 3 a plan carries (its draft's, or its current revision's). */
export const sarPlanModules = pgTable(
  'sar_plan_modules',
  {
    planId: uuid('plan_id')
      .notNull()
      .references(() => sarPlans.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    rccModuleId: uuid('rcc_module_id')
      .notNull()
      .references(() => rccModules.id),
  },
  (t) => [primaryKey({ columns: [t.planId, t.unitId] }), index('sar_plan_modules_module_idx').on(t.rccModuleId)],
);

/** Each issued revision as the document it was: company, ship, the three Module 3 versions and the facilities. */
export const sarPlanRevisions = pgTable(
  'sar_plan_revisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => sarPlans.id),
    revision: integer('revision').notNull(),
    document: jsonb('document').$type<Record<string, unknown>>().notNull(),
    issuedAt: ts('issued_at').notNull(),
    issuedBy: text('issued_by').notNull(),
  },
  (t) => [uniqueIndex('sar_plan_revisions_key').on(t.planId, t.revision)],
);

/**
 * The five numbered controlled copies of a revision (clause 1: 一式五份, kept by the three
 * agencies, the company and the ship), each acknowledged on receipt; a later revision supersedes
 * them, and each superseded copy's withdrawal is acknowledged in turn.
 */
export const sarPlanCopies = pgTable(
  'sar_plan_copies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => sarPlans.id),
    revision: integer('revision').notNull(),
    number: integer('number').notNull(),
    holder: text('holder').notNull(),
    /** The agency holding an agency's copy; null for the company's and the ship's. */
    holderUnitId: uuid('holder_unit_id').references(() => units.id),
    holderName: text('holder_name').notNull(),
    issuedAt: ts('issued_at').notNull(),
    acknowledgedAt: ts('acknowledged_at'),
    acknowledgedBy: text('acknowledged_by'),
    supersededAt: ts('superseded_at'),
    withdrawnAt: ts('withdrawn_at'),
    withdrawnBy: text('withdrawn_by'),
  },
  (t) => [uniqueIndex('sar_plan_copies_key').on(t.planId, t.revision, t.number), index('sar_plan_copies_holder_idx').on(t.holderUnitId)],
);

/** Another agency's recognition of a plan's revision (the arrangement's clause 2: 互相認可), with who and when. */
export const sarPlanRecognitions = pgTable(
  'sar_plan_recognitions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => sarPlans.id),
    revision: integer('revision').notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    recognisedBy: text('recognised_by').notNull(),
    recognisedAt: ts('recognised_at').notNull(),
    comment: text('comment'),
  },
  (t) => [uniqueIndex('sar_plan_recognitions_key').on(t.planId, t.revision, t.unitId)],
);

/** An exercise of a plan (full-scale, co-ordination, communications), at least once in 12 months. */
export const sarExercises = pgTable(
  'sar_exercises',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => sarPlans.id),
    kind: text('kind').notNull(),
    heldOn: date('held_on').notNull(),
    participants: text('participants').array().notNull(),
    findings: text('findings').notNull(),
    followUpActions: jsonb('follow_up_actions').$type<{ action: string; owner: string; dueOn: string | null }[]>().notNull(),
    recordedBy: text('recorded_by').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('sar_exercises_plan_idx').on(t.planId, t.heldOn)],
);

/** When each agency was last reminded of its dashboard by e-mail (at most once a week). */
export const sarReminders = pgTable('sar_reminders', {
  unitId: uuid('unit_id')
    .primaryKey()
    .references(() => units.id),
  remindedAt: ts('reminded_at').notNull(),
});
