/**
 * The shapes the API answers with, taken from the server's own schemas (type-only imports:
 * nothing of the server reaches the bundle), so that a changed endpoint fails the type check here.
 */
import type { z } from 'zod';
import type {
  apiTokenSchema,
  createdTokenSchema,
  createUserBody,
  meSchema,
  roleSchema,
  updateUserBody,
  userSchema,
} from '../server/accounts/schemas.ts';
import type { agreementSchema, agreementSummarySchema, clauseChangeSchema, clauseSchema, versionSchema } from '../server/agreements/schemas.ts';
import type { createUnitBody, directorySchema, partySchema, unitDetailSchema, unitSchema, updateUnitBody } from '../server/directory/schemas.ts';

export type Locale = 'zh-Hant' | 'zh-Hans' | 'en';
export type LocalizedText = { 'zh-Hant': string; 'zh-Hans': string; en: string };
export type BothScripts = { 'zh-Hant': string; 'zh-Hans': string };

export type Role = z.infer<typeof roleSchema>;
export type User = z.infer<typeof userSchema>;
export type Me = z.infer<typeof meSchema>;
export type ApiToken = z.infer<typeof apiTokenSchema>;
export type CreatedToken = z.infer<typeof createdTokenSchema>;
export type CreateUserInput = z.input<typeof createUserBody>;
export type UpdateUserInput = z.input<typeof updateUserBody>;

export type Party = z.infer<typeof partySchema>;
export type Unit = z.infer<typeof unitSchema>;
export type UnitDetail = z.infer<typeof unitDetailSchema>;
export type Directory = z.infer<typeof directorySchema>;
export type CreateUnitInput = z.input<typeof createUnitBody>;
export type UpdateUnitInput = z.input<typeof updateUnitBody>;

export type AgreementSummary = z.infer<typeof agreementSummarySchema>;
export type Agreement = z.infer<typeof agreementSchema>;
export type AgreementVersion = z.infer<typeof versionSchema>;
export type ClauseChange = z.infer<typeof clauseChangeSchema>;
export type Clause = z.infer<typeof clauseSchema>;

export type SearchResult = {
  kind: string;
  id: string;
  title: LocalizedText;
  snippet: string;
  url: string;
  date: string | null;
};
export type SearchAnswer = { total: number; more: boolean; order: 'relevance' | 'newest'; results: SearchResult[] };

export type AuditEntry = {
  id: number;
  at: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  unitId: string | null;
  data: Record<string, unknown>;
  /** Null until the entry is chained, just after its transaction commits. */
  hash: string | null;
  /** The acting user's display name (actor is their user name); null for the system. */
  actorName: string | null;
  unitName: LocalizedText | null;
  /** What the ids in entityId and data name: users, units, records by reference or title. */
  names: Record<string, { kind: string; label: LocalizedText }>;
};

/** What recomputing the whole chain found (`GET /audit/verification`). */
export type AuditVerification = {
  ok: boolean;
  entries: number;
  unsealed?: number;
  /** The last checkpoint kept outside the database, and how many links came after it. */
  checkpoint?: { position: number; at: string };
  beyondCheckpoint?: number;
  firstBadId?: number;
  reason?: 'hash_mismatch' | 'broken_link' | 'left_out' | 'forged' | 'rewritten' | 'truncated' | 'bad_checkpoint';
};

export const roles: Role[] = ['officer', 'approver', 'unit_admin', 'reader'];
export const unitKinds = ['liaison_unit', 'division', 'task_force', 'secretariat', 'customs'] as const;
