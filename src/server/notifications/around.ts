import { createHash } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { attachmentTypes } from '../../shared/attachments.ts';
import { attachments, disseminations, distributionLists, expertConsultations, notifications } from '../db/schema.ts';
import type { Context, Viewer } from '../platform/context.ts';
import { hasRole } from '../platform/context.ts';
import { AppError, forbidden, notFound } from '../platform/errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { notificationPolicy } from './policy.ts';
import { allow, readableNotification, recordStep, requireStatus, withEditor } from './records.ts';
import type { customsRoutingBody, disseminationBody, distributionListBody, expertConsultationBody } from './schemas.ts';

/** Clause 1: the receiving unit reports which departments of its government it informed, when and how. */
export async function recordDissemination(ctx: Context, options: { viewer: Viewer; id: string; input: z.infer<typeof disseminationBody> }) {
  const { viewer, id, input } = options;
  return ctx.db.transaction(async (tx) => {
    const n = await readableNotification(tx, viewer, id);
    allow(notificationPolicy.disseminate(viewer, n), 'only the receiving unit records onward dissemination');
    requireStatus(n, ['sent', 'acknowledged', 'closed']);
    const [row] = await tx
      .insert(disseminations)
      .values({ notificationId: id, unitId: viewer.unitId!, department: input.department, informedAt: new Date(input.informedAt), means: input.means, note: input.note ?? null, recordedBy: viewer.displayName })
      .returning({ id: disseminations.id });
    await recordStep(tx, ctx, { notification: n, viewer, kind: 'disseminated', comment: input.department, data: { means: input.means, informedAt: input.informedAt } });
    return row.id;
  });
}

export function presentDissemination(d: typeof disseminations.$inferSelect) {
  return { id: d.id, department: d.department, informedAt: d.informedAt.toISOString(), means: d.means, note: d.note, recordedBy: d.recordedBy };
}

/** Clause 1 ¶4: imported/exported food goes through the customs channel; record where and when it was routed. */
export async function routeToCustoms(ctx: Context, options: { viewer: Viewer; id: string; input: z.infer<typeof customsRoutingBody> }) {
  const { viewer, id, input } = options;
  return ctx.db.transaction(async (tx) => {
    const n = await readableNotification(tx, viewer, id, { forUpdate: true });
    allow(notificationPolicy.route(viewer, n), 'may not route this notification');
    if (!n.customsChannel) throw new AppError('conflict', { params: { what: 'not_customs' } });
    requireStatus(n, ['sent', 'acknowledged', 'closed']);
    await tx.update(notifications).set({ customsRoutedTo: input.routedTo, customsRoutedAt: new Date(input.routedAt), updatedAt: ctx.clock.now() }).where(eq(notifications.id, id));
    await recordStep(tx, ctx, { notification: n, viewer, kind: 'routed_to_customs', comment: input.routedTo, data: { routedAt: input.routedAt } });
  });
}

export async function listDistributionLists(ctx: Context, options: { viewer: Viewer }) {
  if (!options.viewer.unitId) return [];
  const rows = await ctx.db.select().from(distributionLists).where(eq(distributionLists.unitId, options.viewer.unitId)).orderBy(asc(distributionLists.name));
  return rows.map((l) => ({ id: l.id, name: l.name, departments: l.departments }));
}

export async function createDistributionList(ctx: Context, options: { viewer: Viewer; input: z.infer<typeof distributionListBody> }) {
  const { viewer, input } = options;
  if (!viewer.unitId || !(hasRole(viewer, 'officer') || hasRole(viewer, 'approver') || hasRole(viewer, 'unit_admin'))) throw forbidden('may not keep distribution lists');
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(distributionLists).values({ unitId: viewer.unitId!, name: input.name, departments: input.departments, createdAt: ctx.clock.now() }).returning({ id: distributionLists.id });
    await recordAudit(tx, ctx.clock, { actor: { id: viewer.userId, label: viewer.username }, action: 'distribution_list.created', entityType: 'distribution_list', entityId: row.id, unitId: viewer.unitId, data: input });
    return row.id;
  });
}

/** Clause 7: a technical question referred to experts; their advice is attached to the case. */
export async function requestExpertAdvice(ctx: Context, options: { viewer: Viewer; id: string; input: z.infer<typeof expertConsultationBody> }) {
  const { viewer, id, input } = options;
  return ctx.db.transaction(async (tx) => {
    const n = await readableNotification(tx, viewer, id);
    allow(notificationPolicy.followUp(viewer, n), 'may not consult experts on this notification');
    requireStatus(n, ['draft', 'returned', 'sent', 'acknowledged']);
    const [row] = await tx
      .insert(expertConsultations)
      .values({ notificationId: id, unitId: viewer.unitId!, shared: !!n.sentAt, question: input.question, experts: input.experts.map((e) => ({ name: e.name, affiliation: e.affiliation ?? null })), requestedBy: viewer.displayName, requestedAt: ctx.clock.now() })
      .returning({ id: expertConsultations.id });
    await recordStep(tx, ctx, { notification: n, viewer, kind: 'expert_consultation', comment: input.question.slice(0, 200), data: { consultationId: row.id } });
    return row.id;
  });
}

/** Advice is taken while the case is open: not once it is withdrawn or closed. */
const adviceStatuses = ['draft', 'returned', 'submitted', 'sent', 'acknowledged'];

export async function recordExpertAdvice(ctx: Context, options: { viewer: Viewer; id: string; consultationId: string; advice: string }) {
  const { viewer, id, consultationId } = options;
  await ctx.db.transaction(async (tx) => {
    const n = await readableNotification(tx, viewer, id);
    const [consultation] = await tx
      .select()
      .from(expertConsultations)
      .where(and(eq(expertConsultations.id, consultationId), eq(expertConsultations.notificationId, id)))
      .for('update');
    if (!consultation || !notificationPolicy.seeConsultation(viewer, consultation)) throw notFound('consultation');
    allow(notificationPolicy.advise(viewer, consultation), 'only the unit that referred the question records the advice');
    requireStatus(n, adviceStatuses);
    if (consultation.advice !== null) throw new AppError('conflict', { params: { what: 'advice_recorded' } });
    await tx.update(expertConsultations).set({ advice: options.advice, adviceAt: ctx.clock.now() }).where(eq(expertConsultations.id, consultationId));
    await recordStep(tx, ctx, { notification: n, viewer, kind: 'expert_advice', comment: options.advice.slice(0, 200), data: { consultationId } });
  });
}

export function presentExpertConsultation(c: typeof expertConsultations.$inferSelect, n: { status: string }, viewer: Viewer) {
  return {
    id: c.id,
    question: c.question,
    experts: c.experts,
    advice: c.advice,
    adviceAt: c.adviceAt?.toISOString() ?? null,
    requestedBy: c.requestedBy,
    requestedAt: c.requestedAt.toISOString(),
    shared: c.shared,
    canAdvise: c.advice === null && adviceStatuses.includes(n.status) && notificationPolicy.advise(viewer, c),
  };
}


/**
 * Whether the file's first bytes agree with its declared type: a text file named .pdf, or a
 * program renamed .jpg, is refused. Text may be in any encoding (Big5, GBK, UTF-8), but holds
 * no NUL byte.
 */
function contentMatchesType(type: string, content: Buffer): boolean {
  const startsWith = (...bytes: number[]) => bytes.every((b, i) => content[i] === b);
  switch (type) {
    case 'application/pdf':
      // Some producers put a few bytes before the header; readers look for it in the first kilobyte.
      return content.subarray(0, 1024).toString('latin1').includes('%PDF-');
    case 'image/png':
      return startsWith(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
    case 'image/jpeg':
      return startsWith(0xff, 0xd8, 0xff);
    case 'text/csv':
    case 'text/plain':
    case 'application/vnd.ms-excel':
      // UTF-16 text (Notepad's "Unicode") is text too: it says so with its byte order mark.
      return startsWith(0xff, 0xfe) || startsWith(0xfe, 0xff) || !content.subarray(0, 64 * 1024).includes(0);
    default:
      // XLSX and DOCX are ZIP archives.
      return startsWith(0x50, 0x4b, 0x03, 0x04);
  }
}

export async function addAttachment(ctx: Context, options: { viewer: Viewer; id: string; filename: string; contentType: string; content: Buffer }) {
  const { viewer, id } = options;
  if (!attachmentTypes.includes(options.contentType)) throw new AppError('validation.failed', { fields: [{ field: 'file', code: 'file_type' }] });
  if (options.content.length === 0) throw new AppError('validation.failed', { fields: [{ field: 'file', code: 'empty_file' }] });
  if (!contentMatchesType(options.contentType, options.content)) throw new AppError('validation.failed', { fields: [{ field: 'file', code: 'file_content' }] });
  return ctx.db.transaction(async (tx) => {
    // Locked, as an edit locks it: a submit cannot slip in, nor an editor be lost from editor_ids.
    const n = await readableNotification(tx, viewer, id, { forUpdate: true });
    allow(notificationPolicy.followUp(viewer, n) || notificationPolicy.edit(viewer, n), 'may not attach files to this notification');
    // What the approver approves must not change under them: no new files while submitted.
    requireStatus(n, ['draft', 'returned', 'sent', 'acknowledged']);
    // A file attached to a draft is part of its content: whoever attached it may not approve it.
    if (!n.sentAt) await tx.update(notifications).set({ editorIds: withEditor(n.editorIds, viewer) }).where(eq(notifications.id, id));
    const sha256 = createHash('sha256').update(options.content).digest('hex');
    const [row] = await tx
      .insert(attachments)
      .values({ notificationId: id, filename: options.filename.replace(/[\u0000-\u001f]/g, '').slice(0, 200) || 'file', contentType: options.contentType, size: options.content.length, sha256, content: options.content, uploadedBy: viewer.displayName, uploadedAt: ctx.clock.now() })
      .returning({ id: attachments.id });
    await recordStep(tx, ctx, { notification: n, viewer, kind: 'attached', comment: options.filename, data: { attachmentId: row.id, sha256, size: options.content.length } });
    return row.id;
  });
}

/**
 * Takes a file off a draft (one the approver asked to remove, or attached by mistake): only
 * before it is sent, by those who may edit it, who thereby become one of its writers.
 */
export async function removeAttachment(ctx: Context, options: { viewer: Viewer; id: string; attachmentId: string }) {
  const { viewer, id } = options;
  await ctx.db.transaction(async (tx) => {
    const n = await readableNotification(tx, viewer, id, { forUpdate: true });
    allow(notificationPolicy.edit(viewer, n), 'may not remove files from this notification');
    const [removed] = await tx
      .delete(attachments)
      .where(and(eq(attachments.id, options.attachmentId), eq(attachments.notificationId, id)))
      .returning({ filename: attachments.filename, sha256: attachments.sha256, size: attachments.size });
    if (!removed) throw notFound('attachment');
    await tx.update(notifications).set({ editorIds: withEditor(n.editorIds, viewer) }).where(eq(notifications.id, id));
    await recordStep(tx, ctx, { notification: n, viewer, kind: 'detached', comment: removed.filename, data: { attachmentId: options.attachmentId, sha256: removed.sha256, size: removed.size } });
  });
}

/** An attachment as listed: what it is, without its content. */
export const attachmentColumns = { id: true, filename: true, contentType: true, size: true, sha256: true, uploadedBy: true, uploadedAt: true } as const;

export function presentAttachment(a: Pick<typeof attachments.$inferSelect, keyof typeof attachmentColumns>) {
  return { ...a, uploadedAt: a.uploadedAt.toISOString() };
}

export async function getAttachment(ctx: Context, options: { viewer: Viewer; id: string; attachmentId: string }) {
  await readableNotification(ctx.db, options.viewer, options.id);
  const [row] = await ctx.db.select().from(attachments).where(and(eq(attachments.id, options.attachmentId), eq(attachments.notificationId, options.id)));
  if (!row) throw notFound('attachment');
  return row;
}
