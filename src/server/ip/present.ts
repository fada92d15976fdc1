import { inScript } from '../../shared/script.ts';
import { keeperOfJurisdiction, placeOfJurisdiction, type IpJurisdiction } from '../../shared/modules/ip.ts';
import type { InstrumentContent } from './schema.ts';
import type { AuthorityRow, InstrumentRow, RevisionRow, UpdateRow } from './queries.ts';

/** The script an entry's Chinese is written in: the Mainland's Simplified, Hong Kong's and Macao's Traditional. */
export const scriptOfJurisdiction = (jurisdiction: string) => (keeperOfJurisdiction[jurisdiction as IpJurisdiction] === 'GD' ? 'zh-Hans' : 'zh-Hant') as 'zh-Hans' | 'zh-Hant';

/** A Chinese text as written, with the other script beside it. */
export function bothScripts(text: string, jurisdiction: string) {
  const written = scriptOfJurisdiction(jurisdiction);
  return { 'zh-Hant': inScript(text, 'zh-Hant', written), 'zh-Hans': inScript(text, 'zh-Hans', written) };
}

const titleOf = (row: { titleZh: string; titleEn: string; titlePt: string | null; jurisdiction: string }) => ({ ...bothScripts(row.titleZh, row.jurisdiction), en: row.titleEn, asWritten: row.titleZh, pt: row.titlePt });

export function presentInstrumentSummary(row: InstrumentRow) {
  return {
    id: row.id,
    code: row.code,
    jurisdiction: row.jurisdiction,
    place: placeOfJurisdiction[row.jurisdiction as IpJurisdiction],
    subjects: row.subjects,
    type: row.type,
    number: row.number,
    title: titleOf(row),
    enactedOn: row.enactedOn,
    inForceOn: row.inForceOn,
    repealedOn: row.repealedOn,
    status: row.status,
    summary: { zh: row.summaryZh, en: row.summaryEn },
    officialUrl: row.officialUrl,
    publishedAt: row.publishedAt.toISOString(),
  };
}

export function presentUpdate(row: UpdateRow, instrumentCode: string | null) {
  return {
    id: row.id,
    on: row.on,
    jurisdiction: row.jurisdiction,
    instrumentCode,
    title: { ...bothScripts(row.titleZh, row.jurisdiction), en: row.titleEn },
    summary: { zh: row.summaryZh, en: row.summaryEn },
    sourceUrl: row.sourceUrl,
    publishedAt: row.publishedAt.toISOString(),
  };
}

export function presentAuthority(row: AuthorityRow, canEdit: boolean) {
  return {
    code: row.code,
    jurisdiction: row.jurisdiction,
    place: placeOfJurisdiction[row.jurisdiction as IpJurisdiction],
    roles: row.roles,
    subjects: row.subjects,
    name: { ...bothScripts(row.nameZh, row.jurisdiction), en: row.nameEn, asWritten: row.nameZh, pt: row.namePt },
    address: row.address,
    phone: row.phone,
    email: row.email,
    website: row.website,
    sourceUrl: row.sourceUrl,
    updatedAt: row.updatedAt.toISOString(),
    canEdit,
  };
}

export type RevisionAbilities = { edit: boolean; submit: boolean; publish: boolean; return: boolean };

export function presentRevision(row: RevisionRow, can: RevisionAbilities) {
  return {
    id: row.id,
    instrumentId: row.instrumentId,
    jurisdiction: row.jurisdiction,
    content: row.content,
    update: row.update,
    status: row.status,
    author: row.author,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    reviewer: row.reviewer,
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
    reviewComment: row.reviewComment,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    can,
  };
}

/** An instrument's published row as the content a new revision starts from. */
export function contentOf(row: InstrumentRow, relations: { kind: string; to: string }[]): InstrumentContent {
  return {
    code: row.code,
    jurisdiction: row.jurisdiction as InstrumentContent['jurisdiction'],
    subjects: row.subjects,
    type: row.type,
    number: row.number,
    titleZh: row.titleZh,
    titleEn: row.titleEn,
    titlePt: row.titlePt,
    enactedOn: row.enactedOn,
    inForceOn: row.inForceOn,
    repealedOn: row.repealedOn,
    status: row.status,
    summaryZh: row.summaryZh,
    summaryEn: row.summaryEn,
    officialUrl: row.officialUrl,
    versions: row.versions,
    relations,
  };
}
