import { and, eq, inArray, isNull, lt, or } from 'drizzle-orm';
import type { Context, Viewer } from '../platform/context.ts';
import { AppError, forbidden, notFound } from '../platform/errors.ts';
import { regionDay } from '../platform/clock.ts';
import { recordAudit, systemActor } from '../audit/record-audit.ts';
import { parsePeriod, schoolYearOf } from '../progress/periods.ts';
import { schoolPolicy } from './policy.ts';
import { readablePair } from './pairing.ts';
import { actorOf, requireSchoolActor } from './registry.ts';
import { recordPairStep } from './exchange.ts';
import { tellCoordinators } from './tell-schools.ts';
import { annualDocuments, schools, sisterPairs } from './schema.ts';

export type DocumentKind = 'plan' | 'report';

/**
 * A page, for the scheme's length limits: about 1,500 characters of Chinese or English prose on
 * an A4 page. The real scheme asks for a plan of at most 2 pages and a report of at most 4.
 */
export const PAGE_CHARACTERS = 1500;
export const MAX_PAGES: Record<DocumentKind, number> = { plan: 2, report: 4 };

/** The plan is due by 31 October of its school year; the report is published by the end of November after the year. */
export function dueOn(kind: DocumentKind, schoolYear: string): string {
  const { start, end } = parsePeriod(schoolYear);
  return kind === 'plan' ? `${start.slice(0, 4)}-10-31` : `${end.slice(0, 4)}-11-30`;
}

const pagesOf = (body: string) => Math.round(([...body].length / PAGE_CHARACTERS) * 10) / 10;

export function presentDocument(d: typeof annualDocuments.$inferSelect, today: string) {
  const kind = d.kind as DocumentKind;
  return {
    id: d.id,
    schoolYear: d.schoolYear,
    kind,
    body: d.body,
    pages: pagesOf(d.body),
    maxPages: MAX_PAGES[kind],
    status: d.status,
    dueOn: d.dueOn,
    overdue: !['submitted', 'accepted'].includes(d.status) && d.dueOn < today,
    submittedAt: d.submittedAt?.toISOString() ?? null,
    reviewedAt: d.reviewedAt?.toISOString() ?? null,
    reviewComment: d.reviewComment,
    updatedBy: d.updatedBy,
    updatedAt: d.updatedAt.toISOString(),
  };
}

const yearOfParam = (param: string) => `${param.slice(0, 4)}/${param.slice(5)}`;

function checkYear(schoolYear: string) {
  const [first, second] = [Number(schoolYear.slice(0, 4)), Number(schoolYear.slice(5))];
  if ((first + 1) % 100 !== second) throw new AppError('validation.failed', { fields: [{ field: 'year', code: 'invalid_format' }] });
}

/** Either school writes the pair's plan or report while it is a draft or returned for changes. */
export async function saveAnnualDocument(ctx: Context, options: { viewer: Viewer; id: string; year: string; kind: DocumentKind; body: string }) {
  const { viewer, id, kind, body } = options;
  const schoolYear = yearOfParam(options.year);
  checkYear(schoolYear);
  const actor = await requireSchoolActor(ctx, viewer);
  const { pair } = await readablePair(ctx, actor, id);
  if (!schoolPolicy.contribute(actor, pair)) throw forbidden('only the two schools write the plan and report');
  if (!['active', 'dormant', 'ended'].includes(pair.status)) throw new AppError('conflict', { params: { what: 'sister_pair_status' } });
  if ([...body].length > MAX_PAGES[kind] * PAGE_CHARACTERS) throw new AppError('validation.failed', { fields: [{ field: 'body', code: 'too_many_pages', params: { maximum: String(MAX_PAGES[kind]), characters: String(MAX_PAGES[kind] * PAGE_CHARACTERS) } }] });
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const [existing] = await tx.select().from(annualDocuments).where(and(eq(annualDocuments.pairId, id), eq(annualDocuments.schoolYear, schoolYear), eq(annualDocuments.kind, kind))).for('update');
    if (existing && !['draft', 'returned'].includes(existing.status)) throw new AppError('conflict', { params: { what: 'annual_document_status' } });
    const [row] = existing
      ? await tx.update(annualDocuments).set({ body, updatedBy: viewer.displayName, updatedAt: now }).where(eq(annualDocuments.id, existing.id)).returning()
      : await tx.insert(annualDocuments).values({ pairId: id, schoolYear, kind, body, status: 'draft', dueOn: dueOn(kind, schoolYear), updatedBy: viewer.displayName, updatedAt: now }).returning();
    await recordAudit(tx, ctx.clock, { actor: actorOf(viewer), action: 'annual_document.saved', entityType: 'annual_document', entityId: row.id, data: { pairId: id, schoolYear, kind, characters: [...body].length } });
    return row.id;
  });
}

async function documentStep(ctx: Context, options: { viewer: Viewer; id: string; year: string; kind: DocumentKind }, step: (d: typeof annualDocuments.$inferSelect, review: boolean, contribute: boolean) => { check: boolean; from: string[]; set: Partial<typeof annualDocuments.$inferSelect>; action: 'annual_document.submitted' | 'annual_document.accepted' | 'annual_document.returned'; comment?: string | null; tellSchools?: boolean }) {
  const { viewer, id, kind } = options;
  const schoolYear = yearOfParam(options.year);
  const actor = await requireSchoolActor(ctx, viewer);
  const { pair, hk, gd } = await readablePair(ctx, actor, id);
  return ctx.db.transaction(async (tx) => {
    const [doc] = await tx.select().from(annualDocuments).where(and(eq(annualDocuments.pairId, id), eq(annualDocuments.schoolYear, schoolYear), eq(annualDocuments.kind, kind))).for('update');
    if (!doc) throw notFound('annual_document');
    const plan = step(doc, schoolPolicy.review(actor, hk, gd), schoolPolicy.contribute(actor, pair));
    if (!plan.check) throw forbidden(`may not take the step ${plan.action}`);
    if (!plan.from.includes(doc.status)) throw new AppError('conflict', { params: { what: 'annual_document_status' } });
    if (plan.action === 'annual_document.submitted' && !doc.body.trim()) throw new AppError('validation.failed', { fields: [{ field: 'body', code: 'required' }] });
    await tx.update(annualDocuments).set(plan.set).where(eq(annualDocuments.id, doc.id));
    await recordAudit(tx, ctx.clock, { actor: actorOf(viewer), action: plan.action, entityType: 'annual_document', entityId: doc.id, unitId: viewer.unitId, data: { pairId: id, schoolYear, kind, comment: plan.comment ?? null } });
    await recordPairStep(tx, ctx, { pairId: id, kind: `${kind}_${plan.action.split('.')[1]}`, side: actor.side, actor: actorOf(viewer), comment: plan.comment });
    if (plan.tellSchools) await tellCoordinators(tx, ctx, { schoolIds: [hk.id, gd.id], what: 'annual_document_returned', title: `${hk.nameZh} – ${gd.nameZh} ${schoolYear}`, link: `/schools/pairs/${id}` });
  });
}

export const submitAnnualDocument = (ctx: Context, options: { viewer: Viewer; id: string; year: string; kind: DocumentKind }) =>
  documentStep(ctx, options, (_d, _review, contribute) => ({ check: contribute, from: ['draft', 'returned'], set: { status: 'submitted', submittedAt: ctx.clock.now() }, action: 'annual_document.submitted' }));

/** The authority accepts the plan or report, or returns it for changes with its comments. */
export const reviewAnnualDocument = (ctx: Context, options: { viewer: Viewer; id: string; year: string; kind: DocumentKind; decision: 'accept' | 'return'; comment?: string | null }) =>
  documentStep(ctx, options, (_d, review) => {
    if (options.decision === 'return' && !options.comment?.trim()) throw new AppError('validation.failed', { fields: [{ field: 'comment', code: 'required' }] });
    return {
      check: review,
      from: ['submitted'],
      set: { status: options.decision === 'accept' ? 'accepted' : 'returned', reviewedBy: options.viewer.userId, reviewedAt: ctx.clock.now(), reviewComment: options.comment ?? null },
      action: options.decision === 'accept' ? 'annual_document.accepted' : 'annual_document.returned',
      comment: options.comment,
      tellSchools: options.decision === 'return',
    };
  });

/**
 * Reminds the schools of an active pair whose plan or report of the current school year is due
 * within 14 days or overdue and not yet submitted; at most once a week per document. A missing
 * document is opened as an empty draft so that its reminders are counted. Returns how many.
 */
export async function remindAnnualDocuments(ctx: Context): Promise<number> {
  const now = ctx.clock.now();
  const today = regionDay(now);
  const year = schoolYearOf(today);
  const previous = `${Number(year.slice(0, 4)) - 1}/${year.slice(2, 4)}`;
  const soon = regionDay(new Date(now.getTime() + 14 * 86_400_000));
  const weekAgo = new Date(now.getTime() - 7 * 86_400_000);
  let reminded = 0;
  await ctx.db.transaction(async (tx) => {
    const pairs = await tx.select().from(sisterPairs).where(eq(sisterPairs.status, 'active'));
    if (!pairs.length) return;
    const names = new Map((await tx.select().from(schools).where(inArray(schools.id, pairs.flatMap((p) => [p.hkSchoolId, p.gdSchoolId])))).map((s) => [s.id, s.nameZh]));
    for (const pair of pairs) {
      for (const [kind, schoolYear] of [['plan', year], ['report', previous]] as const) {
        const due = dueOn(kind, schoolYear);
        if (due > soon || (pair.startedOn && pair.startedOn > parsePeriod(schoolYear).end)) continue;
        let [doc] = await tx.select().from(annualDocuments).where(and(eq(annualDocuments.pairId, pair.id), eq(annualDocuments.schoolYear, schoolYear), eq(annualDocuments.kind, kind)));
        if (doc && (!['draft', 'returned'].includes(doc.status) || (doc.remindedAt && doc.remindedAt > weekAgo))) continue;
        if (!doc) [doc] = await tx.insert(annualDocuments).values({ pairId: pair.id, schoolYear, kind, body: '', status: 'draft', dueOn: due, updatedBy: 'Liaison', updatedAt: now }).returning();
        await tx.update(annualDocuments).set({ remindedAt: now }).where(and(eq(annualDocuments.id, doc.id), or(isNull(annualDocuments.remindedAt), lt(annualDocuments.remindedAt, weekAgo))));
        await tellCoordinators(tx, ctx, { schoolIds: [pair.hkSchoolId, pair.gdSchoolId], what: `annual_${kind}_due`, title: `${names.get(pair.hkSchoolId)} – ${names.get(pair.gdSchoolId)} ${schoolYear} (${due})`, link: `/schools/pairs/${pair.id}` });
        await recordAudit(tx, ctx.clock, { actor: systemActor, action: 'annual_document.reminded', entityType: 'annual_document', entityId: doc.id, data: { pairId: pair.id, schoolYear, kind, dueOn: due } });
        reminded++;
      }
    }
  });
  return reminded;
}
