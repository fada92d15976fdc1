import { bigserial, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { ts } from '../db/columns.ts';

/** E-mails waiting to go out through SMTP; written in the transaction that causes them. */
export const mailOutbox = pgTable('mail_outbox', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  to: text('to').notNull(),
  subject: text('subject').notNull(),
  body: text('body').notNull(),
  createdAt: ts('created_at').notNull(),
  sentAt: ts('sent_at'),
  attempts: integer('attempts').notNull().default(0),
  lastError: text('last_error'),
});
