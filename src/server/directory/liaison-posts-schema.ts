import { index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from '../db/columns.ts';
import { users } from '../accounts/schema.ts';
import { agreements } from '../agreements/schema.ts';
import { units } from './schema.ts';

/**
 * Who holds a liaison post of a unit, and who held it before (M1): the liaison officer
 * (聯絡員) an agreement asks each side to designate, their deputies, and the 24-hour duty
 * officer for urgent matters. A post is never edited away: handing it over ends one holding
 * and starts another, so the history stays.
 */
export const liaisonPosts = pgTable(
  'liaison_posts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    /** The agreement the post serves; null for a post of the unit as a whole (e.g. duty officer). */
    agreementCode: text('agreement_code').references(() => agreements.code),
    post: text('post').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    startedAt: ts('started_at').notNull(),
    endedAt: ts('ended_at'),
    note: text('note'),
  },
  (t) => [index('liaison_posts_unit_idx').on(t.unitId, t.endedAt)],
);
