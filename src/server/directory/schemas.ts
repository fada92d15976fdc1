import { z } from 'zod';
import { localizedTextSchema, roleSchema } from '../accounts/schemas.ts';

export const partySchema = z.object({
  code: z.string().describe('GD, HK, MO, or GZ (Guangzhou, a municipal party under Guangdong)'),
  kind: z.string(),
  parentCode: z.string().nullable(),
  name: localizedTextSchema,
});

export const unitKind = z.enum(['liaison_unit', 'division', 'task_force', 'secretariat', 'customs']);

export const unitSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  partyCode: z.string(),
  parentId: z.uuid().nullable().describe('The unit this one is part of (e.g. a division of a bureau)'),
  kind: z.string(),
  name: localizedTextSchema,
  abbreviation: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  dutyPhone: z.string().nullable().describe('24-hour duty line for urgent matters'),
  address: z.string().nullable(),
  active: z.boolean(),
  hostedElsewhere: z
    .object({ remote: z.literal(true), node: z.string().nullable().describe("The peer node's name; null when no imported anchor names the unit yet") })
    .nullable()
    .optional()
    .describe('Set when the unit is kept on another Liaison node (one node per government); null or absent: on this node'),
});

export const officerSchema = z.object({
  id: z.uuid(),
  displayName: z.string(),
  title: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  roles: z.array(roleSchema),
});

export const unitAgreementSchema = z.object({
  code: z.string(),
  title: localizedTextSchema,
  role: z.string().describe('How the agreement names this unit: liaison, member or signatory'),
  clauseKey: z.string().nullable(),
});

export const postSchema = z.object({
  id: z.uuid(),
  post: z.enum(['liaison_officer', 'deputy', 'duty_officer']).describe('liaison_officer (聯絡員), deputy, or the 24-hour duty_officer'),
  agreementCode: z.string().nullable().describe('The agreement the post serves; null for the unit as a whole'),
  holder: z.object({ id: z.uuid(), displayName: z.string(), title: z.string().nullable(), email: z.string().nullable(), phone: z.string().nullable() }),
  startedAt: z.string(),
  endedAt: z.string().nullable().describe('Null while the post is held'),
  note: z.string().nullable(),
});

export const assignPostBody = z
  .object({
    userId: z.uuid().describe('An active officer of this unit'),
    post: z.enum(['liaison_officer', 'deputy', 'duty_officer']),
    agreementCode: z.string().max(100).nullish().describe('Agreement that designates this unit; empty for the unit as a whole'),
    note: z.string().trim().max(500).nullish(),
  })
  .strict();

export const postParams = z.object({ id: z.uuid(), postId: z.uuid() });

export const unitDetailSchema = unitSchema.extend({
  party: z.object({ code: z.string(), name: localizedTextSchema }),
  agreements: z.array(unitAgreementSchema),
  /** Units of other parties designated by the same agreements: whom this unit deals with. */
  partners: z.array(unitSchema.extend({ agreementCodes: z.array(z.string()) })),
  officers: z.array(officerSchema),
  /** Who holds the unit's liaison posts now. */
  posts: z.array(postSchema),
  /** Whom to call for each agreement the unit is designated under; `sample` marks made-up data. */
  dutyContacts: z.array(
    z.object({
      agreementCode: z.string().nullable(),
      clauseKey: z.string().nullable().describe('The clause that asks for the post'),
      post: localizedTextSchema,
      name: localizedTextSchema,
      phone: z.string(),
      sample: z.boolean().describe('Made-up data, to be replaced with the real contact'),
    }),
  ),
});

export const directorySchema = z.object({
  parties: z.array(partySchema.extend({ units: z.array(unitSchema.extend({ officers: z.array(officerSchema) })) })),
});

const code = z
  .string()
  .trim()
  .min(2)
  .max(40)
  .regex(/^[a-z0-9][a-z0-9-]*$/)
  .describe('Short lower-case code, e.g. hk-fhb');

export const createUnitBody = z
  .object({
    code,
    partyCode: z.string().min(2).max(10),
    parentId: z.uuid().nullish(),
    kind: unitKind.default('liaison_unit'),
    name: z.object({ 'zh-Hant': z.string().trim().min(1).max(200), 'zh-Hans': z.string().trim().max(200).optional(), en: z.string().trim().min(1).max(200) }).strict(),
    abbreviation: z.string().trim().max(20).nullish(),
    email: z.email().max(200).nullish(),
    phone: z.string().trim().max(50).nullish(),
    dutyPhone: z.string().trim().max(50).nullish(),
    address: z.string().trim().max(500).nullish(),
  })
  .strict();

export const updateUnitBody = z
  .object({
    name: z.object({ 'zh-Hant': z.string().trim().min(1).max(200), 'zh-Hans': z.string().trim().max(200).optional(), en: z.string().trim().min(1).max(200) }).strict(),
    parentId: z.uuid().nullable(),
    kind: unitKind,
    abbreviation: z.string().trim().max(20).nullable(),
    email: z.email().max(200).nullable(),
    phone: z.string().trim().max(50).nullable(),
    dutyPhone: z.string().trim().max(50).nullable(),
    address: z.string().trim().max(500).nullable(),
    active: z.boolean(),
  })
  .partial()
  .strict();

/** What a unit administrator may change about their own unit: how to reach it. */
export const contactFields = ['email', 'phone', 'dutyPhone', 'address'] as const;

export const listUnitsQuery = z.object({ partyCode: z.string().max(10).optional() });
