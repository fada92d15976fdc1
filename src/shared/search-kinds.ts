import { schoolSearchKinds } from './modules/schools.ts';

/**
 * What the search index holds, one kind per searchable record: the server indexes only these,
 * and the web names each (search.kinds.<kind>, checked for every locale by locales.test.ts).
 */
export const searchKinds = ['agreement', 'clause', 'notification', 'follow_up', 'pre_publication', 'media_report', 'meeting', ...schoolSearchKinds] as const;
export type SearchKind = (typeof searchKinds)[number];
