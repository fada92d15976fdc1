import { defineModule } from './manifest.ts';

/**
 * The intellectual-property module (M20–M22, 粵港保護知識產權合作協議 2015–2016): the public
 * Guangdong–Hong Kong–Macao IP law database (item 21), the work programme's items as
 * commitments (M22), and leads exchanged between the enforcement units (items 2–4).
 */
export const ipAuditActions = [
  'ip.loaded',
  'ip_revision.drafted',
  'ip_revision.edited',
  'ip_revision.submitted',
  'ip_revision.returned',
  'ip_revision.published',
  'ip_authority.updated',
  'ip_programme.updated',
  'ip_lead.sent',
  'ip_lead.acknowledged',
  'ip_lead.answered',
  'ip_lead.passed_on',
  'ip_lead.parties_viewed',
  'ip_operation.created',
  'ip_operation.lead_attached',
] as const;

export const ipAuditEntities = ['ip_instrument', 'ip_revision', 'ip_authority', 'ip_lead', 'ip_operation'] as const;

/** What the enforcement units exchange: the platform administrator sees only an outline of these in the audit trail. */
export const ipExchangedEntities = ['ip_lead', 'ip_operation'] as const;

export const ipSearchKinds = ['ip_instrument', 'ip_authority'] as const;

/** The module as the registry lists it (src/shared/modules.ts). The database is public (item 21: 便利三地公眾和企業查詢). */
export const ipModule = defineModule({
  id: 'ip',
  agreement: 'ip-protection',
  nav: { path: '/ip', labelKey: 'nav.modules.ipProtection', group: 'agreement', built: true, audience: 'everyone' },
  auditActions: ipAuditActions,
  auditEntities: ipAuditEntities,
  searchKinds: ipSearchKinds,
  locales: ['ui-ip'],
});

/**
 * Whose rules an instrument states: the Mainland's national law (in force in Guangdong), Guangdong's
 * own regulations, Hong Kong's and Macao's. Each is kept by the IP units of one party.
 */
export const ipJurisdictions = ['CN', 'GD', 'HK', 'MO'] as const;
export type IpJurisdiction = (typeof ipJurisdictions)[number];
/** The party whose IP units keep a jurisdiction's entries: national law as it applies in Guangdong is kept by Guangdong. */
export const keeperOfJurisdiction: Record<IpJurisdiction, 'GD' | 'HK' | 'MO'> = { CN: 'GD', GD: 'GD', HK: 'HK', MO: 'MO' };
/** The three places of the side-by-side view. */
export const ipPlaces = ['mainland', 'HK', 'MO'] as const;
export const placeOfJurisdiction: Record<IpJurisdiction, (typeof ipPlaces)[number]> = { CN: 'mainland', GD: 'mainland', HK: 'HK', MO: 'MO' };

/** Item 21: patent, trademark, copyright, border and criminal protection (and designs, kept apart in Hong Kong). */
export const ipSubjects = ['patent', 'trademark', 'copyright', 'design', 'border', 'criminal', 'enforcement'] as const;
export const instrumentTypes = ['law', 'ordinance', 'decree_law', 'regulation', 'subsidiary_legislation', 'rule', 'judicial_interpretation', 'guideline'] as const;
export const instrumentStatuses = ['in_force', 'not_yet_in_force', 'repealed'] as const;
export const relationKinds = ['amends', 'repeals', 'implements'] as const;
/** The language of a text: the official one is as enacted; others are translations. */
export const textLanguages = ['zh-Hant', 'zh-Hans', 'en', 'pt'] as const;
export const revisionStatuses = ['draft', 'submitted', 'published', 'returned'] as const;
export const authorityRoles = ['administration', 'enforcement'] as const;

/** Items 2–4: the channels through which infringing goods cross. */
export const leadChannels = ['sea_freight', 'postal', 'express_courier', 'land', 'air'] as const;
export const leadStatuses = ['sent', 'acknowledged', 'answered'] as const;
export const leadOutcomes = ['seizure', 'case_opened', 'no_action', 'passed_on', 'other'] as const;
export const riskLevels = ['low', 'medium', 'high'] as const;
/**
 * A lead's handling code, enforced by the server (policy.ts): `addressee_only` — the addressed unit
 * alone, never passed on; `may_pass_on_with_consent` — the sender, by choosing this code, consents
 * to the addressee passing it on to other enforcement units of the addressee's own side.
 */
export const handlingCodes = ['addressee_only', 'may_pass_on_with_consent'] as const;
/** The roles of a lead's parties, whose personal data is kept apart (nCEN). */
export const leadPartyRoles = ['consignor', 'consignee', 'owner', 'carrier', 'other'] as const;
