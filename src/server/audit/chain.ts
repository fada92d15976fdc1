import { createHash, randomBytes } from 'node:crypto';
import type { AuditKeys } from './audit-keys.ts';

/** The first entry's predecessor. */
export const GENESIS_HASH = '0'.repeat(64);

export type AuditFields = {
  at: Date;
  actorId: string | null;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  unitId: string | null;
  data: Record<string, unknown>;
};

/** The fields of a stored entry that its hash covers. */
export function auditFields(row: AuditFields): AuditFields {
  const { at, actorId, actor, action, entityType, entityId, unitId, data } = row;
  return { at, actorId, actor, action, entityType, entityId, unitId, data };
}

/** JSON with keys sorted at every depth, so that jsonb's own key order cannot break the chain. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** What an entry's hash covers besides its predecessor's hash. */
export function entryBody(entry: AuditFields): string {
  return canonicalJson({ ...entry, at: entry.at.toISOString() });
}

/** sha256(previous hash, a newline, the entry's body). */
export function entryHash(prevHash: string, entry: AuditFields): string {
  return createHash('sha256').update(prevHash).update('\n').update(entryBody(entry)).digest('hex');
}

/** What an entry's MAC covers: a random nonce (so that equal entries get different MACs) and the entry's body. */
const entryMacMessage = (nonce: string, entry: AuditFields) => `entry\n${nonce}\n${entryBody(entry)}`;

/** `<nonce>.<HMAC>`: what audit_log.mac holds. */
export function entryMac(keys: AuditKeys, entry: AuditFields): string {
  const nonce = randomBytes(16).toString('hex');
  return `${nonce}.${keys.mac(entryMacMessage(nonce, entry))}`;
}

export function entryMacVerifies(keys: AuditKeys, entry: AuditFields, mac: string | null): boolean {
  const [nonce, hmac] = mac?.split('.') ?? [];
  return Boolean(nonce && /^[0-9a-f]{32}$/.test(nonce)) && keys.verify(entryMacMessage(nonce, entry), hmac);
}
