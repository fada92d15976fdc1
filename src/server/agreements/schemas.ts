import { z } from 'zod';
import { localizedTextSchema } from '../accounts/schemas.ts';
import { day } from '../platform/schemas.ts';

const bothScripts = z.object({ 'zh-Hant': z.string(), 'zh-Hans': z.string() });

export const agreementSummarySchema = z.object({
  code: z.string().describe('Stable identifier, e.g. food-safety'),
  title: localizedTextSchema,
  shortTitle: localizedTextSchema,
  signedOn: z.string().describe('Date of signing (YYYY-MM-DD)'),
  signedAt: localizedTextSchema.nullable().describe('Place of signing; null where the text does not say'),
  parties: z.array(z.object({ code: z.string(), name: localizedTextSchema })),
  validity: z.object({ from: z.string().nullable(), until: z.string().nullable(), text: localizedTextSchema }).nullable(),
  plenary: z.object({ code: z.string(), number: z.number(), name: localizedTextSchema }).nullable(),
  clauseCount: z.number(),
});

export const clauseSchema = z.object({
  key: z.string().describe('Address of the clause within the agreement: "1", "2.3" (section 2, item 3)'),
  label: z.string().describe('The clause number as written: 一、 or （三）'),
  level: z.number(),
  parentKey: z.string().nullable(),
  heading: bothScripts.nullable(),
  text: bothScripts,
});

export const agreementSchema = agreementSummarySchema.extend({
  entryIntoForce: z.object({ rule: z.string(), date: z.string().nullable(), text: localizedTextSchema }),
  copies: z.object({ count: z.number(), text: localizedTextSchema }),
  authoritativeScript: z.string().describe('The script of the text as signed'),
  fullText: bothScripts.describe('The whole text: Traditional exactly as signed, and its Simplified counterpart'),
  preamble: bothScripts,
  closing: bothScripts,
  signatories: z.array(
    z.object({ unitCode: z.string().nullable(), name: localizedTextSchema, representative: localizedTextSchema.nullable(), signedOn: z.string().nullable() }),
  ),
  liaisonUnits: z.array(
    z.object({ id: z.uuid(), code: z.string(), partyCode: z.string(), name: localizedTextSchema, role: z.string(), clauseKey: z.string().nullable() }),
  ),
  clauses: z.array(clauseSchema),
});

export const agreementParams = z.object({ id: z.string().min(1).max(100).regex(/^[a-z0-9-]+$/).describe('Agreement code') });

export const versionSchema = z.object({
  number: z.number().describe('1 is the text as signed; 2, 3, … its amendments'),
  agreedBy: z.array(z.string()).describe('The parties that agreed this text (GD, HK, MO)'),
  agreedOn: z.string().describe('When they agreed it (YYYY-MM-DD)'),
  inForceFrom: z.string().describe('From when this text is in force (YYYY-MM-DD)'),
  fullText: bothScripts,
  note: localizedTextSchema.nullable().describe('What the amendment changes'),
  recordedBy: z.string().nullable().describe('Who recorded it in Liaison; null for the text as signed'),
  recordedAt: z.string().nullable(),
});

export const clauseChangeSchema = z.object({
  key: z.string().describe('The clause ("4", "2.3"), or preamble / closing'),
  label: z.string().nullable().describe('The clause number as written: 九、'),
  change: z.enum(['added', 'removed', 'changed', 'unchanged']),
  before: bothScripts.nullable(),
  after: bothScripts.nullable(),
});

export const amendmentBody = z
  .object({
    agreedBy: z.array(z.string().max(10)).min(1).max(5).describe('The parties that agreed the amendment: every party to the agreement'),
    agreedOn: day.describe('When the parties agreed it'),
    inForceFrom: day.describe('From when the amended text is in force'),
    text: z
      .object({ 'zh-Hant': z.string().trim().min(1).max(100_000), 'zh-Hans': z.string().trim().max(100_000).nullish() })
      .strict()
      .describe('The whole amended text in Traditional Chinese as agreed; Simplified is made from it unless given'),
    note: z.object({ en: z.string().trim().max(2_000), 'zh-Hant': z.string().trim().max(2_000), 'zh-Hans': z.string().trim().max(2_000) }).strict().nullish().describe('What the amendment changes'),
  })
  .strict();
