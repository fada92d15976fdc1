import { useSearchParams } from 'react-router';

export const auditFilterKeys = ['action', 'entityType', 'entityId', 'reference', 'actor', 'unitId', 'from', 'to'] as const;
export type AuditFilterKey = (typeof auditFilterKeys)[number];
export type AuditFilters = Partial<Record<AuditFilterKey, string>>;

/** The trail's filters live in the address, so that a record's history can be bookmarked or sent to a colleague. */
export function useAuditParams() {
  const [params, setParams] = useSearchParams();
  const filters: AuditFilters = Object.fromEntries(auditFilterKeys.map((k) => [k, params.get(k) ?? undefined]).filter(([, v]) => v));
  const update = (change: Record<string, string | null | undefined>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(change)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );
  return {
    filters,
    setFilter: (key: AuditFilterKey, value: string | null) => update({ [key]: value }),
    /** Several at once: each setFilter replaces the address from the same render, so two in a row keep only the last. */
    setFilters: (change: Partial<Record<AuditFilterKey, string | null>>) => update(change),
    /** Shows one record's history: every entry about it, whoever made it. */
    showRecord: (entityType: string, entityId: string) => update({ ...Object.fromEntries(auditFilterKeys.map((k) => [k, null])), entityType, entityId }),
    clearFilters: () => update(Object.fromEntries(auditFilterKeys.map((k) => [k, null]))),
    filtered: Object.keys(filters).length > 0,
  };
}
