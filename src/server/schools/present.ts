import { nameInBothScripts } from '../platform/both-scripts.ts';
import type { LocalizedText } from '../db/schema.ts';
import type { SchoolActor } from './policy.ts';
import type { EvidenceRow, PairRow, SchoolRow } from './queries.ts';

/** The script a school writes its name in: a Guangdong school's Simplified, a Hong Kong school's Traditional. */
export const scriptOfSide = (partyCode: string) => (partyCode === 'GD' ? 'zh-Hans' : 'zh-Hant') as 'zh-Hans' | 'zh-Hant';

/** A school's name as written, in the other script for its readers, and in English. */
export function schoolName(row: Pick<SchoolRow, 'nameZh' | 'nameEn' | 'partyCode'>): LocalizedText & { asWritten: string } {
  return nameInBothScripts(row.nameZh, scriptOfSide(row.partyCode), row.nameEn);
}

export function presentSchool(row: SchoolRow, options: { contacts: boolean; sisters?: number }) {
  return {
    id: row.id,
    code: row.code,
    side: row.partyCode,
    name: schoolName(row),
    level: row.level,
    sector: row.sector,
    district: row.district,
    features: row.features,
    preferences: row.preferences,
    isSample: row.isSample,
    sisters: options.sisters ?? 0,
    /** Contact details only where the policy allows (schoolPolicy.seeContacts). */
    contact: options.contacts ? { address: row.address, name: row.contactName, email: row.contactEmail, phone: row.contactPhone } : null,
  };
}

export const schoolRef = (row: SchoolRow) => ({ id: row.id, code: row.code, side: row.partyCode, name: schoolName(row), isSample: row.isSample });

/** What the viewer may do next with a pair, so the screens offer only that. */
export type PairAbilities = { consent: boolean; endorse: boolean; withdraw: boolean; changeStatus: boolean; contribute: boolean; addEvidence: boolean; review: boolean };

export function presentPair(row: PairRow, hk: SchoolRow, gd: SchoolRow, can: PairAbilities) {
  return {
    id: row.id,
    status: row.status,
    origin: row.origin,
    hk: schoolRef(hk),
    gd: schoolRef(gd),
    isSample: hk.isSample || gd.isSample,
    message: row.message,
    consent: { HK: row.hkConsentAt?.toISOString() ?? null, GD: row.gdConsentAt?.toISOString() ?? null },
    endorsement: { HK: row.hkEndorsedAt?.toISOString() ?? null, GD: row.gdEndorsedAt?.toISOString() ?? null },
    startedOn: row.startedOn,
    endedOn: row.endedOn,
    statusReason: row.statusReason,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    can,
  };
}

export type ActorView = ReturnType<typeof presentActor>;
export const presentActor = (actor: SchoolActor, school: SchoolRow | null) => ({
  takesPart: actor.schoolId !== null || actor.authority,
  schoolId: actor.schoolId,
  school: school ? schoolRef(school) : null,
  side: actor.side,
  authority: actor.authority,
  roles: actor.viewer.roles,
});

/** An activity's evidence file as listed (its content is downloaded apart), with whether the viewer may remove it. */
export const presentEvidence = (row: EvidenceRow, options: { side: 'HK' | 'GD'; canRemove: boolean }) => ({
  id: row.id,
  activityId: row.activityId,
  fileName: row.fileName,
  mediaType: row.mediaType,
  size: row.size,
  sha256: row.sha256,
  addedBy: { side: options.side, name: row.uploadedBy },
  uploadedAt: row.uploadedAt.toISOString(),
  canRemove: options.canRemove,
});
