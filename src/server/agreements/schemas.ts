import { z } from 'zod';
import { localizedTextSchema } from '../accounts/schemas.ts';

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
