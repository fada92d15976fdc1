import { date, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from '../db/columns.ts';
import { agreements } from '../agreements/schema.ts';
import { units } from '../directory/schema.ts';

/** Meetings of any agreement (clause 6 of the food-safety agreement; special work meetings of e-commerce). */
export const meetings = pgTable('meetings', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: text('kind').notNull(),
  agreementCode: text('agreement_code').references(() => agreements.code),
  title: text('title').notNull(),
  convenedByUnitId: uuid('convened_by_unit_id')
    .notNull()
    .references(() => units.id),
  /** Units taking part: who may see the meeting. */
  unitIds: uuid('unit_ids').array().notNull(),
  scheduledAt: ts('scheduled_at').notNull(),
  location: text('location'),
  agenda: jsonb('agenda').$type<string[]>().notNull(),
  participants: jsonb('participants').$type<{ unitId: string; name: string; role: string | null }[]>().notNull(),
  minutes: text('minutes'),
  decisions: jsonb('decisions').$type<string[]>().notNull(),
  triggerKind: text('trigger_kind'),
  triggerId: uuid('trigger_id'),
  createdBy: text('created_by').notNull(),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

export const actionItems = pgTable('action_items', {
  id: uuid('id').primaryKey().defaultRandom(),
  meetingId: uuid('meeting_id')
    .notNull()
    .references(() => meetings.id),
  description: text('description').notNull(),
  ownerUnitId: uuid('owner_unit_id')
    .notNull()
    .references(() => units.id),
  ownerName: text('owner_name'),
  dueOn: date('due_on').notNull(),
  status: text('status').notNull(),
  doneAt: ts('done_at'),
});
