import { defineModule } from './manifest.ts';

/**
 * The sister-schools module (M16–M19, 粵港姊妹學校合作協議): what the rest of the system needs to
 * know of it — its agreement, its place in the navigation, what it audits, what it indexes for
 * search and its locale namespace.
 */
export const schoolAuditActions = [
  'school.created',
  'school.updated',
  'school.imported',
  'school_coordinator.appointed',
  'sister_pair.proposed',
  'sister_pair.consented',
  'sister_pair.declined',
  'sister_pair.withdrawn',
  'sister_pair.endorsed',
  'sister_pair.dormant',
  'sister_pair.reactivated',
  'sister_pair.ended',
  'pair_activity.added',
  'shared_material.added',
  'activity_evidence.added',
  'activity_evidence.removed',
  'annual_document.saved',
  'annual_document.submitted',
  'annual_document.accepted',
  'annual_document.returned',
  'annual_document.reminded',
  'grant_rate.set',
  'grant_spending.reported',
] as const;

export const schoolAuditEntities = ['school', 'sister_pair', 'pair_activity', 'activity_evidence', 'shared_material', 'annual_document', 'grant_rate', 'grant_spending'] as const;

/** What the two sides' schools and authorities exchange: the platform administrator sees only an outline of these in the audit trail. */
export const schoolExchangedEntities = ['sister_pair', 'pair_activity', 'activity_evidence', 'shared_material', 'annual_document'] as const;

export const schoolSearchKinds = ['school', 'sister_pair', 'pair_activity', 'shared_material'] as const;

/** The module as the registry lists it (src/shared/modules.ts). */
export const schoolsModule = defineModule({
  id: 'schools',
  agreement: 'sister-schools',
  nav: { path: '/schools', labelKey: 'nav.modules.sisterSchools', group: 'agreement', built: true, audience: 'signed-in' },
  auditActions: schoolAuditActions,
  auditEntities: schoolAuditEntities,
  searchKinds: schoolSearchKinds,
  locales: ['ui-schools'],
});

/** The words of the registry, as the import files and the API spell them. */
export const schoolLevels = ['kindergarten', 'primary', 'secondary', 'special'] as const;
/** Hong Kong: government, aided, Direct Subsidy Scheme, private; the Mainland: public (公办) and private (民办). */
export const schoolSectors = ['government', 'aided', 'dss', 'private', 'public', 'minban'] as const;
export const schoolSides = ['HK', 'GD'] as const;
export const pairStatuses = ['proposed', 'consented', 'active', 'dormant', 'ended', 'declined', 'withdrawn'] as const;
export const activityKinds = ['visit', 'teacher_exchange', 'administrator_exchange', 'student_exchange', 'parent_exchange', 'lesson_observation', 'teaching_research', 'shared_materials', 'online_exchange', 'experience_sharing'] as const;
export const participantGroups = ['teachers', 'administrators', 'students', 'parents'] as const;
export const materialLicences = ['CC-BY-4.0', 'CC-BY-SA-4.0', 'CC-BY-NC-4.0', 'CC-BY-NC-SA-4.0', 'pair-only'] as const;

/**
 * What a pair takes as evidence of an activity (M18): photos (JPEG, PNG, WebP), PDF scans and
 * Office documents (Word, Excel, PowerPoint), each checked by its bytes, at most
 * MAX_ATTACHMENT_BYTES (shared/attachments.ts) like every upload.
 */
export const evidenceTypes = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
] as const;
