import { z } from 'zod';
import { day } from '../platform/schemas.ts';
import { localizedTextSchema } from '../accounts/schemas.ts';
import { isPeriod } from './periods.ts';

/** A figure: finite and within what any indicator of the agreements can reach. */
const figure = z.number().finite().min(-1e15).max(1e15);

export const commitmentStatus = z.enum(['not_started', 'in_progress', 'achieved', 'overtaken', 'dropped']);
export const comparator = z.enum(['at_least', 'more_than', 'around', 'exactly']).describe('How the documents state the target: at least, more than, around (±5 %), exactly');
export const measure = z.enum(['level', 'increase']).describe('level: the figure itself; increase: counted from the baseline');
export const qualifier = z.enum(['exactly', 'over', 'about']).describe('How the source words the figure: "291", "over 530", "some 80"');

const period = z
  .string()
  .refine(isPeriod, { message: 'period' })
  .describe('A school year such as 2014/15, or a calendar year such as 2015');

/** Chinese in either script: the other is made with OpenCC when left out. */
const textInput = z
  .object({ 'zh-Hant': z.string().trim().min(1).max(2000).optional(), 'zh-Hans': z.string().trim().min(1).max(2000).optional(), en: z.string().trim().min(1).max(2000) })
  .strict()
  .refine((t) => t['zh-Hant'] || t['zh-Hans'], { message: 'chinese', path: ['zh-Hant'] });

const asOfQuery = z.object({ asOf: day.optional().describe('Compute progress as of this day (default: today)') });

export const listCommitmentsQuery = asOfQuery.extend({
  area: z.string().max(300).regex(/^[a-z-]+(,[a-z-]+)*$/).optional(),
  owner: z.enum(['mine']).optional().describe("mine: only the commitments the caller's unit owns"),
  due: z.enum(['overdue', 'soon']).optional().describe('Only those not achieved, overtaken or dropped and past their due date (overdue) or due within 90 days (soon)'),
});

const targetInput = z
  .object({ comparator, value: figure, measure, period: period.nullish(), date: day.nullish(), text: textInput })
  .strict();

export const createCommitmentBody = z
  .object({
    code: z.string().trim().min(3).max(80).regex(/^[a-z0-9][a-z0-9-]*$/),
    areaCode: z.string().max(50),
    paragraph: z.number().int().min(1).max(999).nullish(),
    agreementCode: z.string().max(100).nullish(),
    clauseKey: z.string().max(20).nullish(),
    partyCodes: z.array(z.string().max(10)).min(1).max(4),
    ownerUnitId: z.uuid().nullable().describe('The unit that keeps this commitment and its figures'),
    title: textInput,
    description: textInput,
    dueBy: day.nullish(),
    duePeriod: period.nullish(),
  })
  .strict();

export const updateCommitmentBody = z
  .object({
    title: textInput,
    description: textInput,
    dueBy: day.nullable(),
    duePeriod: period.nullable(),
    status: commitmentStatus,
    /** Required with a change of status: why. */
    reason: z.string().trim().min(1).max(2000),
  })
  .partial()
  .strict()
  .refine((c) => c.status === undefined || c.reason !== undefined, { message: 'reason', path: ['reason'] });

export const createIndicatorBody = z
  .object({
    code: z.string().trim().min(3).max(80).regex(/^[a-z0-9][a-z0-9-]*$/),
    name: textInput,
    unit: z.string().trim().min(1).max(30).describe('pairs, people, projects, HKD, places …'),
    baseline: z.object({ value: figure, period: period.nullish(), date: day.nullish() }).strict().nullish(),
    targets: z.array(targetInput).max(5).default([]),
  })
  .strict();

export const recordMeasurementBody = z
  .object({
    value: figure,
    period: period.nullish(),
    date: day.nullish(),
    qualifier: qualifier.default('exactly'),
    source: z
      .object({ document: z.string().trim().max(300).nullish(), paragraph: z.number().int().min(1).max(999).nullish(), quote: z.string().trim().max(1000).nullish() })
      .strict()
      .describe('Where the figure comes from: document and paragraph, with the words quoted'),
  })
  .strict()
  .refine((m) => m.period || m.date, { message: 'period_or_date', path: ['date'] });

export const correctMeasurementBody = z
  .object({ value: figure, qualifier: qualifier.optional(), reason: z.string().trim().min(1).max(2000) })
  .strict();

export const asOf = asOfQuery;
export const codeOrIdParams = z.object({ id: z.uuid() });

export const targetProgressSchema = z.object({
  status: z.enum(['no_measurement', 'met', 'in_progress', 'missed']),
  measurementId: z.string().nullable(),
  current: z.number().nullable(),
  achieved: z.number().nullable(),
  fraction: z.number().nullable(),
  due: z.string().nullable(),
});

const measurementSchema = z.object({
  id: z.string(),
  value: z.number(),
  period: z.string().nullable(),
  date: z.string().nullable(),
  asOf: z.string(),
  qualifier: z.string(),
  source: z.record(z.string(), z.unknown()),
  enteredBy: z.string(),
  enteredAt: z.string(),
});

export const indicatorSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: localizedTextSchema,
  unit: z.string(),
  baseline: z.object({ value: z.number(), period: z.string().nullable(), date: z.string().nullable() }).nullable(),
  derivation: z.string().nullable().describe('Set when Liaison measures this figure from its own records'),
  current: z.object({ measurementId: z.string(), value: z.number(), asOf: z.string(), period: z.string().nullable(), qualifier: z.string() }).nullable(),
  targets: z.array(
    z.object({
      id: z.uuid(),
      comparator,
      value: z.number(),
      measure,
      period: z.string().nullable(),
      date: z.string().nullable(),
      text: localizedTextSchema,
      progress: targetProgressSchema,
    }),
  ),
  measurements: z.array(measurementSchema),
  series: z.array(z.object({ asOf: z.string(), value: z.number() })),
});

export const commitmentSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  area: z.object({ code: z.string(), name: localizedTextSchema }),
  paragraph: z.number().nullable().describe('Paragraph of the Joint Conference paper that records it'),
  agreement: z.object({ code: z.string(), title: localizedTextSchema }).nullable(),
  clauseKey: z.string().nullable(),
  partyCodes: z.array(z.string()),
  ownerUnit: z.object({ id: z.uuid(), code: z.string(), name: localizedTextSchema }).nullable(),
  ownerBody: localizedTextSchema.nullable(),
  title: localizedTextSchema,
  description: localizedTextSchema,
  dueBy: z.string().nullable(),
  duePeriod: z.string().nullable(),
  status: z.string(),
  statusReason: localizedTextSchema.nullable(),
  indicators: z.array(indicatorSchema),
});

export const commitmentDetailSchema = commitmentSchema.extend({
  timeline: z.array(z.object({ fromStatus: z.string().nullable(), toStatus: z.string(), reason: z.string(), changedBy: z.string(), changedAt: z.string() })),
  decisions: z.array(z.object({ plenaryCode: z.string(), text: localizedTextSchema })),
});

export const areaSchema = z.object({ code: z.string(), position: z.number(), paragraphs: z.array(z.number()), name: localizedTextSchema });

export const plenarySchema = z.object({
  code: z.string(),
  number: z.number(),
  name: localizedTextSchema,
  heldOn: z.string(),
  place: localizedTextSchema.nullable(),
  agreements: z.array(z.object({ code: z.string(), title: localizedTextSchema })),
  decisions: z.array(z.object({ text: localizedTextSchema, commitment: z.object({ id: z.uuid(), code: z.string(), title: localizedTextSchema, status: z.string() }) })),
  pressRelease: z
    .object({
      issuedOn: z.string(),
      about: localizedTextSchema,
      source: z.object({ document: z.string(), paragraph: z.number(), quote: z.string() }).describe('Where this is said, in its own words'),
    })
    .nullable()
    .describe("The plenary's press release, as far as a source says: its text is not kept unless a source gives it"),
});
