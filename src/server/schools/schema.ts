import { sql } from 'drizzle-orm';
import { bigserial, boolean, date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea, ts } from '../db/columns.ts';
import { users } from '../accounts/schema.ts';
import { parties } from '../directory/schema.ts';

/** What a school says it looks for in a sister school: the authorities match from these (clause 2). */
export type SchoolPreferences = { levels: string[]; sectors: string[]; districts: string[]; themes: string[] };
/** Who took part in an activity, by group and side, with how many (clause 3). */
export type ActivityParticipants = { group: 'teachers' | 'administrators' | 'students' | 'parents'; side: 'HK' | 'GD'; count: number }[];

/**
 * The registry of schools of both sides (M16). A school is known by its official code (the
 * Education Bureau's school number, the Mainland's school code): imports are idempotent on it.
 * Its name is kept in its own script (a Guangdong school's in Simplified) with the English name.
 */
export const schools = pgTable(
  'schools',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    partyCode: text('party_code')
      .notNull()
      .references(() => parties.code),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    level: text('level').notNull(),
    sector: text('sector').notNull(),
    district: text('district').notNull(),
    address: text('address'),
    features: text('features').array().notNull().default(sql`'{}'::text[]`),
    contactName: text('contact_name'),
    contactEmail: text('contact_email'),
    contactPhone: text('contact_phone'),
    preferences: jsonb('preferences').$type<SchoolPreferences>().notNull(),
    /** Made-up demonstration data: shown with a "sample" badge everywhere and never counted in progress figures. */
    isSample: boolean('is_sample').notNull().default(false),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [uniqueIndex('schools_code_key').on(t.code), index('schools_party_idx').on(t.partyCode, t.level, t.district), index('schools_listing_idx').on(t.partyCode, t.nameEn, t.id)],
);

/** A school coordinator: a user who acts for one school only, a scope below the liaison unit. */
export const schoolCoordinators = pgTable(
  'school_coordinators',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    appointedAt: ts('appointed_at').notNull(),
  },
  (t) => [index('school_coordinators_school_idx').on(t.schoolId)],
);

/**
 * A sister-school pair (M17): one Hong Kong and one Guangdong school. It exists (active) only
 * when both schools consented and each side's authority endorsed (clause 1: 雙方自願、雙向交流).
 * A pair is a lasting entity: it goes dormant or ends with a reason, never away.
 */
export const sisterPairs = pgTable(
  'sister_pairs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    hkSchoolId: uuid('hk_school_id')
      .notNull()
      .references(() => schools.id),
    gdSchoolId: uuid('gd_school_id')
      .notNull()
      .references(() => schools.id),
    status: text('status').notNull(),
    /** school: one school's own initiative; authority: a match suggested by an education authority. */
    origin: text('origin').notNull(),
    proposedBy: uuid('proposed_by').notNull(),
    proposedByParty: text('proposed_by_party').notNull(),
    message: text('message'),
    hkConsentBy: uuid('hk_consent_by'),
    hkConsentAt: ts('hk_consent_at'),
    gdConsentBy: uuid('gd_consent_by'),
    gdConsentAt: ts('gd_consent_at'),
    hkEndorsedBy: uuid('hk_endorsed_by'),
    hkEndorsedAt: ts('hk_endorsed_at'),
    gdEndorsedBy: uuid('gd_endorsed_by'),
    gdEndorsedAt: ts('gd_endorsed_at'),
    startedOn: date('started_on'),
    endedOn: date('ended_on'),
    statusReason: text('status_reason'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    // No duplicate pair while one is open or lasting: a declined or ended pair may be formed anew.
    uniqueIndex('sister_pairs_open_key')
      .on(t.hkSchoolId, t.gdSchoolId)
      .where(sql`status in ('proposed', 'consented', 'active', 'dormant')`),
    index('sister_pairs_gd_idx').on(t.gdSchoolId),
    index('sister_pairs_status_idx').on(t.status, t.startedOn),
    index('sister_pairs_changed_idx').on(t.updatedAt.desc(), t.id.desc()),
  ],
);

/** A pair's history: every step, by whom and from which side. */
export const sisterPairEvents = pgTable(
  'sister_pair_events',
  {
    /** In the order the steps were taken (several may share an instant). */
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    pairId: uuid('pair_id')
      .notNull()
      .references(() => sisterPairs.id),
    kind: text('kind').notNull(),
    side: text('side'),
    actorId: uuid('actor_id'),
    actor: text('actor').notNull(),
    comment: text('comment'),
    at: ts('at').notNull(),
  },
  (t) => [index('sister_pair_events_pair_idx').on(t.pairId, t.id)],
);

/** An exchange activity of a pair (M18, clauses 3–4): both schools add and see them. */
export const pairActivities = pgTable(
  'pair_activities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    pairId: uuid('pair_id')
      .notNull()
      .references(() => sisterPairs.id),
    kind: text('kind').notNull(),
    heldOn: date('held_on').notNull(),
    place: text('place'),
    participants: jsonb('participants').$type<ActivityParticipants>().notNull(),
    description: text('description').notNull(),
    evidence: text('evidence').array().notNull().default(sql`'{}'::text[]`),
    schoolId: uuid('school_id').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('pair_activities_pair_idx').on(t.pairId, t.heldOn)],
);

/**
 * Evidence of an activity as files — photos, scanned sign-in sheets, programmes (M18): either
 * school of the pair adds them, both schools and both authorities see them. The content is kept
 * in the row, as notifications keep their attachments; its type was checked by its bytes.
 */
export const activityEvidence = pgTable(
  'activity_evidence',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => pairActivities.id),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    /** The school whose coordinator added it: only that school removes it. */
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    uploadedById: uuid('uploaded_by_id')
      .notNull()
      .references(() => users.id),
    /** The uploader's name as shown then. */
    uploadedBy: text('uploaded_by').notNull(),
    uploadedAt: ts('uploaded_at').notNull(),
  },
  (t) => [index('activity_evidence_activity_idx').on(t.activityId, t.uploadedAt)],
);

/** Teaching materials a pair shares (clause 4: 分享優質教學資料), each with its licence. */
export const sharedMaterials = pgTable(
  'shared_materials',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    pairId: uuid('pair_id')
      .notNull()
      .references(() => sisterPairs.id),
    title: text('title').notNull(),
    description: text('description').notNull(),
    licence: text('licence').notNull(),
    url: text('url'),
    schoolId: uuid('school_id').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('shared_materials_pair_idx').on(t.pairId)],
);

/** A pair's annual plan (≤ 2 pages) or annual report (≤ 4 pages) for one school year (M19). */
export const annualDocuments = pgTable(
  'annual_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    pairId: uuid('pair_id')
      .notNull()
      .references(() => sisterPairs.id),
    schoolYear: text('school_year').notNull(),
    kind: text('kind').notNull(),
    body: text('body').notNull(),
    status: text('status').notNull(),
    dueOn: date('due_on').notNull(),
    submittedAt: ts('submitted_at'),
    reviewedBy: uuid('reviewed_by'),
    reviewedAt: ts('reviewed_at'),
    reviewComment: text('review_comment'),
    remindedAt: ts('reminded_at'),
    updatedBy: text('updated_by').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [uniqueIndex('annual_documents_key').on(t.pairId, t.schoolYear, t.kind), index('annual_documents_due_idx').on(t.status, t.dueOn)],
);

/** The grant per Hong Kong school and school year (HK$120,000 in the 2015/16 pilot, ¶14); configurable. */
export const grantRates = pgTable('grant_rates', {
  schoolYear: text('school_year').primaryKey(),
  amountHkd: integer('amount_hkd').notNull(),
  source: text('source').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

/** What a Hong Kong school reports it spent against its grant. */
export const grantSpending = pgTable(
  'grant_spending',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    schoolYear: text('school_year').notNull(),
    amountHkd: integer('amount_hkd').notNull(),
    item: text('item').notNull(),
    reportedBy: text('reported_by').notNull(),
    reportedAt: ts('reported_at').notNull(),
  },
  (t) => [index('grant_spending_school_idx').on(t.schoolId, t.schoolYear)],
);
