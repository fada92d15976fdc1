import type { Basis, Category, Classification, CreateNotificationInput, NotificationDetail, RiskDecision, Script, UpdateNotificationInput } from '../lib/types.ts';

export type Row<K extends string> = Record<K, string>;
export const productKeys = ['name', 'category', 'brand', 'lot', 'origin', 'hsCode'] as const;
export const hazardKeys = ['agent', 'result', 'unit', 'limit'] as const;
export const distributionKeys = ['area', 'details'] as const;
export type ProductRow = Row<(typeof productKeys)[number]>;
export type HazardRow = Row<(typeof hazardKeys)[number]>;
export type DistributionRow = Row<(typeof distributionKeys)[number]>;

/** The compose form as the officer fills it in: every text as typed, choices possibly not made yet. */
export type ComposeValues = {
  recipientUnitId: string | null;
  category: Category | null;
  classification: Classification | null;
  riskDecision: RiskDecision;
  basis: Basis | null;
  script: Script;
  title: string;
  scope: string;
  measures: string;
  attention: string;
  summaryEn: string;
  products: ProductRow[];
  hazards: HazardRow[];
  distribution: DistributionRow[];
  customsChannel: boolean;
};

export const textKeys = ['title', 'scope', 'measures', 'attention'] as const;
export type TextKey = (typeof textKeys)[number];
/** Clause 1: a notification states the scope of the event, the control measures taken and the matters needing attention. */
export const clause1Keys = ['scope', 'measures', 'attention'] as const;

export const emptyRow = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, ''])) as Row<K>;

export function emptyValues(script: Script): ComposeValues {
  return {
    recipientUnitId: null,
    category: null,
    classification: null,
    riskDecision: 'undecided',
    basis: null,
    script,
    title: '',
    scope: '',
    measures: '',
    attention: '',
    summaryEn: '',
    products: [],
    hazards: [],
    distribution: [],
    customsChannel: false,
  };
}

const rowsOf = <K extends string>(keys: readonly K[], rows: Record<string, string | null>[]) =>
  rows.map((r) => Object.fromEntries(keys.map((k) => [k, r[k] ?? ''])) as Row<K>);

/** A draft being edited: its text as the author wrote it (the authoritative script). */
export function valuesOf(n: NotificationDetail): ComposeValues {
  const text = n.text[n.authoritativeScript];
  return {
    recipientUnitId: n.recipient.id,
    category: n.category as Category,
    classification: n.classification as Classification,
    riskDecision: n.riskDecision as RiskDecision,
    basis: n.basis as Basis,
    script: n.authoritativeScript,
    ...text,
    summaryEn: n.summaryEn ?? '',
    products: rowsOf(productKeys, n.products),
    hazards: rowsOf(hazardKeys, n.hazards),
    distribution: rowsOf(distributionKeys, n.distribution),
    customsChannel: n.customs.channel,
  };
}

/** The text fields clause 1 (and a title) need before submitting that are still empty. */
export const missingContents = (v: ComposeValues): TextKey[] => textKeys.filter((k) => !v[k].trim());

/** The choices a notification needs before submitting, in the order the form asks for them. */
export const requiredChoices = ['recipientUnitId', 'category', 'classification', 'basis'] as const;
export type ChoiceKey = (typeof requiredChoices)[number];
export const missingChoicesOf = (v: ComposeValues): ChoiceKey[] => requiredChoices.filter((k) => !v[k]);

/** Rows left wholly empty are dropped; empty cells are sent as null. The first column is required and kept as typed. */
function cleanRows<K extends string>(keys: readonly K[], rows: Row<K>[]) {
  const [first, ...rest] = keys;
  return rows
    .filter((r) => keys.some((k) => r[k].trim()))
    .map((r) => ({ [first]: r[first].trim(), ...Object.fromEntries(rest.map((k) => [k, r[k].trim() || null])) }) as Record<K, string>);
}

function fields(v: ComposeValues) {
  return {
    // A choice not made yet is left out, for the server to name as missing.
    category: v.category ?? undefined,
    classification: v.classification ?? undefined,
    riskDecision: v.riskDecision,
    basis: v.basis ?? undefined,
    script: v.script,
    text: { title: v.title.trim(), scope: v.scope.trim(), measures: v.measures.trim(), attention: v.attention.trim() },
    summaryEn: v.summaryEn.trim() || null,
    products: cleanRows(productKeys, v.products),
    hazards: cleanRows(hazardKeys, v.hazards),
    distribution: cleanRows(distributionKeys, v.distribution),
    customsChannel: v.customsChannel,
  };
}

export const createInput = (v: ComposeValues) => ({ ...fields(v), recipientUnitId: v.recipientUnitId ?? undefined }) as CreateNotificationInput;
export const updateInput = (v: ComposeValues): UpdateNotificationInput => fields(v);
