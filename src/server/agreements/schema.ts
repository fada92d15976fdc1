import { date, index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import type { LocalizedText } from '../db/columns.ts';
import { parties, units } from '../directory/schema.ts';

export const plenaries = pgTable('plenaries', {
  code: text('code').primaryKey(),
  number: integer('number').notNull(),
  name: jsonb('name').$type<LocalizedText>().notNull(),
  heldOn: date('held_on').notNull(),
  place: jsonb('place').$type<LocalizedText>(),
});

export const agreements = pgTable('agreements', {
  code: text('code').primaryKey(),
  plenaryCode: text('plenary_code').references(() => plenaries.code),
  title: jsonb('title').$type<LocalizedText>().notNull(),
  shortTitle: jsonb('short_title').$type<LocalizedText>().notNull(),
  signedOn: date('signed_on').notNull(),
  signedAt: jsonb('signed_at').$type<LocalizedText | null>(),
  entryIntoForce: jsonb('entry_into_force').$type<{ rule: string; date: string | null; text: LocalizedText }>().notNull(),
  validity: jsonb('validity').$type<{ from: string | null; until: string | null; text: LocalizedText } | null>(),
  copies: jsonb('copies').$type<{ count: number; text: LocalizedText }>().notNull(),
  /** Which script's text was signed as authoritative. */
  authoritativeScript: text('authoritative_script').notNull(),
  /** The text exactly as signed (Traditional) and its Simplified counterpart. */
  fullTextHant: text('full_text_hant').notNull(),
  fullTextHans: text('full_text_hans').notNull(),
  preamble: jsonb('preamble').$type<{ 'zh-Hant': string; 'zh-Hans': string }>().notNull(),
  closing: jsonb('closing').$type<{ 'zh-Hant': string; 'zh-Hans': string }>().notNull(),
  signatories: jsonb('signatories')
    .$type<{ unitCode: string | null; name: LocalizedText; representative: LocalizedText | null; signedOn: string | null }[]>()
    .notNull(),
});

export const agreementParties = pgTable(
  'agreement_parties',
  {
    agreementCode: text('agreement_code')
      .notNull()
      .references(() => agreements.code),
    partyCode: text('party_code')
      .notNull()
      .references(() => parties.code),
  },
  (t) => [primaryKey({ columns: [t.agreementCode, t.partyCode] })],
);

/** The liaison units an agreement designates (and the members of a task force it names). */
export const agreementUnits = pgTable(
  'agreement_units',
  {
    agreementCode: text('agreement_code')
      .notNull()
      .references(() => agreements.code),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    role: text('role').notNull(),
    clauseKey: text('clause_key'),
  },
  (t) => [primaryKey({ columns: [t.agreementCode, t.unitId] }), index('agreement_units_unit_idx').on(t.unitId)],
);

export const clauses = pgTable(
  'clauses',
  {
    agreementCode: text('agreement_code')
      .notNull()
      .references(() => agreements.code),
    key: text('key').notNull(),
    position: integer('position').notNull(),
    level: integer('level').notNull(),
    parentKey: text('parent_key'),
    label: text('label').notNull(),
    headingHant: text('heading_hant'),
    headingHans: text('heading_hans'),
    textHant: text('text_hant').notNull(),
    textHans: text('text_hans').notNull(),
  },
  (t) => [primaryKey({ columns: [t.agreementCode, t.key] })],
);
