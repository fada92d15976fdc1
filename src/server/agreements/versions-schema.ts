import { date, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import type { LocalizedText } from '../db/columns.ts';
import { agreements, plenaries } from './schema.ts';

/**
 * Amendments of an agreement (M2): each agreement may be changed by mutual consent (e.g. clause 9
 * of the food-safety agreement, 經雙方同意，可以根據需要對本協議作出修改). Version 1 is the text
 * signed, kept in `agreements`; each row here is a later version, whole, as the parties agreed it.
 */
export const agreementVersions = pgTable(
  'agreement_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agreementCode: text('agreement_code')
      .notNull()
      .references(() => agreements.code),
    /** 2, 3, …: version 1 is the text as signed. */
    number: integer('number').notNull(),
    /** The parties that agreed the change (party codes: GD, HK, MO). */
    agreedBy: text('agreed_by').array().notNull(),
    agreedOn: date('agreed_on').notNull(),
    inForceFrom: date('in_force_from').notNull(),
    fullTextHant: text('full_text_hant').notNull(),
    fullTextHans: text('full_text_hans').notNull(),
    /** What the amendment changes, in the recorder's words. */
    note: jsonb('note').$type<LocalizedText | null>(),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [unique('agreement_versions_number').on(t.agreementCode, t.number)],
);

/**
 * A plenary's press release (M31), as far as a source says anything about it: when it was
 * issued, what it was about, and where that is written. Its own text is not kept unless a
 * source gives it.
 */
export const plenaryPressReleases = pgTable('plenary_press_releases', {
  plenaryCode: text('plenary_code')
    .primaryKey()
    .references(() => plenaries.code),
  issuedOn: date('issued_on').notNull(),
  about: jsonb('about').$type<LocalizedText>().notNull(),
  /** Where this is said: the document, its paragraph and the words. */
  source: jsonb('source').$type<{ document: string; paragraph: number; quote: string }>().notNull(),
});
