import { pgTable, text } from 'drizzle-orm/pg-core';
import { ts } from '../db/columns.ts';

/** Reference-data files already loaded, by content hash, so that a restart changes nothing. */
export const referenceLoads = pgTable('reference_loads', {
  name: text('name').primaryKey(),
  hash: text('hash').notNull(),
  loadedAt: ts('loaded_at').notNull(),
});
