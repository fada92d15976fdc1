import type { DbOrTx } from '../db/open.ts';
import { regionDay, regionYear } from '../platform/clock.ts';
import type { Context, Viewer } from '../platform/context.ts';
import { AppError, forbidden, notFound } from '../platform/errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { tellUnit } from '../mail/outbox.ts';
import { indexDocument } from '../search/index-document.ts';
import { inBothScripts } from '../platform/both-scripts.ts';
import { nextReference } from '../platform/reference-numbers.ts';
import { partnershipAgreement } from '../units/partnerships.ts';
import { verificationPolicy } from './policy.ts';
import { presentRequests } from './presenter.ts';
import { findNotification, findRequest, insertRequest, partyOfUnit, requestsOfUnit, updateRequest, type VerificationRow } from './queries.ts';

type Row = VerificationRow;
type Kind = 'pre_publication' | 'media_report';

const invalid = (field: string, code = 'invalid_value') => new AppError('validation.failed', { fields: [{ field, code }] });
/** The outcomes that make sense for each kind of request. */
const outcomes: Record<Kind, string[]> = { pre_publication: ['confirmed', 'corrected', 'disputed'], media_report: ['confirmed', 'refuted', 'partly_true'] };

export { releaseGate } from './presenter.ts';

async function readable(db: DbOrTx, viewer: Viewer, id: string, kind: Kind | undefined) {
  const row = await findRequest(db, id);
  // Only the asking and the asked unit know the request exists, and only under its own kind's path.
  if (!row || !verificationPolicy.read(viewer, row) || (kind && row.kind !== kind)) throw notFound('verification_request');
  return row;
}

/** Only a notification both units of the request can read: a sent one, between them. */
async function checkNotification(db: DbOrTx, viewer: Viewer, notificationId: string | null | undefined, otherUnitId: string) {
  if (!notificationId) return;
  const n = await findNotification(db, notificationId);
  if (!n || !verificationPolicy.linkNotification(viewer, n, otherUnitId)) throw invalid('notificationId');
}

export async function askVerification(
  ctx: Context,
  options: {
    viewer: Viewer;
    kind: Kind;
    input: { toUnitId: string; script: 'zh-Hant' | 'zh-Hans'; subject: string; question: string; enterprise?: string | null; deadlineAt: string; notificationId?: string | null; plannedReleaseAt?: string; media?: { outlet: string; publishedOn: string; link?: string | null; claim: string } };
  },
) {
  const { viewer, kind, input } = options;
  if (!verificationPolicy.ask(viewer)) throw forbidden('may not ask for verification');
  if (!(await partnershipAgreement(ctx.db, viewer.unitId!, input.toUnitId))) throw invalid('toUnitId');
  const now = ctx.clock.now();
  // The dates are checked together, so that one answer names every date that is wrong.
  const dates = [
    new Date(input.deadlineAt).getTime() <= now.getTime() ? { field: 'deadlineAt', code: 'in_past' } : null,
    // Clause 4: verified before publishing — an answer due after the release comes too late.
    input.plannedReleaseAt && new Date(input.deadlineAt).getTime() > new Date(input.plannedReleaseAt).getTime() ? { field: 'deadlineAt', code: 'not_before_release' } : null,
    input.media && input.media.publishedOn > regionDay(now) ? { field: 'media.publishedOn', code: 'in_future' } : null,
  ].filter((f) => f !== null);
  if (dates.length) throw new AppError('validation.failed', { fields: dates });
  await checkNotification(ctx.db, viewer, input.notificationId, input.toUnitId);
  const subject = inBothScripts(input.script, input.subject);
  const question = inBothScripts(input.script, input.question);
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const partyCode = await partyOfUnit(tx, viewer.unitId!);
    const reference = await nextReference(tx, { partyCode, series: kind === 'media_report' ? 'MR' : 'VR', year: regionYear(now) });
    const row = await insertRequest(tx, {
      reference,
      kind,
      fromUnitId: viewer.unitId!,
      toUnitId: input.toUnitId,
      authoritativeScript: input.script,
      subjectHant: subject.hant,
      subjectHans: subject.hans,
      questionHant: question.hant,
      questionHans: question.hans,
      enterprise: input.enterprise ?? null,
      media: input.media ? { ...input.media, link: input.media.link ?? null } : null,
      plannedReleaseAt: input.plannedReleaseAt ? new Date(input.plannedReleaseAt) : null,
      deadlineAt: new Date(input.deadlineAt),
      status: 'open',
      notificationId: input.notificationId ?? null,
      createdBy: viewer.displayName,
      createdAt: now,
    });
    await recordAudit(tx, ctx.clock, { actor: { id: viewer.userId, label: viewer.username }, action: `${kind}.asked`, entityType: 'verification_request', entityId: row.id, unitId: viewer.unitId, data: { reference, toUnitId: input.toUnitId } });
    await indexRequest(tx, ctx, row);
    await tellUnit(tx, ctx, { unitId: input.toUnitId, roles: ['officer', 'approver'], what: 'verification_request', title: `${reference} ${input.subject}`, link: `/verification/${row.id}` });
    return row.id;
  });
}

async function indexRequest(tx: DbOrTx, ctx: Context, row: Row) {
  await indexDocument(
    tx,
    {
      kind: row.kind as Kind,
      refId: row.id,
      title: { 'zh-Hant': row.subjectHant, 'zh-Hans': row.subjectHans, en: row.subjectHant },
      body: [row.reference, row.authoritativeScript === 'zh-Hant' ? row.questionHant : row.questionHans, row.enterprise ?? '', row.media?.outlet ?? '', row.media?.claim ?? '', row.answerHant ?? ''].join('\n'),
      url: `/verification/${row.id}`,
      visibility: 'units',
      unitIds: [row.fromUnitId, row.toUnitId],
      date: regionDay(row.createdAt),
    },
    ctx.clock.now(),
  );
}

/** The asked unit confirms, corrects or disputes (a media report: confirms, refutes or finds it partly true). */
export async function answerVerification(ctx: Context, options: { viewer: Viewer; id: string; kind?: Kind; outcome: string; script: 'zh-Hant' | 'zh-Hans'; answer: string }) {
  const { viewer, id } = options;
  await ctx.db.transaction(async (tx) => {
    const row = await readable(tx, viewer, id, options.kind);
    if (!verificationPolicy.answer(viewer, row)) throw forbidden('only the unit asked answers');
    if (row.status !== 'open') throw new AppError('conflict', { params: { what: 'verification_status' } });
    if (!outcomes[row.kind as Kind].includes(options.outcome)) throw invalid('outcome');
    const answer = inBothScripts(options.script, options.answer);
    const updated = await updateRequest(tx, id, { status: 'answered', outcome: options.outcome, answerHant: answer.hant, answerHans: answer.hans, answeredAt: ctx.clock.now(), answeredBy: viewer.displayName });
    await recordAudit(tx, ctx.clock, { actor: { id: viewer.userId, label: viewer.username }, action: `${row.kind as Kind}.answered` as const, entityType: 'verification_request', entityId: id, unitId: viewer.unitId, data: { outcome: options.outcome } });
    await indexRequest(tx, ctx, updated);
    await tellUnit(tx, ctx, { unitId: row.fromUnitId, roles: ['officer', 'approver'], what: 'verification_answered', title: `${row.reference} ${row.subjectHant}`, link: `/verification/${id}` });
  });
}

/** Links a media-report check (or a verification) to the notification that followed it. */
export async function linkNotification(ctx: Context, options: { viewer: Viewer; id: string; kind?: Kind; notificationId: string }) {
  const { viewer, id } = options;
  await ctx.db.transaction(async (tx) => {
    const row = await readable(tx, viewer, id, options.kind);
    if (!verificationPolicy.link(viewer)) throw forbidden('may not link');
    await checkNotification(tx, viewer, options.notificationId, row.fromUnitId === viewer.unitId ? row.toUnitId : row.fromUnitId);
    await updateRequest(tx, id, { notificationId: options.notificationId });
    await recordAudit(tx, ctx.clock, { actor: { id: viewer.userId, label: viewer.username }, action: `${row.kind as Kind}.linked` as const, entityType: 'verification_request', entityId: id, unitId: viewer.unitId, data: { notificationId: options.notificationId } });
  });
}

export async function getVerification(ctx: Context, options: { viewer: Viewer; id: string; kind?: Kind }) {
  const row = await readable(ctx.db, options.viewer, options.id, options.kind);
  return (await presentRequests(ctx.db, [row], ctx.clock.now()))[0];
}

export async function listVerifications(ctx: Context, options: { viewer: Viewer; kind: Kind; box: 'incoming' | 'outgoing'; status?: 'open' | 'answered'; overdue?: 'true' | 'false' }) {
  const { viewer } = options;
  if (!viewer.unitId) return [];
  const now = ctx.clock.now();
  const rows = await requestsOfUnit(ctx.db, { unitId: viewer.unitId, kind: options.kind, box: options.box, status: options.status, overdueAt: options.overdue === 'true' ? now : undefined });
  return presentRequests(ctx.db, rows, now);
}
