/**
 * The shapes the progress API answers with, from the server's own schemas (type-only imports:
 * nothing of the server reaches the bundle), so that a changed endpoint fails the type check here.
 */
import type { z } from 'zod';
import type {
  areaSchema,
  commitmentDetailSchema,
  commitmentSchema,
  commitmentStatus,
  correctMeasurementBody,
  plenarySchema,
  qualifier,
  recordMeasurementBody,
  updateCommitmentBody,
} from '../../../server/progress/schemas.ts';
import type { LocalizedText } from '../../types.ts';

export type Area = z.infer<typeof areaSchema>;
export type Commitment = z.infer<typeof commitmentSchema>;
export type CommitmentDetail = z.infer<typeof commitmentDetailSchema>;
export type Indicator = Commitment['indicators'][number];
export type Target = Indicator['targets'][number];
export type Measurement = Indicator['measurements'][number];
export type Plenary = z.infer<typeof plenarySchema>;
export type CommitmentStatus = z.infer<typeof commitmentStatus>;
export type Qualifier = z.infer<typeof qualifier>;
export type TargetStatus = Target['progress']['status'];
export type RecordMeasurementInput = z.input<typeof recordMeasurementBody>;
export type CorrectMeasurementInput = z.input<typeof correctMeasurementBody>;
export type UpdateCommitmentInput = z.input<typeof updateCommitmentBody>;

export const commitmentStatuses: CommitmentStatus[] = ['not_started', 'in_progress', 'achieved', 'overtaken', 'dropped'];
export const qualifiers: Qualifier[] = ['exactly', 'over', 'about'];

/** The languages a report is read in; its narrative is written in English and Traditional Chinese. */
export const reportLocales = ['en', 'zh-Hant', 'zh-Hans'] as const;
export const narrativeLocales = ['en', 'zh-Hant'] as const;
export type NarrativeLocale = (typeof narrativeLocales)[number];
export type NarrativeText = { achieved: string; next: string };
/** Per area, per language: the text, in which {{figure:<indicator>}} stands for a figure. */
export type Narrative = Record<string, Partial<Record<NarrativeLocale, NarrativeText>>>;

/** The report schemas are not exported by the server's routes: written out here, as documented in docs/api. */
export type ReportSummary = {
  id: string;
  title: LocalizedText;
  asOf: string;
  areaCodes: string[];
  status: 'draft' | 'issued';
  createdBy: string;
  issuedAt: string | null;
  /** SHA-256 of the issued snapshot, also in the audit trail. */
  snapshotHash: string | null;
};

export type Report = ReportSummary & {
  narrative: Narrative;
  /** In a draft: figures that changed since it was drafted. */
  changedFigures: { indicatorCode: string; was: number; now: number }[];
  createdAt: string;
  issuedBy: string | null;
  editable: boolean;
  issuable: boolean;
};

export type DraftReportInput = { areaCodes: string[]; asOf: string; title?: { en: string; 'zh-Hant': string } | null };
export type UpdateReportInput = { title?: { en: string; 'zh-Hant': string }; narrative?: Narrative };
