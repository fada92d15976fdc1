import { EXERCISE_INTERVAL_MONTHS } from '../../shared/modules/sar-plans.ts';
import type { CompanyRow, RccModuleRow, ShipRow } from './queries.ts';

// Where a plan stands, worked out from what it carries: valid while it carries every agency's
// current Module 3 (M24), due for an exercise 12 months after its last one (MSC.1/Circ.1079/Rev.1).

export type FieldChange = { field: string; from: unknown; to: unknown };

/** Every leaf of a value as "a.b.c" → value (arrays kept whole). */
function leaves(value: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) for (const [k, v] of leaves(inner, prefix ? `${prefix}.${key}` : key)) out.set(k, v);
  } else out.set(prefix, value ?? null);
  return out;
}

/** JSON with every object's keys sorted: jsonb keeps keys in its own order, so a value read back compares equal to the one written. */
export const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v));

/** What changed between two versions of a module, field by field (a phone number, the English procedures…). */
export function fieldChanges(from: unknown, to: unknown): FieldChange[] {
  const a = leaves(from);
  const b = leaves(to);
  const keys = [...new Set([...a.keys(), ...b.keys()])];
  return keys.filter((k) => canonical(a.get(k) ?? null) !== canonical(b.get(k) ?? null)).map((field) => ({ field, from: a.get(field) ?? null, to: b.get(field) ?? null }));
}

/** Module 1 as a plan carries it: the company and its 24-hour contact. */
export const companyModule = (c: CompanyRow) => ({ id: c.id, registrationNo: c.registrationNo, place: c.place, nameZh: c.nameZh, nameEn: c.nameEn, address: c.address, contactName: c.contactName, contactPhone: c.contactPhone, contactEmail: c.contactEmail, isSample: c.isSample });

/** Module 2 as a plan carries it: the ship, its identities and routes. */
export const shipModule = (s: ShipRow) => ({ id: s.id, imoNumber: s.imoNumber, mmsi: s.mmsi, callSign: s.callSign, nameZh: s.nameZh, nameEn: s.nameEn, place: s.place, portOfRegistry: s.portOfRegistry, shipType: s.shipType, passengerCapacity: s.passengerCapacity, routes: s.routes, companyId: s.companyId, isSample: s.isSample });

/** Per agency: the version the plan carries, the current one, and whether they are the same. */
export function carriedState(carried: Map<string, string> | undefined, current: Map<string, RccModuleRow>, agencyIds: string[]) {
  return agencyIds.map((unitId) => {
    const moduleId = carried?.get(unitId) ?? null;
    const now = current.get(unitId) ?? null;
    return { unitId, moduleId, currentId: now?.id ?? null, current: moduleId !== null && moduleId === now?.id };
  });
}

/** A plan is valid only while it carries each of the three agencies' current Module 3. */
export const isValid = (state: ReturnType<typeof carriedState>) => state.length === 3 && state.every((s) => s.current);

/** The day a number of months after a day (the last day of a shorter month when it has no such day). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * An issued plan's next exercise is due 12 months after its last one or, while it has none, after
 * its first issue; a plan past that day is flagged. Drafts and withdrawn plans are not due.
 */
export function exerciseDue(plan: { status: string; firstIssuedDay: string | null }, lastExercise: string | null, today: string) {
  if (plan.status !== 'issued' || !plan.firstIssuedDay) return { dueOn: null, overdue: false };
  const dueOn = addMonths(lastExercise ?? plan.firstIssuedDay, EXERCISE_INTERVAL_MONTHS);
  return { dueOn, overdue: today > dueOn };
}
