import { useAddressParams } from '../../../lib/useAddressParams.ts';
import type { NotificationBox, ListFilters } from '../lib/api.ts';

const boxes: NotificationBox[] = ['inbox', 'sent', 'drafts'];
const filterKeys = ['category', 'classification', 'status', 'overdue', 'unread', 'openRequests', 'dueSoon', 'awaitingMyApproval', 'from', 'to', 'q'] as const;
export const pageSize = 50;

/** The box, filters and page live in the address, so that a filtered list can be bookmarked and "back" returns to it. */
export function useInboxParams() {
  // Another box or filter starts again at the first page.
  const { params, values, update } = useAddressParams(filterKeys, { resetKey: 'offset' });
  const filters: ListFilters = values;
  const requested = params.get('box') as NotificationBox | null;
  const box: NotificationBox = requested && boxes.includes(requested) ? requested : 'inbox';
  const offset = Math.max(0, Number(params.get('offset')) || 0);

  return {
    box,
    filters,
    offset,
    // Drafts are neither overdue, unread nor awaited by anyone: those filters go with the other boxes.
    setBox: (next: NotificationBox) => update({ box: next === 'inbox' ? null : next, ...(next === 'drafts' ? { overdue: null, unread: null, openRequests: null, dueSoon: null } : { awaitingMyApproval: null }) }),
    setFilter: (key: (typeof filterKeys)[number], value: string | null) => update({ [key]: value }),
    clearFilters: () => update(Object.fromEntries(filterKeys.map((k) => [k, null]))),
    setOffset: (next: number) => update({ offset: next ? String(next) : null }),
    filtered: Object.keys(filters).length > 0,
  };
}
