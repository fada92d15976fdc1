import { boolean, jsonb, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import type { LocalizedText } from '../db/columns.ts';
import { agreements } from '../agreements/schema.ts';
import { units } from './schema.ts';

/**
 * Whom to call at a liaison unit for an agreement it is designated under (M1): the duty liaison
 * officer's post, name and line. `sample` marks made-up data (shown as such wherever it appears).
 */
export const unitDutyContacts = pgTable(
  'unit_duty_contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    agreementCode: text('agreement_code').references(() => agreements.code),
    /** The clause that asks for the post (e.g. 8 of the food-safety agreement: 雙方指定聯絡員). */
    clauseKey: text('clause_key'),
    post: jsonb('post').$type<LocalizedText>().notNull(),
    name: jsonb('name').$type<LocalizedText>().notNull(),
    phone: text('phone').notNull(),
    sample: boolean('sample').notNull(),
  },
  (t) => [unique('unit_duty_contacts_post').on(t.unitId, t.agreementCode)],
);
