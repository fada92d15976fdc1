import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { AuditAction } from '../../shared/audit-actions.ts';
import type { DbOrTx, Tx } from '../db/open.ts';
import type { Context, Viewer } from '../platform/context.ts';
import { AppError, forbidden, notFound } from '../platform/errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { tellUnit } from '../mail/outbox.ts';
import { ipJurisdictions, keeperOfJurisdiction, type IpJurisdiction } from '../../shared/modules/ip.ts';
import { ipPolicy, type IpActor } from './policy.ts';
import { instrumentByCode, instrumentsByCodes, ipActorOf, ipUnitsOfParty, openRevisionOfCode, relationsOf, revisionById, revisionsOfJurisdictions, type RevisionRow } from './queries.ts';
import { contentOf, presentRevision, type RevisionAbilities } from './present.ts';
import { indexInstrument } from './search-index.ts';
import { ipInstrumentRelations, ipInstruments, ipRevisions, ipUpdates, type InstrumentContent } from './schema.ts';
import type { instrumentContentSchema, revisionBody, revisionEditBody, updateEntrySchema } from './schemas.ts';

export const actorOf = (viewer: Viewer) => ({ id: viewer.userId, label: viewer.username });
export const invalid = (field: string, code = 'invalid_value') => new AppError('validation.failed', { fields: [{ field, code }] });

/** The viewer as the IP agreement knows them; a user of no IP unit is refused. */
export async function requireIpUnit(ctx: Context, viewer: Viewer): Promise<IpActor> {
  const actor = (await ipActorOf(ctx.db, viewer))!;
  if (!actor.ipUnit) throw forbidden('not a user of a unit the IP agreement designates');
  return actor;
}

type Content = z.infer<typeof instrumentContentSchema>;
type UpdateEntry = z.infer<typeof updateEntrySchema>;

/** Optional texts left out are kept as null, so that a published entry says "not known" the same way every time. */
function normalised(content: Content): InstrumentContent {
  return {
    ...content,
    number: content.number ?? null,
    titlePt: content.titlePt ?? null,
    summaryZh: content.summaryZh ?? null,
    summaryEn: content.summaryEn ?? null,
    versions: content.versions.map((v) => ({ ...v, amendingAct: v.amendingAct ?? null })),
  };
}
const normalisedUpdate = (u: UpdateEntry | null | undefined) => (u ? { ...u, summaryZh: u.summaryZh ?? null, summaryEn: u.summaryEn ?? null } : null);

/** Checks a proposed content against what is published: its jurisdiction cannot move, and relations name published instruments. */
async function checkContent(db: DbOrTx, actor: IpActor, content: InstrumentContent) {
  if (!ipPolicy.keepJurisdiction(actor, content.jurisdiction)) throw invalid('content.jurisdiction', 'not_your_jurisdiction');
  const existing = await instrumentByCode(db, content.code);
  if (existing && existing.jurisdiction !== content.jurisdiction) throw invalid('content.jurisdiction', 'other_jurisdiction');
  if (content.repealedOn && content.status !== 'repealed') throw invalid('content.status', 'repealed_needs_status');
  const targets = await instrumentsByCodes(db, content.relations.map((r) => r.to));
  content.relations.forEach((r, i) => {
    if (!targets.has(r.to) || r.to === content.code) throw invalid(`content.relations.${i}.to`, 'unknown_instrument');
  });
  return existing ?? null;
}

function abilitiesOf(actor: IpActor, row: RevisionRow): RevisionAbilities {
  const open = row.status === 'draft' || row.status === 'returned';
  return {
    edit: open && ipPolicy.editRevision(actor, row),
    submit: open && ipPolicy.editRevision(actor, row),
    publish: row.status === 'submitted' && ipPolicy.publishRevision(actor, row),
    return: row.status === 'submitted' && ipPolicy.returnRevision(actor, row),
  };
}

export const presentRevisionFor = (actor: IpActor, row: RevisionRow) => presentRevision(row, abilitiesOf(actor, row));

/** A revision and whether the viewer may see it: not found for anyone outside the keeping side's IP units. */
export async function getRevision(ctx: Context, options: { viewer: Viewer; id: string }) {
  const actor = await requireIpUnit(ctx, options.viewer);
  const row = await revisionById(ctx.db, options.id);
  if (!row || !ipPolicy.readRevision(actor, row)) throw notFound('ip_revision');
  return presentRevisionFor(actor, row);
}

export async function listRevisions(ctx: Context, options: { viewer: Viewer; status?: string }) {
  const actor = await requireIpUnit(ctx, options.viewer);
  const kept = ipJurisdictions.filter((j) => keeperOfJurisdiction[j] === actor.party);
  const rows = await revisionsOfJurisdictions(ctx.db, kept, options.status);
  return rows.filter((r) => ipPolicy.readRevision(actor, r)).map((r) => presentRevisionFor(actor, r));
}

/** The published content of an instrument, for a revision to start from (the same for anyone who keeps it). */
export async function draftFromPublished(ctx: Context, options: { viewer: Viewer; code: string }) {
  const actor = await requireIpUnit(ctx, options.viewer);
  const row = await instrumentByCode(ctx.db, options.code);
  if (!row) throw notFound('ip_instrument');
  if (!ipPolicy.keepJurisdiction(actor, row.jurisdiction)) throw forbidden('the instrument is kept by the other side');
  const relations = (await relationsOf(ctx.db, row.id)).filter((r) => r.direction === 'outgoing').map((r) => ({ kind: r.kind, to: r.other.code }));
  return contentOf(row, relations);
}

/** An officer of an IP unit drafts a new entry or a change of one of their side's jurisdictions. */
export async function draftRevision(ctx: Context, options: { viewer: Viewer; input: z.infer<typeof revisionBody> }) {
  const { viewer } = options;
  const actor = await requireIpUnit(ctx, viewer);
  const content = normalised(options.input.content);
  const existing = await checkContent(ctx.db, actor, content);
  return ctx.db.transaction(async (tx) => {
    if (await openRevisionOfCode(tx, content.code)) throw new AppError('conflict', { params: { what: 'ip_open_revision' } });
    const now = ctx.clock.now();
    const [row] = await tx
      .insert(ipRevisions)
      .values({ instrumentId: existing?.id ?? null, jurisdiction: content.jurisdiction, content, update: normalisedUpdate(options.input.update), status: 'draft', authorId: viewer.userId, author: viewer.username, unitId: viewer.unitId!, editorIds: [viewer.userId], createdAt: now, updatedAt: now })
      .returning();
    await recordAudit(tx, ctx.clock, { actor: actorOf(viewer), action: 'ip_revision.drafted', entityType: 'ip_revision', entityId: row.id, unitId: viewer.unitId, data: { code: content.code, jurisdiction: content.jurisdiction, instrumentId: row.instrumentId } });
    return row.id;
  });
}

type Plan = { check: boolean; from: string[]; set: Partial<typeof ipRevisions.$inferInsert>; action: AuditAction; data?: Record<string, unknown>; after?: (tx: Tx, row: RevisionRow, now: Date) => Promise<void> };

/**
 * One step of a revision, in one transaction: lock it, check who (a revision the viewer may not
 * read is not found) and from which status, change it, and record the step in the audit trail.
 */
async function transition(ctx: Context, options: { viewer: Viewer; id: string }, plan: (row: RevisionRow, actor: IpActor, tx: Tx) => Plan | Promise<Plan>) {
  const { viewer, id } = options;
  const actor = await requireIpUnit(ctx, viewer);
  return ctx.db.transaction(async (tx) => {
    const current = await revisionById(tx, id, { forUpdate: true });
    if (!current || !ipPolicy.readRevision(actor, current)) throw notFound('ip_revision');
    const step = await plan(current, actor, tx);
    if (!step.check) throw forbidden(`may not take the step ${step.action} on this revision`);
    if (!step.from.includes(current.status)) throw new AppError('conflict', { params: { what: 'ip_revision_status' } });
    const now = ctx.clock.now();
    const [row] = await tx
      .update(ipRevisions)
      .set({ ...step.set, updatedAt: now })
      .where(eq(ipRevisions.id, id))
      .returning();
    await step.after?.(tx, row, now);
    await recordAudit(tx, ctx.clock, { actor: actorOf(viewer), action: step.action, entityType: 'ip_revision', entityId: id, unitId: viewer.unitId, data: { code: row.content.code, from: current.status, to: row.status, ...step.data } });
    return row;
  });
}

/** An officer of the keeping side changes a draft, or a revision returned for changes; whoever writes joins its editors. */
export const editRevision = (ctx: Context, options: { viewer: Viewer; id: string; change: z.infer<typeof revisionEditBody> }) =>
  transition(ctx, options, async (row, actor, tx) => {
    const content = options.change.content ? normalised(options.change.content) : row.content;
    if (options.change.content) {
      if (content.code !== row.content.code) throw invalid('content.code', 'code_fixed');
      await checkContent(tx, actor, content);
    }
    return {
      check: ipPolicy.editRevision(actor, row),
      from: ['draft', 'returned'],
      set: { content, ...(options.change.update !== undefined ? { update: normalisedUpdate(options.change.update) } : {}), editorIds: row.editorIds.includes(actor.viewer.userId) ? row.editorIds : [...row.editorIds, actor.viewer.userId] },
      action: 'ip_revision.edited',
      data: { fields: Object.keys(options.change) },
    };
  });

/** Submitted for review: the keeping side's approvers are told. */
export const submitRevision = (ctx: Context, options: { viewer: Viewer; id: string }) =>
  transition(ctx, options, (row, actor) => ({
    check: ipPolicy.editRevision(actor, row),
    from: ['draft', 'returned'],
    set: { status: 'submitted', submittedAt: ctx.clock.now(), editorIds: row.editorIds.includes(actor.viewer.userId) ? row.editorIds : [...row.editorIds, actor.viewer.userId] },
    action: 'ip_revision.submitted',
    after: async (tx, updated) => {
      for (const unit of await ipUnitsOfParty(tx, keeperOfJurisdiction[updated.jurisdiction as IpJurisdiction]))
        await tellUnit(tx, ctx, { unitId: unit.id, roles: ['approver'], what: 'ip_revision_submitted', title: updated.content.titleZh, link: `/ip/revisions/${updated.id}`, exceptUserIds: updated.editorIds });
    },
  }));

export const returnRevision = (ctx: Context, options: { viewer: Viewer; id: string; comment: string }) =>
  transition(ctx, options, (row, actor) => ({
    check: ipPolicy.returnRevision(actor, row),
    from: ['submitted'],
    set: { status: 'returned', reviewerId: actor.viewer.userId, reviewer: actor.viewer.username, reviewedAt: ctx.clock.now(), reviewComment: options.comment },
    action: 'ip_revision.returned',
    data: { comment: options.comment },
  }));

/**
 * Publication (four eyes): an approver of the keeping side who wrote none of it makes the
 * revision the public entry — its content, versions and relations, its update in the latest
 * updates — and the search index follows, in the same transaction.
 */
export const publishRevision = (ctx: Context, options: { viewer: Viewer; id: string }) =>
  transition(ctx, options, (row, actor) => ({
    check: ipPolicy.publishRevision(actor, row),
    from: ['submitted'],
    set: { status: 'published', reviewerId: actor.viewer.userId, reviewer: actor.viewer.username, reviewedAt: ctx.clock.now() },
    action: 'ip_revision.published',
    after: async (tx, published, now) => {
      const instrumentId = await publishContent(tx, ctx, published.content, { by: actor.viewer.username, at: now });
      await tx.update(ipRevisions).set({ instrumentId }).where(eq(ipRevisions.id, published.id));
      if (published.update) {
        await tx.insert(ipUpdates).values({ instrumentId, revisionId: published.id, jurisdiction: published.jurisdiction, on: published.update.on, titleZh: published.update.titleZh, titleEn: published.update.titleEn, summaryZh: published.update.summaryZh, summaryEn: published.update.summaryEn, sourceUrl: published.content.officialUrl, publishedAt: now });
      }
    },
  }));

/** Writes an instrument's public entry from a content (a published revision, or the reference data) and indexes it. */
export async function publishContent(tx: Tx, ctx: Context, content: InstrumentContent, options: { by: string; at: Date }) {
  const { relations, ...fields } = content;
  const values = { ...fields, publishedAt: options.at, publishedBy: options.by };
  const [row] = await tx.insert(ipInstruments).values(values).onConflictDoUpdate({ target: ipInstruments.code, set: values }).returning();
  await tx.delete(ipInstrumentRelations).where(eq(ipInstrumentRelations.fromId, row.id));
  const targets = await instrumentsByCodes(tx, relations.map((r) => r.to));
  for (const r of relations) {
    const target = targets.get(r.to);
    if (target) await tx.insert(ipInstrumentRelations).values({ fromId: row.id, toId: target.id, kind: r.kind }).onConflictDoNothing();
  }
  await indexInstrument(tx, ctx, row);
  return row.id;
}
