import { defineModule } from './manifest.ts';

/** Both kinds of verification request share their steps (clause 4 and clause 5). */
const verificationKinds = ['pre_publication', 'media_report'] as const;
const verificationSteps = ['asked', 'answered', 'linked'] as const;

/** Verify before publishing and media-report checks: one request/answer exchange, for every agreement. */
export const verificationModule = defineModule({
  id: 'verification',
  nav: { path: '/verification', labelKey: 'nav.modules.verification', group: 'work', built: true, audience: 'unit' },
  auditActions: verificationKinds.flatMap((kind) => verificationSteps.map((step) => `${kind}.${step}` as const)),
  auditEntities: ['verification_request'],
  searchKinds: ['pre_publication', 'media_report'],
  locales: ['ui-verification'],
});
