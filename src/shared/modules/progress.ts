import { defineModule } from './manifest.ts';

/** Joint Conference progress (M29–M31): commitments, indicators, figures, progress reports. */
export const progressModule = defineModule({
  id: 'progress',
  nav: { path: '/progress', labelKey: 'progress.title', group: 'work', built: true, audience: 'signed-in' },
  auditActions: [
    'progress.loaded',
    'commitment.created',
    'commitment.updated',
    'indicator.created',
    'measurement.recorded',
    'measurement.corrected',
    'progress_report.drafted',
    'progress_report.edited',
    'progress_report.issued',
  ],
  auditEntities: ['commitment', 'indicator', 'measurement', 'progress_report'],
  searchKinds: [],
  locales: ['ui-progress'],
});

/** Issued progress reports are public: the signed-out reach them here. */
export const reportsModule = defineModule({
  id: 'reports',
  nav: { path: '/reports', labelKey: 'progress.reports', group: 'work', built: true, audience: 'signed-out' },
  auditActions: [],
  auditEntities: [],
  searchKinds: [],
  locales: [],
});
