import { createHash } from 'node:crypto';

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

/** What an entry's MAC covers: its id (so that a copy under another id does not authenticate) and its body. */
export function entryMacMessage(id: number, entry: AuditFields): string {
  return `entry\n${id}\n${entryBody(entry)}`;
}
