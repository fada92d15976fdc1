import { relations, sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** Text in the three languages of the UI; Chinese kept in both scripts. */
export type LocalizedText = { 'zh-Hant': string; 'zh-Hans': string; en: string };

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
/** A transaction id with its epoch (PostgreSQL's xid8): never wraps around, compares in order. */
const xid8 = customType<{ data: string }>({ dataType: () => 'xid8' });
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

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

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    title: text('title'),
    email: text('email'),
    phone: text('phone'),
    unitId: uuid('unit_id').references(() => units.id),
    roles: text('roles').array().notNull().default(sql`'{}'::text[]`),
    isPlatformAdmin: boolean('is_platform_admin').notNull().default(false),
    /** The user's chosen UI language; null means "follow the browser". */
    locale: text('locale'),
    passwordHash: text('password_hash').notNull(),
    /** Set when an administrator chose the password: its holder must choose their own before anything else. */
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    active: boolean('active').notNull().default(true),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    lastLoginAt: ts('last_login_at'),
  },
  (t) => [uniqueIndex('users_username_key').on(sql`lower(${t.username})`), index('users_unit_idx').on(t.unitId)],
);

export const sessions = pgTable('sessions', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** SHA-256 of the cookie's token: a stolen table does not give working sessions. */
  tokenHash: text('token_hash').notNull().unique(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id),
  createdAt: ts('created_at').notNull(),
  lastSeenAt: ts('last_seen_at').notNull(),
  expiresAt: ts('expires_at').notNull(),
  ip: text('ip'),
  userAgent: text('user_agent'),
});

export const apiTokens = pgTable('api_tokens', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id),
  name: text('name').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: ts('created_at').notNull(),
  lastUsedAt: ts('last_used_at'),
  expiresAt: ts('expires_at'),
  revokedAt: ts('revoked_at'),
});

/** Failed log-ins per user name and per address, for slowing down guessing. */
export const loginThrottle = pgTable('login_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  lastFailureAt: ts('last_failure_at').notNull(),
});

export const accessDenials = pgTable('access_denials', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  at: ts('at').notNull(),
  userId: uuid('user_id'),
  method: text('method').notNull(),
  path: text('path').notNull(),
  status: integer('status').notNull(),
  code: text('code').notNull(),
  reason: text('reason'),
  ip: text('ip'),
});

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

/**
 * Append-only record of every change, written in the transaction that makes the change. The
 * database refuses UPDATE and DELETE on it (trigger in the migrations). Entries are chained by
 * hash in `audit_chain` once their transaction has committed (audit/seal.ts).
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: ts('at').notNull(),
    actorId: uuid('actor_id'),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    unitId: uuid('unit_id'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    /** The transaction that wrote the entry: the chain seals entries in this order. */
    xid: xid8('xid').notNull().default(sql`pg_current_xact_id()`),
  },
  (t) => [
    index('audit_log_xid_idx').on(t.xid, t.id),
    // A unit administrator's view of the trail, and one record's history, newest first.
    index('audit_log_unit_idx').on(t.unitId, t.id),
    index('audit_log_entity_idx').on(t.entityType, t.entityId, t.id),
    // Officers know a record by its reference number (HK-FS-2026-0042), not its id.
    index('audit_log_reference_idx').on(sql`(${t.data} ->> 'reference')`, t.id),
  ],
);

/**
 * The hash chain over the audit trail, in the order entries were sealed: each link's hash is
 * SHA-256 over the previous link's hash and its entry's canonical JSON (audit/chain.ts).
 * Append-only like the trail; `liaison audit verify` recomputes it.
 */
export const auditChain = pgTable('audit_chain', {
  position: bigint('position', { mode: 'number' }).primaryKey(),
  entryId: bigint('entry_id', { mode: 'number' })
    .notNull()
    .unique()
    .references(() => auditLog.id),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
});

/** Reference-data files already loaded, by content hash, so that a restart changes nothing. */
export const referenceLoads = pgTable('reference_loads', {
  name: text('name').primaryKey(),
  hash: text('hash').notNull(),
  loadedAt: ts('loaded_at').notNull(),
});

/**
 * One row per searchable thing. `tokens` holds normalised CJK bigrams and Latin words
 * (see search/normalise.ts); who may see a row is decided by `visibility` and `unit_ids`.
 */
export const searchDocuments = pgTable(
  'search_documents',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kind: text('kind').notNull(),
    refId: text('ref_id').notNull(),
    title: jsonb('title').$type<LocalizedText>().notNull(),
    body: text('body').notNull(),
    url: text('url').notNull(),
    /** 'public' (anyone), 'signed_in' (any account), or 'units' (only unit_ids). */
    visibility: text('visibility').notNull(),
    unitIds: uuid('unit_ids').array().notNull().default(sql`'{}'::uuid[]`),
    partyCodes: text('party_codes').array().notNull().default(sql`'{}'::text[]`),
    date: date('date'),
    tokens: tsvector('tokens').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('search_documents_ref_key').on(t.kind, t.refId),
    // Without a pending list: with one, the write that fills it (4 MB) merges it into the index
    // and waits the whole time, and every search reads it from end to end until then.
    index('search_documents_tokens_idx').using('gin', t.tokens).with({ fastupdate: false }),
    // Newest first, for a query that matches too many records to rank (search/search.ts).
    index('search_documents_newest_idx').on(t.date.desc().nullsLast(), t.id.desc()),
  ],
);

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

// ── Joint Conference progress (M29–M31) ────────────────────────────────────────────────

/** The co-operation areas under which the Joint Conference reports (the paper's ¶3–15). */
export const cooperationAreas = pgTable('cooperation_areas', {
  code: text('code').primaryKey(),
  position: integer('position').notNull(),
  paragraphs: integer('paragraphs').array().notNull(),
  name: jsonb('name').$type<LocalizedText>().notNull(),
});

/** Something a party undertook, with the basis it was undertaken under. */
export const commitments = pgTable('commitments', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  areaCode: text('area_code')
    .notNull()
    .references(() => cooperationAreas.code),
  /** Paragraph of the Joint Conference paper that records it, when it came from one. */
  paragraph: integer('paragraph'),
  agreementCode: text('agreement_code').references(() => agreements.code),
  clauseKey: text('clause_key'),
  partyCodes: text('party_codes').array().notNull(),
  ownerUnitId: uuid('owner_unit_id').references(() => units.id),
  ownerBody: jsonb('owner_body').$type<LocalizedText | null>(),
  title: jsonb('title').$type<LocalizedText>().notNull(),
  description: jsonb('description').$type<LocalizedText>().notNull(),
  dueBy: date('due_by'),
  /** A school year such as 2017/18, when the commitment is timed by one. */
  duePeriod: text('due_period'),
  status: text('status').notNull(),
  statusReason: jsonb('status_reason').$type<LocalizedText | null>(),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

/** Each change of a commitment's status, with its reason: the commitment's timeline. */
export const commitmentStatusChanges = pgTable('commitment_status_changes', {
  id: uuid('id').primaryKey().defaultRandom(),
  commitmentId: uuid('commitment_id')
    .notNull()
    .references(() => commitments.id),
  fromStatus: text('from_status'),
  toStatus: text('to_status').notNull(),
  reason: text('reason').notNull(),
  changedBy: text('changed_by').notNull(),
  changedAt: ts('changed_at').notNull(),
});

export const indicators = pgTable('indicators', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  commitmentId: uuid('commitment_id')
    .notNull()
    .references(() => commitments.id),
  position: integer('position').notNull(),
  name: jsonb('name').$type<LocalizedText>().notNull(),
  unit: text('unit').notNull(),
  baselineValue: doublePrecision('baseline_value'),
  baselinePeriod: text('baseline_period'),
  baselineDate: date('baseline_date'),
  /** Set when Liaison measures the figure from its own records (see progress/derived.ts). */
  derivation: text('derivation'),
});

export const indicatorTargets = pgTable('indicator_targets', {
  id: uuid('id').primaryKey().defaultRandom(),
  indicatorId: uuid('indicator_id')
    .notNull()
    .references(() => indicators.id),
  comparator: text('comparator').notNull(),
  value: doublePrecision('value').notNull(),
  /** level: the figure itself must reach the value; increase: counted from the baseline. */
  measure: text('measure').notNull(),
  period: text('period'),
  date: date('date'),
  text: jsonb('text').$type<LocalizedText>().notNull(),
});

export const measurements = pgTable(
  'measurements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => indicators.id),
    value: doublePrecision('value').notNull(),
    period: text('period'),
    date: date('date'),
    /** The day the figure is true at: the date, or the end of the period. */
    asOf: date('as_of').notNull(),
    /** How the source words it: exactly, over ("over 530"), about ("some 80"). */
    qualifier: text('qualifier').notNull(),
    source: jsonb('source').$type<{ paragraph?: number | null; quote?: string | null; document?: string | null; record?: string | null }>().notNull(),
    enteredBy: text('entered_by').notNull(),
    enteredAt: ts('entered_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('measurements_indicator_idx').on(t.indicatorId, t.asOf)],
);

export const plenaryDecisions = pgTable(
  'plenary_decisions',
  {
    plenaryCode: text('plenary_code')
      .notNull()
      .references(() => plenaries.code),
    commitmentId: uuid('commitment_id')
      .notNull()
      .references(() => commitments.id),
    text: jsonb('text').$type<LocalizedText>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.plenaryCode, t.commitmentId] })],
);

/**
 * A progress report: a draft whose narrative officers edit and whose figures are read live
 * from the measurements, until it is issued; then `snapshot` freezes it and its hash goes
 * into the audit trail.
 */
export const progressReports = pgTable('progress_reports', {
  id: uuid('id').primaryKey().defaultRandom(),
  title: jsonb('title').$type<LocalizedText>().notNull(),
  asOf: date('as_of').notNull(),
  areaCodes: text('area_codes').array().notNull(),
  unitId: uuid('unit_id').references(() => units.id),
  narrative: jsonb('narrative').$type<Record<string, Record<string, { achieved: string; next: string }>>>().notNull(),
  /** Figure values when the narrative was drafted, to flag figures changed since. */
  draftedFigures: jsonb('drafted_figures').$type<Record<string, { measurementId: string; value: number }>>().notNull(),
  status: text('status').notNull(),
  createdBy: text('created_by').notNull(),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
  issuedAt: ts('issued_at'),
  issuedBy: text('issued_by'),
  snapshot: jsonb('snapshot').$type<Record<string, unknown> | null>(),
  snapshotHash: text('snapshot_hash'),
});

// ── Food-safety notification exchange (M7–M14) ────────────────────────────────────────

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
    customsRoutedTo: text('customs_routed_to'),
    customsRoutedAt: ts('customs_routed_at'),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
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

/** Per unit and year, the last reference number given. */
export const referenceCounters = pgTable(
  'reference_counters',
  {
    prefix: text('prefix').notNull(),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.prefix, t.year] })],
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
  content: customType<{ data: Buffer }>({ dataType: () => 'bytea' })('content').notNull(),
  uploadedBy: text('uploaded_by').notNull(),
  uploadedAt: ts('uploaded_at').notNull(),
});

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

/** A retried POST with the same Idempotency-Key gets the first answer and changes nothing twice. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    userId: uuid('user_id').notNull(),
    key: text('key').notNull(),
    method: text('method').notNull(),
    path: text('path').notNull(),
    /** sha256 of what the request asked and who asked it (unit, roles, body): a retry must match it. */
    fingerprint: text('fingerprint').notNull().default(''),
    status: integer('status').notNull(),
    body: jsonb('body'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] })],
);

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

// ---- Relations: what a notification's page loads with it, in one query (db.query.notifications). ----

export const notificationRelations = relations(notifications, ({ one, many }) => ({
  sender: one(units, { fields: [notifications.senderUnitId], references: [units.id], relationName: 'sender' }),
  recipient: one(units, { fields: [notifications.recipientUnitId], references: [units.id], relationName: 'recipient' }),
  author: one(users, { fields: [notifications.authorId], references: [users.id], relationName: 'author' }),
  approver: one(users, { fields: [notifications.approverId], references: [users.id], relationName: 'approver' }),
  events: many(notificationEvents),
  followUps: many(followUps),
  disseminations: many(disseminations),
  expertConsultations: many(expertConsultations),
  attachments: many(attachments),
  readMarks: many(readMarks),
  meetings: many(meetings),
}));

export const notificationEventRelations = relations(notificationEvents, ({ one }) => ({ notification: one(notifications, { fields: [notificationEvents.notificationId], references: [notifications.id] }) }));
export const followUpRelations = relations(followUps, ({ one }) => ({ notification: one(notifications, { fields: [followUps.notificationId], references: [notifications.id] }) }));
export const disseminationRelations = relations(disseminations, ({ one }) => ({ notification: one(notifications, { fields: [disseminations.notificationId], references: [notifications.id] }) }));
export const expertConsultationRelations = relations(expertConsultations, ({ one }) => ({ notification: one(notifications, { fields: [expertConsultations.notificationId], references: [notifications.id] }) }));
export const attachmentRelations = relations(attachments, ({ one }) => ({ notification: one(notifications, { fields: [attachments.notificationId], references: [notifications.id] }) }));
export const readMarkRelations = relations(readMarks, ({ one }) => ({ notification: one(notifications, { fields: [readMarks.notificationId], references: [notifications.id] }) }));
/** A meeting convened from a notification (trigger kind 'notification'). */
export const meetingRelations = relations(meetings, ({ one }) => ({ notification: one(notifications, { fields: [meetings.triggerId], references: [notifications.id] }) }));
export * from '../schools/schema.ts';
