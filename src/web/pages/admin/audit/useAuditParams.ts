import { useAddressParams } from '../../../lib/useAddressParams.ts';

export const auditFilterKeys = ['action', 'entityType', 'entityId', 'reference', 'actor', 'unitId', 'from', 'to'] as const;
export type AuditFilterKey = (typeof auditFilterKeys)[number];
export type AuditFilters = Partial<Record<AuditFilterKey, string>>;

/** The trail's filters live in the address, so that a record's history can be bookmarked or sent to a colleague. */
export function useAuditParams() {
  const { values: filters, update } = useAddressParams(auditFilterKeys);
  return {
    filters,
    setFilter: (key: AuditFilterKey, value: string | null) => update({ [key]: value }),
    /** Several at once (two setFilter calls in a row would keep only the last). */
    setFilters: (change: Partial<Record<AuditFilterKey, string | null>>) => update(change),
    /** Shows one record's history: every entry about it, whoever made it. */
    showRecord: (entityType: string, entityId: string) => update({ ...Object.fromEntries(auditFilterKeys.map((k) => [k, null])), entityType, entityId }),
    clearFilters: () => update(Object.fromEntries(auditFilterKeys.map((k) => [k, null]))),
    filtered: Object.keys(filters).length > 0,
  };
}
