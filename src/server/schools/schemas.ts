import { z } from 'zod';
import { day } from '../platform/schemas.ts';
import { displayNameSchema, localizedTextSchema, usernameSchema } from '../accounts/schemas.ts';
import { activityKinds, materialLicences, pairStatuses, participantGroups, schoolLevels, schoolSectors, schoolSides } from '../../shared/modules/schools.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullish();

export const schoolCode = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/)
  .describe("The school's official code (the Education Bureau's school number, the Mainland's school code): letters, digits, dashes");

export const preferencesSchema = z
  .object({
    levels: z.array(z.enum(schoolLevels)).max(4).default([]).describe('Levels of sister school wanted'),
    sectors: z.array(z.enum(schoolSectors)).max(6).default([]).describe('Sectors of sister school wanted'),
    districts: z.array(text(100)).max(20).default([]).describe('Districts or cities wanted'),
    themes: z.array(text(100)).max(20).default([]).describe('Themes of exchange wanted (STEM, Chinese history, sport, …)'),
  })
  .strict();

export const schoolBody = z
  .object({
    code: schoolCode,
    side: z.enum(schoolSides).describe('HK: a Hong Kong school; GD: a Guangdong school'),
    nameZh: text(200).describe("Chinese name in the school's own script (Traditional in Hong Kong, Simplified in Guangdong)"),
    nameEn: text(200).describe('English name'),
    level: z.enum(schoolLevels),
    sector: z.enum(schoolSectors).describe('Hong Kong: government, aided, dss (Direct Subsidy Scheme), private; Guangdong: public (公办), minban (民办)'),
    district: text(100).describe('District (Hong Kong) or city and district (Guangdong)'),
    address: optionalText(300),
    features: z.array(text(100)).max(20).default([]).describe('What the school is known for'),
    contactName: optionalText(200).describe('Contact teacher'),
    contactEmail: z.email().max(200).nullish(),
    contactPhone: optionalText(50),
    preferences: preferencesSchema.default({ levels: [], sectors: [], districts: [], themes: [] }),
  })
  .strict();

export const updateSchoolBody = schoolBody.omit({ code: true, side: true }).partial().strict();

export const importBody = z
  .object({
    format: z.enum(['csv', 'xlsx']),
    content: z.string().min(1).max(8_000_000).describe('The CSV text, or the XLSX file in base64'),
  })
  .strict();

export const exportQuery = z.object({ format: z.enum(['csv', 'xlsx']).default('csv'), side: z.enum(schoolSides).optional() });

export const listSchoolsQuery = z.object({
  side: z.enum(schoolSides).optional(),
  level: z.enum(schoolLevels).optional(),
  sector: z.enum(schoolSectors).optional(),
  district: z.string().trim().max(100).optional(),
  q: z.string().trim().max(100).optional().describe('Part of a name, or a code'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const coordinatorBody = z
  .object({
    username: usernameSchema,
    displayName: displayNameSchema,
    email: z.email().max(200).nullish(),
    password: z.string().min(10).max(256).describe('A first password; its holder must choose their own at first log-in'),
  })
  .strict();

export const proposeBody = z
  .object({
    hkSchoolId: z.uuid().describe('The Hong Kong school'),
    gdSchoolId: z.uuid().describe('The Guangdong school'),
    message: optionalText(2000).describe('Why these two schools: shared themes, plans'),
  })
  .strict();

export const reasonBody = z.object({ reason: text(2000).describe('Why') }).strict();
export const commentBody = z.object({ comment: optionalText(2000) }).strict();

export const activityBody = z
  .object({
    kind: z.enum(activityKinds),
    heldOn: day,
    place: optionalText(300),
    participants: z
      .array(z.object({ group: z.enum(participantGroups), side: z.enum(schoolSides), count: z.number().int().min(1).max(100_000) }).strict())
      .min(1)
      .max(8)
      .describe('Who took part, by group and side, with how many'),
    description: text(10_000).describe('What was done'),
    evidence: z.array(z.url().max(1000)).max(20).default([]).describe('Links to photos, files, reports'),
  })
  .strict();

export const materialBody = z
  .object({
    title: text(300),
    description: text(5000),
    licence: z.enum(materialLicences).describe('Creative Commons licence, or pair-only (the two schools only)'),
    url: z.url().max(1000).nullish(),
  })
  .strict();

export const schoolYear = z
  .string()
  .regex(/^\d{4}\/\d{2}$/)
  .refine((y) => (Number(y.slice(0, 4)) + 1) % 100 === Number(y.slice(5)), { message: 'school_year' })
  .describe('School year, e.g. 2015/16');

export const documentParams = z.object({ id: z.uuid(), year: z.string().regex(/^\d{4}-\d{2}$/).describe('School year as 2015-16'), kind: z.enum(['plan', 'report']) });
export const documentBody = z.object({ body: text(100_000).describe('The text of the plan or report') }).strict();
export const reviewBody = z.object({ decision: z.enum(['accept', 'return']), comment: optionalText(2000) }).strict();

export const grantRateBody = z.object({ amountHkd: z.number().int().min(0).max(10_000_000), source: text(500).describe('Where the figure comes from') }).strict();
export const spendingBody = z.object({ schoolYear, amountHkd: z.number().int().min(1).max(10_000_000), item: text(500) }).strict();
export const grantQuery = z.object({ year: schoolYear });

export const idParams = z.object({ id: z.uuid() });
export const activityParams = z.object({ id: z.uuid().describe('The pair'), activityId: z.uuid() });
export const evidenceParams = activityParams.extend({ evidenceId: z.uuid() });
export const yearParams = z.object({ year: z.string().regex(/^\d{4}-\d{2}$/) });
export const pairsQuery = z.object({ status: z.enum(pairStatuses).optional(), limit: z.coerce.number().int().min(1).max(500).default(100), offset: z.coerce.number().int().min(0).max(100_000).default(0) });

const name = localizedTextSchema.extend({ asWritten: z.string() });
const schoolRef = z.object({ id: z.uuid(), code: z.string(), side: z.string(), name, isSample: z.boolean() });
export const schoolSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  side: z.string(),
  name,
  level: z.string(),
  sector: z.string(),
  district: z.string(),
  features: z.array(z.string()),
  preferences: z.object({ levels: z.array(z.string()), sectors: z.array(z.string()), districts: z.array(z.string()), themes: z.array(z.string()) }),
  isSample: z.boolean().describe('Made-up demonstration data'),
  sisters: z.number().int().describe('Active or dormant sister schools'),
  contact: z.object({ address: z.string().nullable(), name: z.string().nullable(), email: z.string().nullable(), phone: z.string().nullable() }).nullable().describe('Shown to its own school, its side, and schools paired or in a proposal with it'),
});
export const schoolPageSchema = z.object({ total: z.number().int(), schools: z.array(schoolSchema) });

export const pairSchema = z.object({
  id: z.uuid(),
  status: z.string(),
  origin: z.string(),
  hk: schoolRef,
  gd: schoolRef,
  isSample: z.boolean(),
  message: z.string().nullable(),
  consent: z.object({ HK: z.string().nullable(), GD: z.string().nullable() }),
  endorsement: z.object({ HK: z.string().nullable(), GD: z.string().nullable() }),
  startedOn: z.string().nullable(),
  endedOn: z.string().nullable(),
  statusReason: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  can: z.object({ consent: z.boolean(), endorse: z.boolean(), withdraw: z.boolean(), changeStatus: z.boolean(), contribute: z.boolean(), addEvidence: z.boolean().describe('Add evidence files to its activities'), review: z.boolean() }),
});

export const evidenceSchema = z.object({
  id: z.uuid(),
  activityId: z.uuid(),
  fileName: z.string().describe('The name it was uploaded with, made safe and ending in an extension of its type'),
  mediaType: z.string().describe('Its type, as its bytes show it (image/jpeg, image/png, image/webp, application/pdf, DOCX, XLSX, PPTX)'),
  size: z.number().int().describe('In bytes'),
  sha256: z.string(),
  addedBy: z.object({ side: z.string(), name: z.string() }),
  uploadedAt: z.string(),
  canRemove: z.boolean().describe("The viewer's school added it and the report of the activity's school year is not yet submitted"),
});

const activitySchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  heldOn: z.string(),
  place: z.string().nullable(),
  participants: z.array(z.object({ group: z.string(), side: z.string(), count: z.number() })),
  total: z.number().int(),
  description: z.string(),
  evidence: z.array(z.string()).describe('Links given when the activity was recorded'),
  evidenceFiles: z.array(evidenceSchema).describe('Photos, scans and documents uploaded as evidence, oldest first'),
  addedBy: z.object({ side: z.string(), name: z.string() }),
  createdAt: z.string(),
});
const materialSchema = z.object({ id: z.uuid(), title: z.string(), description: z.string(), licence: z.string(), url: z.string().nullable(), addedBy: z.object({ side: z.string(), name: z.string() }), createdAt: z.string() });
export const documentSchema = z.object({
  id: z.uuid(),
  schoolYear: z.string(),
  kind: z.enum(['plan', 'report']),
  body: z.string(),
  pages: z.number().describe('Length in pages of 1,500 characters'),
  maxPages: z.number(),
  status: z.string(),
  dueOn: z.string(),
  overdue: z.boolean(),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewComment: z.string().nullable(),
  updatedBy: z.string(),
  updatedAt: z.string(),
});
export const pairDetailSchema = pairSchema.extend({
  history: z.array(z.object({ kind: z.string(), side: z.string().nullable(), actor: z.string(), comment: z.string().nullable(), at: z.string() })),
  activities: z.array(activitySchema),
  materials: z.array(materialSchema),
  documents: z.array(documentSchema),
  participantTotals: z.record(z.string(), z.number()).describe('Participants of all activities, by group'),
});

export const matchSchema = z.object({ school: schoolSchema, score: z.number(), reasons: z.array(z.string()).describe('level, sector, district, theme:<theme>, mutual, no_sister_yet') });

export const importPreviewSchema = z.object({
  rows: z.array(
    z.object({
      row: z.number().int().describe('Row number in the file (1 is the header)'),
      code: z.string().nullable(),
      action: z.enum(['create', 'update', 'unchanged', 'error']),
      errors: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })),
    }),
  ),
  counts: z.object({ create: z.number(), update: z.number(), unchanged: z.number(), error: z.number() }),
});

export const grantSchema = z.object({
  schoolYear: z.string(),
  eligible: z.boolean(),
  reasons: z.array(z.string()).describe('active_pair, or what stands in the way: not_hk, sector, level, no_active_pair, no_rate'),
  amountHkd: z.number().int(),
  rateSource: z.string().nullable(),
  spentHkd: z.number().int(),
  balanceHkd: z.number().int(),
  spending: z.array(z.object({ id: z.uuid(), amountHkd: z.number().int(), item: z.string(), reportedBy: z.string(), reportedAt: z.string() })),
});
export const grantRateSchema = z.object({ schoolYear: z.string(), amountHkd: z.number().int(), source: z.string() });

export const meSchema = z.object({
  takesPart: z.boolean().describe('A school coordinator or an education authority of the agreement'),
  schoolId: z.uuid().nullable(),
  school: schoolRef.nullable(),
  side: z.string().nullable(),
  authority: z.boolean(),
  roles: z.array(z.string()),
});
