import { asc, count, eq, inArray } from 'drizzle-orm';
import type { Context } from '../platform/context.ts';
import { notFound } from '../platform/errors.ts';
import { agreementParties, agreementUnits, agreements, clauses, parties, plenaries, units } from '../db/schema.ts';

/** The agreements are public: the texts were published with the Joint Conference's paper. */
export async function listAgreements(ctx: Context) {
  const rows = await ctx.db
    .select({ agreement: agreements, plenary: plenaries })
    .from(agreements)
    .leftJoin(plenaries, eq(plenaries.code, agreements.plenaryCode))
    .orderBy(asc(agreements.signedOn), asc(agreements.code));
  if (rows.length === 0) return [];
  const codes = rows.map((r) => r.agreement.code);
  const [partyRows, counts] = await Promise.all([
    ctx.db
      .select({ agreementCode: agreementParties.agreementCode, code: parties.code, name: parties.name })
      .from(agreementParties)
      .innerJoin(parties, eq(parties.code, agreementParties.partyCode))
      .where(inArray(agreementParties.agreementCode, codes))
      .orderBy(asc(parties.code)),
    ctx.db.select({ agreementCode: clauses.agreementCode, n: count() }).from(clauses).where(inArray(clauses.agreementCode, codes)).groupBy(clauses.agreementCode),
  ]);
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
  const [[a], clauseRows, unitRows] = await Promise.all([
    ctx.db.select().from(agreements).where(eq(agreements.code, options.code)),
    ctx.db.select().from(clauses).where(eq(clauses.agreementCode, options.code)).orderBy(asc(clauses.position)),
    ctx.db
      .select({ unit: units, role: agreementUnits.role, clauseKey: agreementUnits.clauseKey })
      .from(agreementUnits)
      .innerJoin(units, eq(units.id, agreementUnits.unitId))
      .where(eq(agreementUnits.agreementCode, options.code))
      .orderBy(asc(units.partyCode), asc(units.code)),
  ]);
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
