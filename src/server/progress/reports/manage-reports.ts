import { createHash } from 'node:crypto';
import { and, desc, eq, or } from 'drizzle-orm';
import { regionDay } from '../../platform/clock.ts';
import type { Context, Viewer } from '../../platform/context.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import { cooperationAreas, progressReports, type LocalizedText } from '../../db/schema.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { canonicalJson } from '../../audit/chain.ts';
import { locales, reportT, type Locale } from '../../../shared/i18n.ts';
import { toSimplified } from '../../../shared/script.ts';
import { progressPolicy } from '../policy.ts';
import { formatDay } from './figures.ts';
import { renderReport } from './render-report.ts';
import { currentFigures, draftNarrative, reportAreas, type Narrative } from './report-view.ts';

type ReportRow = typeof progressReports.$inferSelect;
type ReportStatus = 'draft' | 'issued';
type Snapshot = { html: Record<Locale, string>; figures: Record<string, { measurementId: string; value: number }>; narrative: Narrative; title: LocalizedText; asOf: string; areaCodes: string[] };

const actorOf = (viewer: Viewer) => ({ id: viewer.userId, label: viewer.username });

async function loadReport(ctx: Context, id: string) {
  const [row] = await ctx.db.select().from(progressReports).where(eq(progressReports.id, id));
  if (!row) throw notFound('report');
  return row;
}

/** An issued report is public; a draft is its unit's, and to any other no report at all. */
function assertCanRead(viewer: Viewer | null, report: ReportRow) {
  if (!progressPolicy.readReport(viewer, report)) throw notFound('report');
}

function defaultTitle(asOf: string): LocalizedText {
  const title = (locale: Locale) => reportT(locale)('defaultTitle', { date: formatDay(asOf, locale) });
  return { en: title('en'), 'zh-Hant': title('zh-Hant'), 'zh-Hans': title('zh-Hans') };
}

export async function draftReport(ctx: Context, options: { viewer: Viewer; areaCodes: string[]; asOf: string; title?: { en: string; 'zh-Hant': string } | null }) {
  const { viewer } = options;
  if (!progressPolicy.draftReport(viewer)) throw forbidden('may not draft reports');
  const known = new Set((await ctx.db.select({ code: cooperationAreas.code }).from(cooperationAreas)).map((a) => a.code));
  const unknown = options.areaCodes.find((c) => !known.has(c));
  if (unknown) throw new AppError('validation.failed', { fields: [{ field: 'areaCodes', code: 'invalid_value' }] });
  const areas = await reportAreas(ctx.db, options);
  const title = options.title ? { ...options.title, 'zh-Hans': toSimplified(options.title['zh-Hant']) } : defaultTitle(options.asOf);
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const [created] = await tx
      .insert(progressReports)
      .values({
        title,
        asOf: options.asOf,
        areaCodes: options.areaCodes,
        unitId: viewer.unitId,
        narrative: draftNarrative(areas),
        draftedFigures: currentFigures(areas),
        status: 'draft',
        createdBy: viewer.username,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: progressReports.id });
    await recordAudit(tx, ctx.clock, { actor: actorOf(viewer), action: 'progress_report.drafted', entityType: 'progress_report', entityId: created.id, unitId: viewer.unitId, data: { areaCodes: options.areaCodes, asOf: options.asOf } });
    return created.id;
  });
}

/** Edits a draft; a title of null clears the custom title, back to the one made from the date. */
export async function updateReport(ctx: Context, options: { viewer: Viewer; id: string; title?: { en: string; 'zh-Hant': string } | null; narrative?: Narrative }) {
  const { viewer, id } = options;
  const report = await loadReport(ctx, id);
  assertCanRead(viewer, report);
  if (!progressPolicy.editReport(viewer, report)) throw forbidden('may not edit this report');
  if (report.status === 'issued') throw new AppError('conflict', { params: { what: 'issued_report' } });
  const unknownArea = Object.keys(options.narrative ?? {}).find((code) => !report.areaCodes.includes(code));
  if (unknownArea) throw new AppError('validation.failed', { fields: [{ field: `narrative.${unknownArea}`, code: 'invalid_value' }] });
  await ctx.db.transaction(async (tx) => {
    const narrative = { ...report.narrative };
    for (const [code, byLocale] of Object.entries(options.narrative ?? {})) narrative[code] = { ...narrative[code], ...byLocale };
    const title = options.title === undefined ? report.title : options.title === null ? defaultTitle(report.asOf) : { ...options.title, 'zh-Hans': toSimplified(options.title['zh-Hant']) };
    const updated = await tx
      .update(progressReports)
      .set({ narrative, title, updatedAt: ctx.clock.now() })
      .where(and(eq(progressReports.id, id), eq(progressReports.status, 'draft')))
      .returning({ id: progressReports.id });
    if (updated.length === 0) throw new AppError('conflict', { params: { what: 'issued_report' } });
    await recordAudit(tx, ctx.clock, { actor: actorOf(viewer), action: 'progress_report.edited', entityType: 'progress_report', entityId: id, unitId: report.unitId, data: { title: options.title, narrative: options.narrative } });
  });
}

/**
 * Issues a report: renders it in the three languages from the figures of this moment and
 * freezes that as an immutable snapshot whose SHA-256 goes into the audit trail.
 */
export async function issueReport(ctx: Context, options: { viewer: Viewer; id: string }) {
  const { viewer, id } = options;
  const report = await loadReport(ctx, id);
  assertCanRead(viewer, report);
  if (!progressPolicy.issueReport(viewer, report)) throw forbidden('may not issue this report');
  if (report.status === 'issued') throw new AppError('conflict', { params: { what: 'issued_report' } });
  const areas = await reportAreas(ctx.db, report);
  const now = ctx.clock.now();
  const issuedOn = regionDay(now);
  const figures = currentFigures(areas);
  const snapshotBase = { figures, narrative: report.narrative, title: report.title, asOf: report.asOf, areaCodes: report.areaCodes };
  // The hash covers the content; the rendered pages carry it, so they are made after it.
  const contentHash = createHash('sha256').update(canonicalJson(snapshotBase)).digest('hex');
  const html = Object.fromEntries(
    locales.map((locale) => [locale, renderReport({ ...snapshotBase, areas, draftedFigures: null, issued: { on: issuedOn, hash: contentHash } }, locale)]),
  ) as Record<Locale, string>;
  const snapshot: Snapshot = { ...snapshotBase, html };
  await ctx.db.transaction(async (tx) => {
    const updated = await tx
      .update(progressReports)
      .set({ status: 'issued', issuedAt: now, issuedBy: viewer.username, snapshot, snapshotHash: contentHash, updatedAt: now })
      // Only from draft, in the write itself: two issues at once cannot both succeed.
      .where(and(eq(progressReports.id, id), eq(progressReports.status, 'draft')))
      .returning({ status: progressReports.status });
    if (updated.length === 0) throw new AppError('conflict', { params: { what: 'issued_report' } });
    await recordAudit(tx, ctx.clock, { actor: actorOf(viewer), action: 'progress_report.issued', entityType: 'progress_report', entityId: id, unitId: report.unitId, data: { snapshotHash: contentHash } });
  });
}

/** progressPolicy.readReport as a condition. */
const readableReports = (viewer: Viewer | null) =>
  viewer?.isPlatformAdmin ? undefined : or(eq(progressReports.status, 'issued'), viewer?.unitId ? eq(progressReports.unitId, viewer.unitId) : undefined);

export async function listReports(ctx: Context, options: { viewer: Viewer | null }) {
  const rows = await ctx.db
    .select({ id: progressReports.id, title: progressReports.title, asOf: progressReports.asOf, areaCodes: progressReports.areaCodes, status: progressReports.status, createdBy: progressReports.createdBy, issuedAt: progressReports.issuedAt, snapshotHash: progressReports.snapshotHash })
    .from(progressReports)
    .where(readableReports(options.viewer))
    .orderBy(desc(progressReports.createdAt));
  return rows.map((r) => ({ ...r, status: r.status as ReportStatus, issuedAt: r.issuedAt?.toISOString() ?? null }));
}

/** A report with its narrative, and for a draft the figures that changed since it was drafted. */
export async function getReport(ctx: Context, options: { viewer: Viewer | null; id: string }) {
  const report = await loadReport(ctx, options.id);
  assertCanRead(options.viewer, report);
  let changedFigures: { indicatorCode: string; was: number; now: number }[] = [];
  if (report.status === 'draft') {
    const live = currentFigures(await reportAreas(ctx.db, report));
    changedFigures = Object.entries(report.draftedFigures)
      .filter(([code, drafted]) => live[code] && (live[code].value !== drafted.value || live[code].measurementId !== drafted.measurementId))
      .map(([code, drafted]) => ({ indicatorCode: code, was: drafted.value, now: live[code].value }));
  }
  return {
    id: report.id,
    title: report.title,
    asOf: report.asOf,
    areaCodes: report.areaCodes,
    status: report.status as ReportStatus,
    narrative: report.status === 'issued' ? (report.snapshot as Snapshot).narrative : report.narrative,
    changedFigures,
    createdBy: report.createdBy,
    createdAt: report.createdAt.toISOString(),
    issuedAt: report.issuedAt?.toISOString() ?? null,
    issuedBy: report.issuedBy,
    snapshotHash: report.snapshotHash,
    editable: options.viewer ? report.status === 'draft' && progressPolicy.editReport(options.viewer, report) : false,
    issuable: options.viewer ? report.status === 'draft' && progressPolicy.issueReport(options.viewer, report) : false,
  };
}

/** The report as an HTML page: frozen for an issued report, live for a draft. */
export async function reportHtml(ctx: Context, options: { viewer: Viewer | null; id: string; locale: Locale }) {
  const report = await loadReport(ctx, options.id);
  assertCanRead(options.viewer, report);
  if (report.status === 'issued') return (report.snapshot as Snapshot).html[options.locale];
  const areas = await reportAreas(ctx.db, report);
  return renderReport({ title: report.title, asOf: report.asOf, areas, narrative: report.narrative, draftedFigures: report.draftedFigures, issued: null }, options.locale);
}
