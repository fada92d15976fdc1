import { boolean, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { LocalizedText } from '../db/columns.ts';
import { ts } from '../db/columns.ts';

export const parties = pgTable('parties', {
  code: text('code').primaryKey(),
  kind: text('kind').notNull(),
  parentCode: text('parent_code'),
  name: jsonb('name').$type<LocalizedText>().notNull(),
});

export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    partyCode: text('party_code')
      .notNull()
      .references(() => parties.code),
    parentId: uuid('parent_id'),
    kind: text('kind').notNull(),
    name: jsonb('name').$type<LocalizedText>().notNull(),
    abbreviation: text('abbreviation'),
    email: text('email'),
    phone: text('phone'),
    /** The 24-hour duty line for urgent matters (RASFF Art. 14 keeps one per contact point). */
    dutyPhone: text('duty_phone'),
    address: text('address'),
    active: boolean('active').notNull().default(true),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('units_code_key').on(t.code)],
);
