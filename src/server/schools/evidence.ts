import type { Context, Viewer } from '../platform/context.ts';
import { AppError, forbidden, notFound } from '../platform/errors.ts';
import { fileNameForType, requireFileOfType, sha256Of, type UploadedFile } from '../platform/uploaded-files.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { schoolYearOf } from '../progress/periods.ts';
import { evidenceTypes } from '../../shared/modules/schools.ts';
import { schoolPolicy, type SchoolActor } from './policy.ts';
import { readablePair } from './pairing.ts';
import { actorOf } from './registry.ts';
import { presentEvidence } from './present.ts';
import { activityOfPair, annualDocumentForUpdate, deleteEvidence, evidenceFileOf, evidenceStatuses, evidenceRowsOf, insertEvidence, pairDocumentRows, schoolActorOf, type EvidenceRow, type PairRow, type SchoolRow } from './queries.ts';

/**
 * The school years whose annual report is submitted or accepted: the evidence of their
 * activities stays as the authorities received it.
 */
export const frozenYears = (documents: { kind: string; schoolYear: string; status: string }[]) =>
  new Set(documents.filter((d) => d.kind === 'report' && ['submitted', 'accepted'].includes(d.status)).map((d) => d.schoolYear));

/** How a file is shown to this viewer: from which side, and whether they may remove it now. */
export function evidenceFor(actor: SchoolActor, pair: PairRow, hk: SchoolRow, frozen: Set<string>, heldOn: string) {
  return (row: EvidenceRow) =>
    presentEvidence(row, { side: row.schoolId === hk.id ? 'HK' : 'GD', canRemove: schoolPolicy.removeEvidence(actor, pair, row) && !frozen.has(schoolYearOf(heldOn)) });
}

/**
 * The activity asked about and who asks. Unlike the pair's other endpoints, a user outside the
 * scheme is not told 403 but, like another school, that the pair is not found: an activity's
 * photos are of children and teachers, and nothing about them is given away.
 */
async function readableActivity(ctx: Context, viewer: Viewer, pairId: string, activityId: string) {
  const actor = await schoolActorOf(ctx.db, viewer);
  const { pair, hk, gd } = await readablePair(ctx, actor, pairId, schoolPolicy.readEvidence);
  const activity = await activityOfPair(ctx.db, pairId, activityId);
  if (!activity) throw notFound('pair_activity');
  return { actor, pair, hk, gd, activity };
}

/** Clause 3 (M18): either school adds a photo, a scan or a document as evidence of an activity; both schools and both authorities see it. */
export async function addEvidence(ctx: Context, options: { viewer: Viewer; pairId: string; activityId: string; file: UploadedFile }) {
  const { viewer, pairId, activityId, file } = options;
  const { actor, pair, hk, activity } = await readableActivity(ctx, viewer, pairId, activityId);
  if (!schoolPolicy.addEvidence(actor, pair)) throw forbidden('only the two schools add evidence of their activities');
  if (!(evidenceStatuses as readonly string[]).includes(pair.status)) throw new AppError('conflict', { params: { what: 'sister_pair_status' } });
  // The type is the one the bytes show: the client's claim is taken only when they agree.
  requireFileOfType(file, { types: evidenceTypes, typeCode: 'evidence_type', officeParts: true });
  const fileName = fileNameForType(file.filename, file.contentType);
  const sha256 = sha256Of(file.content);
  const row = await ctx.db.transaction(async (tx) => {
    const inserted = await insertEvidence(tx, {
      activityId,
      fileName,
      mediaType: file.contentType,
      size: file.content.length,
      sha256,
      content: file.content,
      schoolId: actor.schoolId!,
      uploadedById: viewer.userId,
      uploadedBy: viewer.displayName,
      uploadedAt: ctx.clock.now(),
    });
    await recordAudit(tx, ctx.clock, {
      actor: actorOf(viewer),
      action: 'activity_evidence.added',
      entityType: 'activity_evidence',
      entityId: inserted.id,
      data: { pairId, activityId, fileName, mediaType: file.contentType, size: file.content.length, sha256 },
    });
    return inserted;
  });
  const frozen = frozenYears(await pairDocumentRows(ctx.db, pairId));
  return evidenceFor(actor, pair, hk, frozen, activity.heldOn)(row);
}

/** An activity's evidence files, oldest first, without their content. */
export async function listEvidence(ctx: Context, options: { viewer: Viewer; pairId: string; activityId: string }) {
  const { actor, pair, hk, activity } = await readableActivity(ctx, options.viewer, options.pairId, options.activityId);
  const [rows, documents] = await Promise.all([evidenceRowsOf(ctx.db, [activity.id]), pairDocumentRows(ctx.db, pair.id)]);
  return rows.map(evidenceFor(actor, pair, hk, frozenYears(documents), activity.heldOn));
}

/** One file with its content, for download. */
export async function getEvidenceFile(ctx: Context, options: { viewer: Viewer; pairId: string; activityId: string; evidenceId: string }) {
  await readableActivity(ctx, options.viewer, options.pairId, options.activityId);
  const row = await evidenceFileOf(ctx.db, options.activityId, options.evidenceId);
  if (!row) throw notFound('activity_evidence');
  return { filename: row.fileName, contentType: row.mediaType, content: row.content };
}

/**
 * The school that added a file removes it (a wrong photo, a sheet with a child's details), as
 * long as the annual report of the activity's school year is not submitted (schoolPolicy.removeEvidence).
 */
export async function removeEvidence(ctx: Context, options: { viewer: Viewer; pairId: string; activityId: string; evidenceId: string }) {
  const { viewer, pairId, activityId, evidenceId } = options;
  const { actor, pair, activity } = await readableActivity(ctx, viewer, pairId, activityId);
  await ctx.db.transaction(async (tx) => {
    const row = await evidenceFileOf(tx, activityId, evidenceId, { forUpdate: true });
    if (!row) throw notFound('activity_evidence');
    if (!schoolPolicy.removeEvidence(actor, pair, row)) throw forbidden('only the school that added a file removes it');
    const schoolYear = schoolYearOf(activity.heldOn);
    // Locked as submitting locks it: the report cannot be submitted while the file goes.
    const report = await annualDocumentForUpdate(tx, pairId, schoolYear, 'report');
    if (report && frozenYears([report]).has(schoolYear)) throw new AppError('conflict', { params: { what: 'evidence_reported' } });
    await deleteEvidence(tx, row.id);
    await recordAudit(tx, ctx.clock, {
      actor: actorOf(viewer),
      action: 'activity_evidence.removed',
      entityType: 'activity_evidence',
      entityId: row.id,
      data: { pairId, activityId, fileName: row.fileName, mediaType: row.mediaType, size: row.size, sha256: row.sha256 },
    });
  });
}
