import { defineModule } from './manifest.ts';

/** The reference data loaded from data/reference at start. */
export const referenceModule = defineModule({
  id: 'reference',
  auditActions: ['reference.loaded', 'reference.updated'],
  auditEntities: ['reference_data'],
  searchKinds: [],
  locales: [],
});
