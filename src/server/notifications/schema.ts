import { sql } from 'drizzle-orm';
import { bigserial, boolean, index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { bytea, ts } from '../db/columns.ts';
import { users } from '../accounts/schema.ts';
import { agreements } from '../agreements/schema.ts';
import { units } from '../directory/schema.ts';

/** Text fields of a notification or follow-up in one script. */
export type NotificationText = { title: string; scope: string; measures: string; attention: string };

/**
 * A food-safety notification (通報) from one liaison unit to its counterpart (clause 1 of
 * the food-safety agreement). Its text is kept in both scripts; `authoritativeScript` says
 * which one the author wrote.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Given when sent, e.g. HK-FS-2026-0042. */
    reference: text('reference').unique(),
    agreementCode: text('agreement_code')
      .notNull()
      .references(() => agreements.code),
    senderUnitId: uuid('sender_unit_id')
      .notNull()
      .references(() => units.id),
    recipientUnitId: uuid('recipient_unit_id')
      .notNull()
      .references(() => units.id),
    status: text('status').notNull(),
    category: text('category').notNull(),
    classification: text('classification').notNull(),
    riskDecision: text('risk_decision').notNull(),
    basis: text('basis').notNull(),
    authoritativeScript: text('authoritative_script').notNull(),
    textHant: jsonb('text_hant').$type<NotificationText>().notNull(),
    textHans: jsonb('text_hans').$type<NotificationText>().notNull(),
    summaryEn: text('summary_en'),
    products: jsonb('products').$type<Record<string, string | null>[]>().notNull(),
    hazards: jsonb('hazards').$type<Record<string, string | null>[]>().notNull(),
    distribution: jsonb('distribution').$type<Record<string, string | null>[]>().notNull(),
    relatedIds: uuid('related_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /** Imported or exported food (incl. food supplied to Hong Kong): the customs channel (clause 1 ¶4). */
    customsChannel: boolean('customs_channel').notNull().default(false),
    /** The customs units inside Liaison it was routed to (customs_routings): they read it and follow it up. */
    customsUnitIds: uuid('customs_unit_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /** Who wrote it; null on a copy received from another node (its author is an officer there). */
    authorId: uuid('author_id').references(() => users.id),
    approverId: uuid('approver_id').references(() => users.id),
    /** Everyone who wrote its content before it was sent (the author, and colleagues who edited or attached): none of them may approve it. */
    editorIds: uuid('editor_ids').array().notNull().default(sql`'{}'::uuid[]`),
    returnComment: text('return_comment'),
    withdrawReason: text('withdraw_reason'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    submittedAt: ts('submitted_at'),
    sentAt: ts('sent_at'),
    receivedAt: ts('received_at'),
    acknowledgedAt: ts('acknowledged_at'),
    closedAt: ts('closed_at'),
    withdrawnAt: ts('withdrawn_at'),
    /** When the counterpart must acknowledge by (from the classification's deadline). */
    ackDueAt: ts('ack_due_at'),
  },
  (t) => [
    index('notifications_recipient_idx').on(t.recipientUnitId, t.sentAt),
    index('notifications_sender_idx').on(t.senderUnitId, t.createdAt),
  ],
);

/** Everything that happened to a notification, shown as its timeline. */
export const notificationEvents = pgTable(
  'notification_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    notificationId: uuid('notification_id')
      .notNull()
      .references(() => notifications.id),
    at: ts('at').notNull(),
    kind: text('kind').notNull(),
    actorId: uuid('actor_id'),
    actor: text('actor').notNull(),
    unitId: uuid('unit_id'),
    comment: text('comment'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [index('notification_events_notification_idx').on(t.notificationId, t.id)],
);

export const followUps = pgTable(
  'follow_ups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    notificationId: uuid('notification_id')
      .notNull()
      .references(() => notifications.id),
    fromUnitId: uuid('from_unit_id')
      .notNull()
      .references(() => units.id),
    kind: text('kind').notNull(),
    authoritativeScript: text('authoritative_script').notNull(),
    textHant: text('text_hant').notNull(),
    textHans: text('text_hans').notNull(),
    newClassification: text('new_classification'),
    /** A request for information must be answered by then. */
    answerDueAt: ts('answer_due_at'),
    answersId: uuid('answers_id'),
    answeredAt: ts('answered_at'),
    createdBy: text('created_by').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('follow_ups_notification_idx').on(t.notificationId, t.createdAt)],
);

/** Departments a receiving unit informed, when and how (clause 1: onward dissemination). */
export const disseminations = pgTable('disseminations', {
  id: uuid('id').primaryKey().defaultRandom(),
  notificationId: uuid('notification_id')
    .notNull()
    .references(() => notifications.id),
  unitId: uuid('unit_id')
    .notNull()
    .references(() => units.id),
  department: text('department').notNull(),
  informedAt: ts('informed_at').notNull(),
  means: text('means').notNull(),
  note: text('note'),
  recordedBy: text('recorded_by').notNull(),
});

export const distributionLists = pgTable('distribution_lists', {
  id: uuid('id').primaryKey().defaultRandom(),
  unitId: uuid('unit_id')
    .notNull()
    .references(() => units.id),
  name: text('name').notNull(),
  departments: text('departments').array().notNull(),
  createdAt: ts('created_at').notNull(),
});

export const attachments = pgTable('attachments', {
  id: uuid('id').primaryKey().defaultRandom(),
  notificationId: uuid('notification_id')
    .notNull()
    .references(() => notifications.id),
  filename: text('filename').notNull(),
  contentType: text('content_type').notNull(),
  size: integer('size').notNull(),
  sha256: text('sha256').notNull(),
  content: bytea('content').notNull(),
  uploadedBy: text('uploaded_by').notNull(),
  uploadedAt: ts('uploaded_at').notNull(),
});

/** A technical question referred to experts, their advice attached to the case (clause 7). */
export const expertConsultations = pgTable('expert_consultations', {
  id: uuid('id').primaryKey().defaultRandom(),
  notificationId: uuid('notification_id')
    .notNull()
    .references(() => notifications.id),
  /** The unit that referred the question: it records the advice. */
  unitId: uuid('unit_id')
    .notNull()
    .references(() => units.id),
  /** Referred after the notification was sent, so shared with the other side; before, the sending unit's own review. */
  shared: boolean('shared').notNull(),
  question: text('question').notNull(),
  experts: jsonb('experts').$type<{ name: string; affiliation: string | null }[]>().notNull(),
  advice: text('advice'),
  adviceAt: ts('advice_at'),
  requestedBy: text('requested_by').notNull(),
  requestedAt: ts('requested_at').notNull(),
});

/**
 * Each routing of a customs-channel notification (clause 1 ¶4: information on imported or
 * exported food goes between the relevant departments through the existing channels): to a
 * customs unit inside Liaison, which then reads the notification, follows it up and
 * acknowledges its routing, or handed off to a department outside Liaison, named. Every routing
 * is kept.
 */
export const customsRoutings = pgTable(
  'customs_routings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    notificationId: uuid('notification_id')
      .notNull()
      .references(() => notifications.id),
    /** The unit (sender or recipient) that routed it. */
    routedByUnitId: uuid('routed_by_unit_id')
      .notNull()
      .references(() => units.id),
    routedBy: text('routed_by').notNull(),
    /** A customs unit inside Liaison, or null for a hand-off to a department outside it. */
    customsUnitId: uuid('customs_unit_id').references(() => units.id),
    /** The department outside Liaison it was handed to (null when routed to a unit inside). */
    routedTo: text('routed_to'),
    routedAt: ts('routed_at').notNull(),
    recordedAt: ts('recorded_at').notNull(),
    acknowledgedAt: ts('acknowledged_at'),
    acknowledgedBy: text('acknowledged_by'),
  },
  (t) => [index('customs_routings_notification_idx').on(t.notificationId, t.routedAt)],
);

/** What each user has read, for unread counts. */
export const readMarks = pgTable(
  'read_marks',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    notificationId: uuid('notification_id')
      .notNull()
      .references(() => notifications.id),
    readAt: ts('read_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.notificationId] })],
);
