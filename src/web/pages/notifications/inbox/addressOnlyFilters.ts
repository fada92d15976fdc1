import type { TFunction } from 'i18next';
import type { ListFilters } from '../lib/api.ts';

/** The filters the home page's counts put in the address that the filter form has no field for, named. */
export function addressOnlyFilters(filters: ListFilters, t: TFunction): string[] {
  return [
    filters.dueSoon === 'true' && t('work.filters.dueSoon'),
    filters.awaitingMyApproval === 'true' && t('work.filters.awaitingMyApproval'),
    filters.openRequests === 'overdue' && t('work.filters.openRequestsOverdue'),
  ].filter((x): x is string => !!x);
}
