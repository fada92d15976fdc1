import { z } from 'zod';
import { day } from '../platform/schemas.ts';
import { localizedTextSchema } from '../accounts/schemas.ts';
import {
  authorityRoles,
  handlingCodes,
  instrumentStatuses,
  instrumentTypes,
  ipJurisdictions,
  ipSubjects,
  leadChannels,
  leadOutcomes,
  leadPartyRoles,
  leadStatuses,
  relationKinds,
  revisionStatuses,
  riskLevels,
  textLanguages,
} from '../../shared/modules/ip.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullish();
const link = z.url({ protocol: /^https?$/ }).max(1000);

export const instrumentCode = z
  .string()
  .trim()
  .min(2)
  .max(80)
  .regex(/^[a-z0-9][a-z0-9-]*$/)
  .describe('The entry’s code in the database, lower case with dashes (hk-cap-528)');

const versionSchema = z
  .object({
    label: z.object({ zh: text(200), en: text(200) }).strict().describe('What the version is: as enacted, the 2020 amendment'),
    adoptedOn: day.nullable().describe('Day the version was adopted or enacted; null where not known for certain'),
    inForceOn: day.nullable().describe('Day it came into force'),
    amendingAct: optionalText(500).describe('The act that made it'),
    texts: z
      .array(z.object({ language: z.enum(textLanguages), official: z.boolean().describe('The official text (true) or a translation (false)'), url: link }).strict())
      .max(6)
      .describe('Where the text is read: its official source, and translations'),
  })
  .strict();

/** What a revision proposes: the whole entry as it will be published. */
export const instrumentContentSchema = z
  .object({
    code: instrumentCode,
    jurisdiction: z.enum(ipJurisdictions).describe('CN: national law of the Mainland; GD: Guangdong; HK; MO'),
    subjects: z.array(z.enum(ipSubjects)).min(1).max(7),
    type: z.enum(instrumentTypes),
    number: optionalText(100).describe('Number or chapter (Cap. 528, 97/99/M)'),
    titleZh: text(300).describe('Title as enacted, in its own script'),
    titleEn: text(300).describe('Title in English'),
    titlePt: optionalText(300).describe('Title in Portuguese (Macao)'),
    enactedOn: day.nullable(),
    inForceOn: day.nullable(),
    repealedOn: day.nullable(),
    status: z.enum(instrumentStatuses),
    summaryZh: optionalText(4000).describe('Our summary in Chinese'),
    summaryEn: optionalText(4000).describe('Our summary in English'),
    officialUrl: link.describe('The official source of the text'),
    versions: z.array(versionSchema).max(50).default([]),
    relations: z
      .array(z.object({ kind: z.enum(relationKinds), to: instrumentCode.describe('The other instrument’s code') }).strict())
      .max(50)
      .default([]),
  })
  .strict();

export const updateEntrySchema = z
  .object({
    on: day.describe('Day of the change'),
    titleZh: text(300),
    titleEn: text(300),
    summaryZh: optionalText(2000),
    summaryEn: optionalText(2000),
  })
  .strict()
  .describe('An entry for the latest updates, published with the revision');

export const revisionBody = z.object({ content: instrumentContentSchema, update: updateEntrySchema.nullish() }).strict();
export const revisionEditBody = z.object({ content: instrumentContentSchema.optional(), update: updateEntrySchema.nullish() }).strict();
export const returnBody = z.object({ comment: text(2000).describe('What to change') }).strict();

export const instrumentsQuery = z.object({
  q: z.string().trim().max(200).optional().describe('Words in English or Chinese, in either script'),
  jurisdiction: z.enum(ipJurisdictions).optional(),
  subject: z.enum(ipSubjects).optional(),
  type: z.enum(instrumentTypes).optional(),
  status: z.enum(instrumentStatuses).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export const compareQuery = z.object({ subject: z.enum(ipSubjects), perPlace: z.coerce.number().int().min(1).max(200).default(50).describe('How many instruments of each place to show') });
export const updatesQuery = z.object({ jurisdiction: z.enum(ipJurisdictions).optional(), limit: z.coerce.number().int().min(1).max(100).default(30), offset: z.coerce.number().int().min(0).max(10_000).default(0) });
export const feedQuery = z.object({ lang: z.enum(['en', 'zh-Hant', 'zh-Hans']).optional().describe('Language of the feed; else the request’s') });
export const authoritiesQuery = z.object({ jurisdiction: z.enum(ipJurisdictions).optional(), role: z.enum(authorityRoles).optional() });
export const revisionsQuery = z.object({ status: z.enum(revisionStatuses).optional() });
export const codeParams = z.object({ code: instrumentCode });
export const authorityParams = z.object({ code: z.string().regex(/^[a-z0-9-]{2,60}$/) });
export const idParams = z.object({ id: z.uuid() });

export const authorityBody = z
  .object({
    nameZh: text(300),
    nameEn: text(300),
    namePt: optionalText(300),
    address: optionalText(500),
    phone: optionalText(100),
    email: z.email().max(200).nullish(),
    website: link,
    sourceUrl: link.describe('Where the contacts were taken from'),
  })
  .partial()
  .strict();

export const programmeUpdateBody = z
  .object({
    status: z.enum(['not_started', 'in_progress', 'achieved', 'overtaken', 'dropped']).optional().describe('The item’s status after this update; unchanged if left out'),
    note: text(2000).describe('What was done: an event held, a step taken, with its figures'),
  })
  .strict();
export const programmeParams = z.object({ code: z.string().regex(/^ip-item-\d{1,2}$/) });

/** A party to a lead, as the sender knows them (nCEN): kept apart from the anonymised lead. */
export const leadPartyBody = z
  .object({
    role: z.enum(leadPartyRoles),
    name: text(200).describe('Name of the person or company as known'),
    idNumber: optionalText(50).describe('Identity card, passport or business registration number'),
    address: optionalText(500),
    company: optionalText(200).describe('Company the person acts for'),
  })
  .strict();
export const leadBody = z
  .object({
    toUnitId: z.uuid().describe('The enforcement unit of the other side the lead is addressed to'),
    channel: z.enum(leadChannels),
    goods: text(500).describe('Goods suspected of infringing'),
    brands: z.array(text(100)).max(20).default([]).describe('Brands or works infringed'),
    quantity: optionalText(200),
    route: optionalText(500).describe('Route: origin, transit, destination, ports'),
    summary: text(5000).describe('The lead: what is known, from where, how reliable'),
    riskLevel: z.enum(riskLevels),
    riskAssessment: optionalText(5000).describe('Why this risk level (重點開展風險分析)'),
    handlingCode: z
      .enum(handlingCodes)
      .default('addressee_only')
      .describe('addressee_only: the addressed unit alone, never passed on; may_pass_on_with_consent: the sender consents to the addressee passing it on to enforcement units of its own side'),
    parties: z.array(leadPartyBody).max(20).default([]).describe('The parties’ personal data, kept apart from the lead and shown only to the approvers of the two units'),
  })
  .strict();
export const passOnBody = z
  .object({
    toUnitId: z.uuid().describe('Another enforcement unit of the addressee’s own side'),
    comment: optionalText(2000).describe('Why it is passed on'),
  })
  .strict();
export const operationBody = z
  .object({
    name: text(200).describe('The operation’s name, as its members know it'),
    description: optionalText(2000).describe('Its aim: goods, routes, channels targeted'),
    startsOn: day.describe('First day of the operation'),
    endsOn: day.describe('Last day of the operation: leads are attached until then'),
    memberUnitIds: z.array(z.uuid()).min(1).max(20).describe('Enforcement units of both sides taking part (the unit setting it up is a member anyway)'),
  })
  .strict();
export const attachLeadBody = z.object({ leadId: z.uuid().describe('A lead the attaching unit reads itself') }).strict();
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).describe('YYYY-MM');
export const analysisQuery = z.object({
  from: month.optional().describe('First month (default: eleven months before `to`)'),
  to: month.optional().describe('Last month (default: this month, in the region’s time)'),
});
export const leadQuery = z.object({ include: z.enum(['parties']).optional().describe('parties: the parties’ personal data too, if the viewer is cleared for it (the view is recorded)') });
export const acknowledgeBody = z.object({ comment: optionalText(2000) }).strict();
export const answerBody = z.object({ outcome: z.enum(leadOutcomes), feedback: text(5000).describe('What was done with the lead and what came of it') }).strict();
export const leadsQuery = z.object({ box: z.enum(['sent', 'received']).default('received'), status: z.enum(leadStatuses).optional() });

// Answers.
const versionOut = z.object({
  label: z.object({ zh: z.string(), en: z.string() }),
  adoptedOn: z.string().nullable(),
  inForceOn: z.string().nullable(),
  amendingAct: z.string().nullable(),
  texts: z.array(z.object({ language: z.string(), official: z.boolean(), url: z.string() })),
});
const titleOut = localizedTextSchema.extend({ asWritten: z.string(), pt: z.string().nullable() });
export const instrumentSummarySchema = z.object({
  id: z.uuid(),
  code: z.string(),
  jurisdiction: z.string(),
  place: z.string().describe('mainland, HK or MO'),
  subjects: z.array(z.string()),
  type: z.string(),
  number: z.string().nullable(),
  title: titleOut.describe('The title as enacted, in both Chinese scripts (converted from the one it was written in), English and Portuguese'),
  enactedOn: z.string().nullable(),
  inForceOn: z.string().nullable(),
  repealedOn: z.string().nullable(),
  status: z.string(),
  summary: z.object({ zh: z.string().nullable(), en: z.string().nullable() }).describe('Ours, not the law’s'),
  officialUrl: z.string(),
  publishedAt: z.string(),
});
export const instrumentPageSchema = z.object({ total: z.number().int(), instruments: z.array(instrumentSummarySchema) });
const updateOut = z.object({
  id: z.uuid(),
  on: z.string(),
  jurisdiction: z.string(),
  instrumentCode: z.string().nullable(),
  title: localizedTextSchema,
  summary: z.object({ zh: z.string().nullable(), en: z.string().nullable() }),
  sourceUrl: z.string().nullable(),
  publishedAt: z.string(),
});
export const updateListSchema = z.array(updateOut);
export const instrumentDetailSchema = instrumentSummarySchema.extend({
  versions: z.array(versionOut),
  relations: z.array(z.object({ kind: z.string(), direction: z.enum(['outgoing', 'incoming']).describe('outgoing: this one amends the other; incoming: the other amends this one'), other: instrumentSummarySchema.pick({ code: true, jurisdiction: true, title: true, number: true, status: true }) })),
  updates: updateListSchema,
  canPropose: z.boolean().describe('The viewer may propose a change (an IP unit of the side that keeps this jurisdiction)'),
});
export const compareSchema = z.object({ subject: z.string(), places: z.array(z.object({ place: z.string(), total: z.number().int().describe('In-force instruments of the place on the subject, of which the first are shown'), instruments: z.array(instrumentSummarySchema) })) });
export const authoritySchema = z.object({
  code: z.string(),
  jurisdiction: z.string(),
  place: z.string(),
  roles: z.array(z.string()),
  subjects: z.array(z.string()),
  name: titleOut,
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string(),
  sourceUrl: z.string(),
  updatedAt: z.string(),
  canEdit: z.boolean(),
});
/** A content as answered: the shape of instrumentContentSchema, as stored. */
export const contentOutSchema = z.object({
  code: z.string(),
  jurisdiction: z.string(),
  subjects: z.array(z.string()),
  type: z.string(),
  number: z.string().nullable(),
  titleZh: z.string(),
  titleEn: z.string(),
  titlePt: z.string().nullable(),
  enactedOn: z.string().nullable(),
  inForceOn: z.string().nullable(),
  repealedOn: z.string().nullable(),
  status: z.string(),
  summaryZh: z.string().nullable(),
  summaryEn: z.string().nullable(),
  officialUrl: z.string(),
  versions: z.array(versionOut),
  relations: z.array(z.object({ kind: z.string(), to: z.string() })),
});
export const revisionSchema = z.object({
  id: z.uuid(),
  instrumentId: z.uuid().nullable(),
  jurisdiction: z.string(),
  content: contentOutSchema,
  update: z.object({ on: z.string(), titleZh: z.string(), titleEn: z.string(), summaryZh: z.string().nullable(), summaryEn: z.string().nullable() }).nullable(),
  status: z.string(),
  author: z.string(),
  submittedAt: z.string().nullable(),
  reviewer: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewComment: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  can: z.object({ edit: z.boolean(), submit: z.boolean(), publish: z.boolean(), return: z.boolean() }),
});
export const ipMeSchema = z.object({
  ipUnit: z.boolean(),
  enforcement: z.boolean(),
  party: z.string().nullable(),
  keeps: z.array(z.string()).describe('The jurisdictions whose entries the viewer may propose changes to'),
  approver: z.boolean(),
});
export const programmeItemSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  clause: z.string().nullable(),
  parties: z.array(z.string()),
  owner: z.object({ unit: z.object({ id: z.uuid(), code: z.string(), name: localizedTextSchema }).nullable(), body: localizedTextSchema.nullable() }),
  title: localizedTextSchema,
  description: localizedTextSchema,
  dueBy: z.string().nullable(),
  status: z.string(),
  timeline: z.array(z.object({ from: z.string().nullable(), to: z.string(), note: z.string(), by: z.string(), at: z.string() })),
  canUpdate: z.boolean(),
});
const unitOut = z.object({ id: z.uuid(), code: z.string(), partyCode: z.string(), name: localizedTextSchema });
export const enforcementUnitSchema = unitOut;
export const leadPartySchema = z.object({ role: z.string(), name: z.string(), idNumber: z.string().nullable(), address: z.string().nullable(), company: z.string().nullable() });
export const leadSchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  from: unitOut,
  to: unitOut,
  channel: z.string(),
  goods: z.string(),
  brands: z.array(z.string()),
  quantity: z.string().nullable(),
  route: z.string().nullable(),
  summary: z.string(),
  riskLevel: z.string(),
  riskAssessment: z.string().nullable(),
  handlingCode: z.string(),
  status: z.string(),
  outcome: z.string().nullable(),
  feedback: z.string().nullable(),
  sentBy: z.string(),
  sentAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  answeredAt: z.string().nullable(),
  passedTo: z.array(unitOut).describe('Units of the addressee’s side it was passed on to'),
  history: z.array(z.object({ kind: z.string(), unitId: z.uuid(), actor: z.string(), comment: z.string().nullable(), at: z.string() })),
  passOnTo: z.array(unitOut).describe('Units the viewer may pass it on to (empty unless its handling code allows)'),
  can: z.object({ acknowledge: z.boolean(), answer: z.boolean(), passOn: z.boolean(), viewParties: z.boolean() }),
  parties: z.array(leadPartySchema).optional().describe('Only with include=parties and only for a viewer cleared for it'),
});

export const operationSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  startsOn: z.string(),
  endsOn: z.string(),
  state: z.enum(['upcoming', 'running', 'ended']),
  members: z.array(unitOut),
  createdBy: z.string(),
  createdAt: z.string(),
  results: z.record(z.string(), z.number()).describe('Attached leads in all (leads), by outcome, and pending (not answered yet)'),
  leads: z.array(
    z.object({
      id: z.uuid(),
      reference: z.string(),
      channel: z.string(),
      status: z.string(),
      outcome: z.string().nullable(),
      from: unitOut,
      to: unitOut,
      goods: z.string().nullable().describe('Only where the viewer’s unit reads the lead itself'),
      readable: z.boolean(),
      attachedBy: unitOut,
      attachedAt: z.string(),
    }),
  ),
  can: z.object({ attach: z.boolean() }),
});

const countOut = z.object({ key: z.string(), count: z.number().int() });
export const analysisSchema = z.object({
  from: z.string(),
  to: z.string(),
  total: z.number().int(),
  byChannel: z.array(countOut),
  byGoods: z.array(countOut).describe('The ten goods most often named (as written, in lower case)'),
  byRoute: z.array(countOut).describe('The ten routes most often named; an empty key: no route given'),
  byMonth: z.array(z.object({ month: z.string(), total: z.number().int(), seizures: z.number().int(), byChannel: z.record(z.string(), z.number().int()) })),
});
