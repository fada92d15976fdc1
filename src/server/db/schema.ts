import { sql } from 'drizzle-orm';
import {
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
 * Append-only, hash-chained record of every change. The database refuses UPDATE and DELETE
 * on it (trigger in the migrations); `liaison audit verify` recomputes the chain.
 */
export const auditLog = pgTable('audit_log', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  at: ts('at').notNull(),
  actorId: uuid('actor_id'),
  actor: text('actor').notNull(),
  action: text('action').notNull(),
  entityType: text('entity_type').notNull(),
  entityId: text('entity_id').notNull(),
  unitId: uuid('unit_id'),
  data: jsonb('data').$type<Record<string, unknown>>().notNull(),
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
    index('search_documents_tokens_idx').using('gin', t.tokens),
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
