import { moduleSearchKinds } from './modules.ts';

/**
 * What the search index holds, one kind per searchable record: the server indexes only these,
 * and the web names each (search.kinds.<kind>, checked for every locale by locales.test.ts).
 * Each module lists its kinds in its manifest (src/shared/modules/).
 */
export const searchKinds = moduleSearchKinds;
export type { SearchKind } from './modules.ts';
