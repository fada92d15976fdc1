import { date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import type { LocalizedText } from '../db/columns.ts';
import { ts } from '../db/columns.ts';
import { agreements, plenaries } from '../agreements/schema.ts';
import { units } from '../directory/schema.ts';

/** The co-operation areas under which the Joint Conference reports (the paper's ¶3–15). */
export const cooperationAreas = pgTable('cooperation_areas', {
  code: text('code').primaryKey(),
  position: integer('position').notNull(),
  paragraphs: integer('paragraphs').array().notNull(),
  name: jsonb('name').$type<LocalizedText>().notNull(),
});

/** Something a party undertook, with the basis it was undertaken under. */
export const commitments = pgTable('commitments', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  areaCode: text('area_code')
    .notNull()
    .references(() => cooperationAreas.code),
  /** Paragraph of the Joint Conference paper that records it, when it came from one. */
  paragraph: integer('paragraph'),
  agreementCode: text('agreement_code').references(() => agreements.code),
  clauseKey: text('clause_key'),
  partyCodes: text('party_codes').array().notNull(),
  ownerUnitId: uuid('owner_unit_id').references(() => units.id),
  ownerBody: jsonb('owner_body').$type<LocalizedText | null>(),
  title: jsonb('title').$type<LocalizedText>().notNull(),
  description: jsonb('description').$type<LocalizedText>().notNull(),
  dueBy: date('due_by'),
  /** A school year such as 2017/18, when the commitment is timed by one. */
  duePeriod: text('due_period'),
  status: text('status').notNull(),
  statusReason: jsonb('status_reason').$type<LocalizedText | null>(),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

/** Each change of a commitment's status, with its reason: the commitment's timeline. */
export const commitmentStatusChanges = pgTable('commitment_status_changes', {
  id: uuid('id').primaryKey().defaultRandom(),
  commitmentId: uuid('commitment_id')
    .notNull()
    .references(() => commitments.id),
  fromStatus: text('from_status'),
  toStatus: text('to_status').notNull(),
  reason: text('reason').notNull(),
  changedBy: text('changed_by').notNull(),
  changedAt: ts('changed_at').notNull(),
});

export const indicators = pgTable('indicators', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  commitmentId: uuid('commitment_id')
    .notNull()
    .references(() => commitments.id),
  position: integer('position').notNull(),
  name: jsonb('name').$type<LocalizedText>().notNull(),
  unit: text('unit').notNull(),
  baselineValue: doublePrecision('baseline_value'),
  baselinePeriod: text('baseline_period'),
  baselineDate: date('baseline_date'),
  /** Set when Liaison measures the figure from its own records (see progress/derived.ts). */
  derivation: text('derivation'),
});

export const indicatorTargets = pgTable('indicator_targets', {
  id: uuid('id').primaryKey().defaultRandom(),
  indicatorId: uuid('indicator_id')
    .notNull()
    .references(() => indicators.id),
  comparator: text('comparator').notNull(),
  value: doublePrecision('value').notNull(),
  /** level: the figure itself must reach the value; increase: counted from the baseline. */
  measure: text('measure').notNull(),
  period: text('period'),
  date: date('date'),
  text: jsonb('text').$type<LocalizedText>().notNull(),
});

export const measurements = pgTable(
  'measurements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => indicators.id),
    value: doublePrecision('value').notNull(),
    period: text('period'),
    date: date('date'),
    /** The day the figure is true at: the date, or the end of the period. */
    asOf: date('as_of').notNull(),
    /** How the source words it: exactly, over ("over 530"), about ("some 80"). */
    qualifier: text('qualifier').notNull(),
    source: jsonb('source').$type<{ paragraph?: number | null; quote?: string | null; document?: string | null; record?: string | null }>().notNull(),
    enteredBy: text('entered_by').notNull(),
    enteredAt: ts('entered_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('measurements_indicator_idx').on(t.indicatorId, t.asOf)],
);

export const plenaryDecisions = pgTable(
  'plenary_decisions',
  {
    plenaryCode: text('plenary_code')
      .notNull()
      .references(() => plenaries.code),
    commitmentId: uuid('commitment_id')
      .notNull()
      .references(() => commitments.id),
    text: jsonb('text').$type<LocalizedText>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.plenaryCode, t.commitmentId] })],
);

/**
 * A progress report: a draft whose narrative officers edit and whose figures are read live
 * from the measurements, until it is issued; then `snapshot` freezes it and its hash goes
 * into the audit trail.
 */
export const progressReports = pgTable('progress_reports', {
  id: uuid('id').primaryKey().defaultRandom(),
  title: jsonb('title').$type<LocalizedText>().notNull(),
  asOf: date('as_of').notNull(),
  areaCodes: text('area_codes').array().notNull(),
  unitId: uuid('unit_id').references(() => units.id),
  narrative: jsonb('narrative').$type<Record<string, Record<string, { achieved: string; next: string }>>>().notNull(),
  /** Figure values when the narrative was drafted, to flag figures changed since. */
  draftedFigures: jsonb('drafted_figures').$type<Record<string, { measurementId: string; value: number }>>().notNull(),
  status: text('status').notNull(),
  createdBy: text('created_by').notNull(),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
  issuedAt: ts('issued_at'),
  issuedBy: text('issued_by'),
  snapshot: jsonb('snapshot').$type<Record<string, unknown> | null>(),
  snapshotHash: text('snapshot_hash'),
});
