import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from '../db/columns.ts';
import { units } from '../directory/schema.ts';

/** A text of a version: where it is read, in which language, and whether it is the official text or a translation. */
export type InstrumentText = { language: 'zh-Hant' | 'zh-Hans' | 'en' | 'pt'; official: boolean; url: string };

/** One version of an instrument: as enacted, or as amended by an amending act. */
export type InstrumentVersion = {
  label: { zh: string; en: string };
  adoptedOn: string | null;
  inForceOn: string | null;
  /** The act that made this version, as the source names it. */
  amendingAct: string | null;
  texts: InstrumentText[];
};

/**
 * What an instrument says of itself: everything a revision proposes and publication makes
 * public. Relations name other instruments by code. Summaries are ours; the texts are the
 * official sources', linked.
 */
export type InstrumentContent = {
  code: string;
  jurisdiction: 'CN' | 'GD' | 'HK' | 'MO';
  subjects: string[];
  type: string;
  number: string | null;
  /** The title as enacted, in its own script (Traditional in Hong Kong and Macao, Simplified on the Mainland). */
  titleZh: string;
  titleEn: string;
  /** Macao's laws are enacted in Chinese and Portuguese. */
  titlePt: string | null;
  enactedOn: string | null;
  inForceOn: string | null;
  repealedOn: string | null;
  status: string;
  summaryZh: string | null;
  summaryEn: string | null;
  officialUrl: string;
  versions: InstrumentVersion[];
  relations: { kind: string; to: string }[];
};

/** The public database's legal instruments (M20, item 21): what is published, and only that. */
export const ipInstruments = pgTable(
  'ip_instruments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    jurisdiction: text('jurisdiction').notNull(),
    subjects: text('subjects').array().notNull(),
    type: text('type').notNull(),
    number: text('number'),
    titleZh: text('title_zh').notNull(),
    titleEn: text('title_en').notNull(),
    titlePt: text('title_pt'),
    enactedOn: date('enacted_on'),
    inForceOn: date('in_force_on'),
    repealedOn: date('repealed_on'),
    status: text('status').notNull(),
    summaryZh: text('summary_zh'),
    summaryEn: text('summary_en'),
    officialUrl: text('official_url').notNull(),
    versions: jsonb('versions').$type<InstrumentVersion[]>().notNull(),
    publishedAt: ts('published_at').notNull(),
    /** Who published the current content: an approver who did not write it, or 'system' for the reference data. */
    publishedBy: text('published_by').notNull(),
  },
  (t) => [
    uniqueIndex('ip_instruments_code_key').on(t.code),
    index('ip_instruments_jurisdiction_idx').on(t.jurisdiction),
    index('ip_instruments_subjects_idx').using('gin', t.subjects),
    // The public listing's order: a page far down is read along it, not sorted from every row (bench/ip.md).
    index('ip_instruments_listing_idx').on(t.jurisdiction, t.titleEn, t.id),
  ],
);

/** Amends / repeals / implements between published instruments; "amended by" is read the other way. */
export const ipInstrumentRelations = pgTable(
  'ip_instrument_relations',
  {
    fromId: uuid('from_id')
      .notNull()
      .references(() => ipInstruments.id),
    toId: uuid('to_id')
      .notNull()
      .references(() => ipInstruments.id),
    kind: text('kind').notNull(),
  },
  (t) => [primaryKey({ columns: [t.fromId, t.toId, t.kind] }), index('ip_instrument_relations_to_idx').on(t.toId)],
);

/**
 * A proposed change of the database: a new instrument or a new content for one. Drafted and
 * edited by officers of an IP unit of the jurisdiction's party, submitted, and published by an
 * approver of that party's IP units who wrote none of it (four eyes); until then the public sees
 * the instrument as it was.
 */
export const ipRevisions = pgTable(
  'ip_revisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    instrumentId: uuid('instrument_id').references(() => ipInstruments.id),
    jurisdiction: text('jurisdiction').notNull(),
    content: jsonb('content').$type<InstrumentContent>().notNull(),
    /** An entry for the latest updates, published with the revision. */
    update: jsonb('update').$type<{ on: string; titleZh: string; titleEn: string; summaryZh: string | null; summaryEn: string | null } | null>(),
    status: text('status').notNull(),
    authorId: uuid('author_id').notNull(),
    author: text('author').notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    /** Everyone who wrote any of it: none of them publishes it. */
    editorIds: uuid('editor_ids').array().notNull(),
    submittedAt: ts('submitted_at'),
    reviewerId: uuid('reviewer_id'),
    reviewer: text('reviewer'),
    reviewedAt: ts('reviewed_at'),
    reviewComment: text('review_comment'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('ip_revisions_jurisdiction_idx').on(t.jurisdiction, t.status, t.updatedAt)],
);

/** The latest updates (item 21: 及時提供三地…政策法規的最新動態): dated, public once published. */
export const ipUpdates = pgTable(
  'ip_updates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Reference data's updates are known by a code, so a reload does not repeat them. */
    code: text('code'),
    instrumentId: uuid('instrument_id').references(() => ipInstruments.id),
    revisionId: uuid('revision_id').references(() => ipRevisions.id),
    jurisdiction: text('jurisdiction').notNull(),
    on: date('dated').notNull(),
    titleZh: text('title_zh').notNull(),
    titleEn: text('title_en').notNull(),
    summaryZh: text('summary_zh'),
    summaryEn: text('summary_en'),
    sourceUrl: text('source_url'),
    publishedAt: ts('published_at').notNull(),
  },
  (t) => [uniqueIndex('ip_updates_code_key').on(t.code), index('ip_updates_newest_idx').on(t.on.desc(), t.publishedAt.desc())],
);

/** IP administration and enforcement authorities of the three places, with their contacts (item 21). */
export const ipAuthorities = pgTable(
  'ip_authorities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    jurisdiction: text('jurisdiction').notNull(),
    roles: text('roles').array().notNull(),
    subjects: text('subjects').array().notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    namePt: text('name_pt'),
    address: text('address'),
    phone: text('phone'),
    email: text('email'),
    website: text('website').notNull(),
    sourceUrl: text('source_url').notNull(),
    position: integer('position').notNull().default(0),
    updatedBy: text('updated_by').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [uniqueIndex('ip_authorities_code_key').on(t.code)],
);

/**
 * A lead on cross-border infringement (M21, items 2–4), from one enforcement unit to one of the
 * other side. Confidential: only the sending and the addressed unit see it.
 */
export const ipLeads = pgTable(
  'ip_leads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reference: text('reference').notNull(),
    fromUnitId: uuid('from_unit_id')
      .notNull()
      .references(() => units.id),
    toUnitId: uuid('to_unit_id')
      .notNull()
      .references(() => units.id),
    channel: text('channel').notNull(),
    goods: text('goods').notNull(),
    brands: text('brands').array().notNull().default(sql`'{}'::text[]`),
    quantity: text('quantity'),
    route: text('route'),
    summary: text('summary').notNull(),
    riskLevel: text('risk_level').notNull(),
    riskAssessment: text('risk_assessment'),
    handlingCode: text('handling_code').notNull(),
    status: text('status').notNull(),
    outcome: text('outcome'),
    feedback: text('feedback'),
    isSample: boolean('is_sample').notNull().default(false),
    sentBy: text('sent_by').notNull(),
    sentAt: ts('sent_at').notNull(),
    acknowledgedBy: text('acknowledged_by'),
    acknowledgedAt: ts('acknowledged_at'),
    answeredBy: text('answered_by'),
    answeredAt: ts('answered_at'),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [uniqueIndex('ip_leads_reference_key').on(t.reference), index('ip_leads_from_idx').on(t.fromUnitId, t.sentAt), index('ip_leads_to_idx').on(t.toUnitId, t.sentAt)],
);

/** A lead's history: every step, by whom and from which unit. */
export const ipLeadEvents = pgTable(
  'ip_lead_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    leadId: uuid('lead_id')
      .notNull()
      .references(() => ipLeads.id),
    kind: text('kind').notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    actorId: uuid('actor_id'),
    actor: text('actor').notNull(),
    comment: text('comment'),
    at: ts('at').notNull(),
  },
  (t) => [index('ip_lead_events_lead_idx').on(t.leadId, t.at)],
);

/**
 * A lead passed on by its addressee to another enforcement unit of its own side, as its handling
 * code allows (items 2–4): that unit then reads the lead (not its parties' personal data).
 */
export const ipLeadPasses = pgTable(
  'ip_lead_passes',
  {
    leadId: uuid('lead_id')
      .notNull()
      .references(() => ipLeads.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    passedBy: text('passed_by').notNull(),
    at: ts('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.leadId, t.unitId] }), index('ip_lead_passes_unit_idx').on(t.unitId)],
);

/**
 * The personal data of a lead's parties (nCEN beside CEN): kept apart from the anonymised lead and
 * shown only to those cleared for it (policy.ts), every view recorded in the audit trail.
 */
export const ipLeadParties = pgTable(
  'ip_lead_parties',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    leadId: uuid('lead_id')
      .notNull()
      .references(() => ipLeads.id),
    position: integer('position').notNull(),
    role: text('role').notNull(),
    name: text('name').notNull(),
    idNumber: text('id_number'),
    address: text('address'),
    company: text('company'),
  },
  (t) => [index('ip_lead_parties_lead_idx').on(t.leadId, t.position)],
);

/** A joint enforcement operation (CENcomm's closed user group): named member units of both sides, a time window, leads attached. */
export const ipOperations = pgTable('ip_operations', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  description: text('description'),
  startsOn: date('starts_on').notNull(),
  endsOn: date('ends_on').notNull(),
  createdByUnitId: uuid('created_by_unit_id')
    .notNull()
    .references(() => units.id),
  createdBy: text('created_by').notNull(),
  createdAt: ts('created_at').notNull(),
});

export const ipOperationMembers = pgTable(
  'ip_operation_members',
  {
    operationId: uuid('operation_id')
      .notNull()
      .references(() => ipOperations.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
  },
  (t) => [primaryKey({ columns: [t.operationId, t.unitId] }), index('ip_operation_members_unit_idx').on(t.unitId)],
);

export const ipOperationLeads = pgTable(
  'ip_operation_leads',
  {
    operationId: uuid('operation_id')
      .notNull()
      .references(() => ipOperations.id),
    leadId: uuid('lead_id')
      .notNull()
      .references(() => ipLeads.id),
    attachedByUnitId: uuid('attached_by_unit_id')
      .notNull()
      .references(() => units.id),
    attachedBy: text('attached_by').notNull(),
    at: ts('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.operationId, t.leadId] })],
);
