import type { Context } from '../platform/context.ts';
import { notFound } from '../platform/errors.ts';
import { agreementsWithPlenary, clauseCounts, clausesOf, designatedUnits, findAgreement, partiesOf } from './queries.ts';

/** The agreements are public: the texts were published with the Joint Conference's paper. */
export async function listAgreements(ctx: Context) {
  const rows = await agreementsWithPlenary(ctx.db);
  if (rows.length === 0) return [];
  const codes = rows.map((r) => r.agreement.code);
  const [partyRows, counts] = await Promise.all([partiesOf(ctx.db, codes), clauseCounts(ctx.db, codes)]);
  return rows.map(({ agreement: a, plenary }) => ({
    code: a.code,
    title: a.title,
    shortTitle: a.shortTitle,
    signedOn: a.signedOn,
    signedAt: a.signedAt ?? null,
    parties: partyRows.filter((p) => p.agreementCode === a.code).map(({ code, name }) => ({ code, name })),
    validity: a.validity ?? null,
    plenary: plenary ? { code: plenary.code, number: plenary.number, name: plenary.name } : null,
    clauseCount: Number(counts.find((c) => c.agreementCode === a.code)?.n ?? 0),
  }));
}

export async function getAgreement(ctx: Context, options: { code: string }) {
  const summary = (await listAgreements(ctx)).find((a) => a.code === options.code);
  if (!summary) throw notFound('agreement');
  const [[a], clauseRows, unitRows] = await Promise.all([findAgreement(ctx.db, options.code), clausesOf(ctx.db, options.code), designatedUnits(ctx.db, options.code)]);
  return {
    ...summary,
    entryIntoForce: a.entryIntoForce,
    copies: a.copies,
    authoritativeScript: a.authoritativeScript,
    fullText: { 'zh-Hant': a.fullTextHant, 'zh-Hans': a.fullTextHans },
    preamble: a.preamble,
    closing: a.closing,
    signatories: a.signatories,
    liaisonUnits: unitRows.map((r) => ({ id: r.unit.id, code: r.unit.code, partyCode: r.unit.partyCode, name: r.unit.name, role: r.role, clauseKey: r.clauseKey })),
    clauses: clauseRows.map((c) => ({
      key: c.key,
      label: c.label,
      level: c.level,
      parentKey: c.parentKey,
      heading: c.headingHant ? { 'zh-Hant': c.headingHant, 'zh-Hans': c.headingHans ?? c.headingHant } : null,
      text: { 'zh-Hant': c.textHant, 'zh-Hans': c.textHans },
    })),
  };
}
