import { jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from '../db/columns.ts';
import { units } from '../directory/schema.ts';
import { notifications } from '../notifications/schema.ts';

/**
 * Verify before publishing (clause 4) and media-report checks (clause 5): one side asks the
 * other to confirm facts by a deadline and records the answer.
 */
export const verificationRequests = pgTable('verification_requests', {
  id: uuid('id').primaryKey().defaultRandom(),
  reference: text('reference').notNull().unique(),
  kind: text('kind').notNull(),
  fromUnitId: uuid('from_unit_id')
    .notNull()
    .references(() => units.id),
  toUnitId: uuid('to_unit_id')
    .notNull()
    .references(() => units.id),
  authoritativeScript: text('authoritative_script').notNull(),
  subjectHant: text('subject_hant').notNull(),
  subjectHans: text('subject_hans').notNull(),
  questionHant: text('question_hant').notNull(),
  questionHans: text('question_hans').notNull(),
  enterprise: text('enterprise'),
  /** For a media report: where it appeared. */
  media: jsonb('media').$type<{ outlet: string; publishedOn: string; link: string | null; claim: string } | null>(),
  plannedReleaseAt: ts('planned_release_at'),
  deadlineAt: ts('deadline_at').notNull(),
  status: text('status').notNull(),
  outcome: text('outcome'),
  answerHant: text('answer_hant'),
  answerHans: text('answer_hans'),
  answeredAt: ts('answered_at'),
  answeredBy: text('answered_by'),
  notificationId: uuid('notification_id').references(() => notifications.id),
  createdBy: text('created_by').notNull(),
  createdAt: ts('created_at').notNull(),
});
