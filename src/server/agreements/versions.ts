import { asc, eq, sql } from 'drizzle-orm';
import type { Context, Viewer } from '../platform/context.ts';
import type { DbOrTx } from '../db/types.ts';
import { AppError, forbidden, notFound } from '../platform/errors.ts';
import { agreementParties, agreements, agreementVersions, type LocalizedText } from '../db/schema.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { toSimplified } from '../../shared/script.ts';
import { parseClauses } from './clauses.ts';

type Script = 'zh-Hant' | 'zh-Hans';
const scripts: Script[] = ['zh-Hant', 'zh-Hans'];

export type AgreementVersion = {
  number: number;
  agreedBy: string[];
  agreedOn: string;
  inForceFrom: string;
  fullText: Record<Script, string>;
  note: LocalizedText | null;
  /** Who recorded it in Liaison: null for version 1, which comes from the reference data. */
  recordedBy: string | null;
  recordedAt: string | null;
};

/** Every version of an agreement, oldest first: 1 is the text signed, then its amendments. */
export async function listVersions(ctx: Context, options: { code: string }): Promise<AgreementVersion[]> {
  return versionsIn(ctx.db, options.code);
}

/** The versions as db sees them (a transaction holding the agreement's lock sees every one recorded before). */
async function versionsIn(db: DbOrTx, code: string): Promise<AgreementVersion[]> {
  const [signed] = await db.select().from(agreements).where(eq(agreements.code, code));
  if (!signed) throw notFound('agreement');
  const [parties, amendments] = await Promise.all([
    db.select({ code: agreementParties.partyCode }).from(agreementParties).where(eq(agreementParties.agreementCode, code)),
    db.select().from(agreementVersions).where(eq(agreementVersions.agreementCode, code)).orderBy(asc(agreementVersions.number)),
  ]);
  const first: AgreementVersion = {
    number: 1,
    agreedBy: parties.map((p) => p.code).sort(),
    agreedOn: signed.signedOn,
    // The agreements say when they take effect (e.g. 自簽署之日起生效); without a date, from signing.
    inForceFrom: signed.entryIntoForce.date ?? signed.signedOn,
    fullText: { 'zh-Hant': signed.fullTextHant, 'zh-Hans': signed.fullTextHans },
    note: null,
    recordedBy: null,
    recordedAt: null,
  };
  return [
    first,
    ...amendments.map((v) => ({
      number: v.number,
      agreedBy: v.agreedBy,
      agreedOn: v.agreedOn,
      inForceFrom: v.inForceFrom,
      fullText: { 'zh-Hant': v.fullTextHant, 'zh-Hans': v.fullTextHans },
      note: v.note,
      recordedBy: v.recordedBy,
      recordedAt: v.recordedAt.toISOString(),
    })),
  ];
}

/** The version in force on a day: the latest to have come into force by then; null before the first. */
export async function versionInForce(ctx: Context, options: { code: string; on: string }): Promise<AgreementVersion | null> {
  const versions = await listVersions(ctx, options);
  return versions.filter((v) => v.inForceFrom <= options.on).at(-1) ?? null;
}

export type ClauseChange = {
  /** The clause's address ("4", "2.3"), or "preamble" / "closing" for the text around the clauses. */
  key: string;
  label: string | null;
  change: 'added' | 'removed' | 'changed' | 'unchanged';
  before: Record<Script, string> | null;
  after: Record<Script, string> | null;
};

/** A clause as one text: its heading line, if any, then its paragraphs. */
function clauseTexts(fullText: string) {
  const parsed = parseClauses(fullText);
  const texts = new Map<string, { label: string | null; text: string }>([['preamble', { label: null, text: parsed.preamble }]]);
  for (const c of parsed.clauses) texts.set(c.key, { label: c.label, text: [c.heading, c.text].filter(Boolean).join('\n') });
  texts.set('closing', { label: null, text: parsed.closing });
  return texts;
}

/** Clause by clause, what changed from one version to another, in both scripts. */
export async function diffVersions(ctx: Context, options: { code: string; from: number; to: number }): Promise<ClauseChange[]> {
  const versions = await listVersions(ctx, options);
  const from = versions.find((v) => v.number === options.from);
  const to = versions.find((v) => v.number === options.to);
  if (!from || !to) throw notFound('agreement_version');
  const before = Object.fromEntries(scripts.map((s) => [s, clauseTexts(from.fullText[s])])) as Record<Script, ReturnType<typeof clauseTexts>>;
  const after = Object.fromEntries(scripts.map((s) => [s, clauseTexts(to.fullText[s])])) as Record<Script, ReturnType<typeof clauseTexts>>;
  // In the order of the later text, with removed clauses where they stood.
  const keys = [...new Set([...after['zh-Hant'].keys(), ...before['zh-Hant'].keys()])];
  const pick = (texts: Record<Script, ReturnType<typeof clauseTexts>>, key: string) =>
    texts['zh-Hant'].has(key) ? { 'zh-Hant': texts['zh-Hant'].get(key)!.text, 'zh-Hans': texts['zh-Hans'].get(key)?.text ?? toSimplified(texts['zh-Hant'].get(key)!.text) } : null;
  return keys.map((key) => {
    const was = pick(before, key);
    const now = pick(after, key);
    const change = !was ? 'added' : !now ? 'removed' : was['zh-Hant'] === now['zh-Hant'] && was['zh-Hans'] === now['zh-Hans'] ? 'unchanged' : 'changed';
    const label = after['zh-Hant'].get(key)?.label ?? before['zh-Hant'].get(key)?.label ?? null;
    return { key, label, change, before: was, after: now };
  });
}

/**
 * Records an amendment agreed by the parties: the whole new text (Traditional as agreed; the
 * Simplified made from it unless given), who agreed it, when, and from when it is in force.
 * The platform administrator records it; the audit trail keeps who and when.
 */
export async function amendAgreement(
  ctx: Context,
  options: { viewer: Viewer; code: string; agreedBy: string[]; agreedOn: string; inForceFrom: string; text: { 'zh-Hant': string; 'zh-Hans'?: string | null }; note?: LocalizedText | null },
) {
  const { viewer } = options;
  if (!viewer.isPlatformAdmin) throw forbidden('only the platform administrator records amendments');
  return ctx.db.transaction(async (tx) => {
    // One amendment at a time per agreement, each checked against the versions recorded before
    // it: under the lock, so two recorded at once cannot both pass against the same last one.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`agreement-version:${options.code}`}))`);
    const versions = await versionsIn(tx, options.code);
    const last = versions.at(-1)!;
    const parties = versions[0].agreedBy;
    const fields: { field: string; code: string }[] = [];
    // An amendment is by mutual consent (e.g. 經雙方同意): every party to the agreement, and only they.
    const agreedBy = [...new Set(options.agreedBy)].sort();
    if (agreedBy.join() !== parties.join()) fields.push({ field: 'agreedBy', code: 'all_parties' });
    if (options.agreedOn < last.agreedOn) fields.push({ field: 'agreedOn', code: 'before_previous' });
    if (options.inForceFrom < options.agreedOn) fields.push({ field: 'inForceFrom', code: 'before_agreed' });
    else if (options.inForceFrom <= last.inForceFrom) fields.push({ field: 'inForceFrom', code: 'before_previous' });
    const hant = options.text['zh-Hant'].trim();
    if (hant === last.fullText['zh-Hant'].trim()) fields.push({ field: 'text', code: 'unchanged_text' });
    if (fields.length) throw new AppError('validation.failed', { fields });
    const hans = options.text['zh-Hans']?.trim() || toSimplified(hant);
    const number = last.number + 1;
    await tx.insert(agreementVersions).values({
      agreementCode: options.code,
      number,
      agreedBy,
      agreedOn: options.agreedOn,
      inForceFrom: options.inForceFrom,
      fullTextHant: hant,
      fullTextHans: hans,
      note: options.note ?? null,
      recordedBy: viewer.username,
      recordedAt: ctx.clock.now(),
    });
    await recordAudit(tx, ctx.clock, {
      actor: { id: viewer.userId, label: viewer.username },
      action: 'agreement.amended',
      entityType: 'agreement',
      entityId: options.code,
      data: { number, agreedBy, agreedOn: options.agreedOn, inForceFrom: options.inForceFrom, note: options.note ?? null },
    });
    return number;
  });
}
