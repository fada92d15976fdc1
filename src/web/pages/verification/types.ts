/** The shapes of the verification API, taken from the server's own schemas (type-only imports). */
import type { z } from 'zod';
import type { answerBody, createMediaReportBody, createPrePublicationBody, outcome, verificationSchema } from '../../../server/verification/schemas.ts';

import type { Script } from '../../../shared/script.ts';

export type { Script };

export type Verification = z.infer<typeof verificationSchema>;
export type VerificationKind = Verification['kind'];
export type Outcome = z.infer<typeof outcome>;
export type PrePublicationInput = z.input<typeof createPrePublicationBody>;
export type MediaReportInput = z.input<typeof createMediaReportBody>;
export type AnswerInput = z.input<typeof answerBody>;

/** Clause 4 asks to confirm, correct or dispute; clause 5 to confirm, refute or find a report partly true. */
export const outcomesOf: Record<VerificationKind, Outcome[]> = {
  pre_publication: ['confirmed', 'corrected', 'disputed'],
  media_report: ['confirmed', 'refuted', 'partly_true'],
};

/** The values of the form asking for a verification (AskPage, MediaFields). */
export type AskValues = {
  kind: VerificationKind;
  toUnitId: string | null;
  script: Script;
  subject: string;
  question: string;
  enterprise: string;
  deadlineAt: string;
  plannedReleaseAt: string;
  outlet: string;
  publishedOn: string;
  link: string;
  claim: string;
};
