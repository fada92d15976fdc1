import { z } from 'zod';
import { day } from '../platform/schemas.ts';
import { localizedTextSchema } from '../accounts/schemas.ts';
import { exerciseKinds, planStatuses, sarPlaces, sarPortCodes, shipTypes } from '../../shared/modules/sar-plans.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullish();
const phone = z.string().trim().min(3).max(50).regex(/^[+\d][\d\s()-]*$/);

export const imoNumber = z
  .string()
  .trim()
  .regex(/^\d{7}$/)
  .describe('IMO ship identification number: seven digits, the last a check digit (the first six weighted 7, 6, 5, 4, 3, 2, summed, mod 10)');

export const routeSchema = z
  .object({ from: z.enum(sarPortCodes).describe('Passenger terminal of departure'), to: z.enum(sarPortCodes).describe('Passenger terminal of arrival') })
  .strict();

export const companyBody = z
  .object({
    registrationNo: text(40).regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/).describe("The company's registration number in its place: letters, digits, dashes"),
    place: z.enum(sarPlaces).describe('Where the company is registered: GD, HK or MO'),
    nameZh: text(200).describe('Chinese name as written (Simplified in Guangdong, Traditional in Hong Kong and Macao)'),
    nameEn: text(200).describe('English name'),
    address: optionalText(300),
    contactName: text(200).describe('24-hour emergency contact: who answers (a post or a person)'),
    contactPhone: phone.describe('24-hour emergency telephone'),
    contactEmail: z.email().max(200).nullish().describe('24-hour emergency e-mail'),
  })
  .strict();
export const updateCompanyBody = companyBody.omit({ registrationNo: true, place: true }).partial().strict();

export const shipBody = z
  .object({
    imoNumber,
    mmsi: z.string().trim().regex(/^\d{9}$/).describe('Maritime Mobile Service Identity: nine digits'),
    callSign: z.string().trim().min(3).max(10).regex(/^[A-Za-z0-9]+$/).describe('Radio call sign: letters and digits'),
    nameZh: text(200).describe("Chinese name as written in the ship's place"),
    nameEn: text(200).describe('English name'),
    place: z.enum(sarPlaces).describe('Where the ship is registered (its flag and registry): GD, HK or MO; its agency draws up its plan'),
    portOfRegistry: text(100),
    shipType: z.enum(shipTypes),
    passengerCapacity: z.number().int().min(1).max(5000).describe('Passengers it may carry'),
    companyId: z.uuid().describe('The operating company'),
    routes: z.array(routeSchema).min(1).max(20).describe('Scheduled routes, each between terminals of two of the three places'),
  })
  .strict();
export const updateShipBody = shipBody.omit({ imoNumber: true, place: true }).partial().strict();

const zhWritten = z
  .object({
    script: z.enum(['zh-Hant', 'zh-Hans']).describe('The script the Chinese text is written in; the other is made from it'),
    zh: text(20_000),
    en: text(20_000),
  })
  .strict();

export const rccModuleBody = z
  .object({
    rccName: localizedTextSchema.describe('The rescue co-ordination centre, in the three languages'),
    telephone: phone.describe('24-hour telephone of the centre'),
    fax: phone.nullish(),
    email: z.email().max(200).nullish(),
    mmsi: z.string().trim().regex(/^\d{9}$/).nullish().describe('The centre’s coast station MMSI'),
    vhf: optionalText(100).describe('VHF channels watched'),
    address: zhWritten.describe('Address'),
    procedures: zhWritten.describe('How the centre works with a passenger ship in distress'),
    changeNote: optionalText(2000).describe('What this version changes'),
  })
  .strict();

const facilityBody = z
  .object({
    place: z.enum(sarPlaces),
    kind: z.enum(['vessel', 'aircraft', 'shore']),
    nameZh: text(200),
    nameEn: text(200),
    contact: optionalText(200),
  })
  .strict();

export const planBody = z
  .object({
    shipId: z.uuid().describe('The ship the plan is for'),
    facilities: z.array(facilityBody).max(50).default([]).describe('Module 4: SAR facilities'),
    notes: optionalText(10_000),
  })
  .strict();
export const updatePlanBody = planBody.omit({ shipId: true }).partial().strict();

export const reasonBody = z.object({ reason: text(2000).describe('Why') }).strict();
export const commentBody = z.object({ comment: optionalText(2000) }).strict();
export const acknowledgeBody = z.object({ receivedBy: optionalText(200).describe('For the company’s or the ship’s copy: who received it there') }).strict();

export const exerciseBody = z
  .object({
    kind: z.enum(exerciseKinds),
    heldOn: day,
    participants: z.array(text(200)).min(1).max(50).describe('Who took part: agencies, the company, the ship, others'),
    findings: text(20_000),
    followUpActions: z
      .array(z.object({ action: text(2000), owner: text(200), dueOn: day.nullish() }).strict())
      .max(50)
      .default([])
      .describe('What is to be done after, by whom, by when'),
  })
  .strict();

export const importBody = z
  .object({
    format: z.enum(['csv', 'xlsx']),
    content: z.string().min(1).max(8_000_000).describe('The CSV text, or the XLSX file in base64'),
  })
  .strict();
export const exportQuery = z.object({ format: z.enum(['csv', 'xlsx']).default('csv'), place: z.enum(sarPlaces).optional() });
export const registerKindParams = z.object({ kind: z.enum(['ships', 'companies']) });
export const idParams = z.object({ id: z.uuid() });
export const copyParams = z.object({ id: z.uuid(), copyId: z.uuid() });
export const langQuery = z.object({ lang: z.enum(['en', 'zh-Hant', 'zh-Hans']).optional() });
export const plansQuery = z.object({ status: z.enum(planStatuses).optional(), place: z.enum(sarPlaces).optional() });
export const listQuery = z.object({ place: z.enum(sarPlaces).optional() });

// Answers.
const name = localizedTextSchema.extend({ asWritten: z.string() });
const unitRef = z.object({ id: z.uuid(), code: z.string(), partyCode: z.string(), name: localizedTextSchema });

export const meSchema = z.object({ agency: unitRef.nullable(), place: z.enum(sarPlaces).nullable(), mayEdit: z.boolean() });

export const companySchema = z.object({
  id: z.uuid(),
  registrationNo: z.string(),
  place: z.string(),
  name,
  address: z.string().nullable(),
  contact: z.object({ name: z.string(), phone: z.string(), email: z.string().nullable() }),
  isSample: z.boolean(),
  mayEdit: z.boolean(),
  updatedAt: z.string(),
});

const changeSchema = z.object({ change: z.string(), fields: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })), actor: z.string(), at: z.string() });
export const companyDetailSchema = companySchema.extend({ history: z.array(changeSchema) });

export const shipSchema = z.object({
  id: z.uuid(),
  imoNumber: z.string(),
  mmsi: z.string(),
  callSign: z.string(),
  name,
  place: z.string(),
  portOfRegistry: z.string(),
  shipType: z.string(),
  passengerCapacity: z.number().int(),
  company: z.object({ id: z.uuid(), name, isSample: z.boolean() }),
  routes: z.array(z.object({ from: z.string(), to: z.string() })),
  isSample: z.boolean(),
  mayEdit: z.boolean(),
  planId: z.uuid().nullable(),
  updatedAt: z.string(),
});
export const shipDetailSchema = shipSchema.extend({ history: z.array(changeSchema) });

export const importPreviewSchema = z.object({
  counts: z.object({ create: z.number().int(), update: z.number().int(), unchanged: z.number().int(), error: z.number().int() }),
  rows: z.array(z.object({ row: z.number().int(), key: z.string().nullable(), action: z.enum(['create', 'update', 'unchanged', 'error']), errors: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })) })),
});

const rccContent = z.object({
  rccName: localizedTextSchema,
  telephone: z.string(),
  fax: z.string().nullable(),
  email: z.string().nullable(),
  mmsi: z.string().nullable(),
  vhf: z.string().nullable(),
  address: localizedTextSchema,
  procedures: localizedTextSchema,
});
export const rccModuleSchema = z.object({ id: z.uuid(), agency: unitRef, version: z.number().int(), content: rccContent, changeNote: z.string().nullable(), isSample: z.boolean(), issuedAt: z.string(), issuedBy: z.string(), current: z.boolean() });

const moduleChange = z.object({ field: z.string(), from: z.unknown(), to: z.unknown() });
const carried = z.object({
  agency: unitRef,
  version: z.number().int(),
  currentVersion: z.number().int(),
  current: z.boolean(),
  moduleId: z.uuid(),
  content: rccContent,
  isSample: z.boolean(),
  changes: z.array(moduleChange).describe('What the current version changes from the one the plan carries'),
});
const copySchema = z.object({
  id: z.uuid(),
  revision: z.number().int(),
  number: z.number().int(),
  label: z.string().describe('The copy’s number as printed: reference, revision and copy'),
  holder: z.string(),
  holderUnit: unitRef.nullable(),
  holderName: z.string(),
  issuedAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
  supersededAt: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  withdrawnBy: z.string().nullable(),
  state: z.enum(['awaiting_receipt', 'held', 'awaiting_withdrawal', 'withdrawn']),
  mayAcknowledge: z.boolean(),
});
const exerciseSchema = z.object({ id: z.uuid(), kind: z.string(), heldOn: z.string(), participants: z.array(z.string()), findings: z.string(), followUpActions: z.array(z.object({ action: z.string(), owner: z.string(), dueOn: z.string().nullable() })), recordedBy: z.string(), createdAt: z.string() });
const recognitionSchema = z.object({ agency: unitRef, revision: z.number().int(), recognisedBy: z.string(), recognisedAt: z.string(), comment: z.string().nullable() });

export const planSummarySchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  status: z.string(),
  revision: z.number().int(),
  owner: unitRef,
  ship: z.object({ id: z.uuid(), name, imoNumber: z.string(), isSample: z.boolean() }),
  valid: z.boolean().describe('Carries every agency’s current Module 3'),
  outdatedAgencies: z.array(z.string()),
  recognisedBy: z.array(z.string()).describe('Agencies (unit codes) that recognised the current revision'),
  exerciseDueOn: z.string().nullable(),
  exerciseOverdue: z.boolean(),
  issuedAt: z.string().nullable(),
  updatedAt: z.string(),
});

export const planDetailSchema = planSummarySchema.extend({
  company: companySchema,
  shipModule: shipSchema,
  modules: z.array(carried),
  facilities: z.array(z.object({ place: z.string(), kind: z.string(), name: localizedTextSchema, contact: z.string().nullable() })),
  notes: z.string().nullable(),
  registerChanges: z.array(z.object({ module: z.enum(['company', 'ship']), field: z.string(), from: z.unknown(), to: z.unknown() })).describe('What changed in the company or ship since the current revision was issued'),
  copies: z.array(copySchema),
  recognitions: z.array(recognitionSchema),
  awaitingRecognitionFrom: z.array(z.string()),
  exercises: z.array(exerciseSchema),
  withdrawnAt: z.string().nullable(),
  withdrawReason: z.string().nullable(),
  may: z.object({ edit: z.boolean(), issue: z.boolean(), withdraw: z.boolean(), recognise: z.boolean(), recordExercise: z.boolean() }),
});

const dashboardItem = z.object({ planId: z.uuid(), reference: z.string(), ship: name, isSample: z.boolean(), detail: z.string().nullable() });
export const dashboardSchema = z.object({
  agency: unitRef,
  plansDue: z.array(dashboardItem.extend({ reasons: z.array(z.enum(['module_superseded', 'register_changed', 'never_issued'])) })),
  copiesUnacknowledged: z.array(dashboardItem.extend({ copyId: z.uuid(), label: z.string(), state: z.string() })),
  plansNotRecognised: z.array(dashboardItem.extend({ awaiting: z.array(z.string()) })),
  awaitingMyRecognition: z.array(dashboardItem),
  exercisesOverdue: z.array(dashboardItem.extend({ dueOn: z.string() })),
});
