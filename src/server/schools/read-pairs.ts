import type { Context, Viewer } from '../platform/context.ts';
import { regionDay } from '../platform/clock.ts';
import { evidenceRowsOf, pairActivityRows, pairDocumentRows, pairHistory, pairMaterialRows, pairRowsFor, schoolsByIds } from './queries.ts';
import { presentPairFor, readablePair } from './pairing.ts';
import { requireSchoolActor } from './registry.ts';
import { presentDocument } from './annual-cycle.ts';
import { evidenceFor, frozenYears } from './evidence.ts';

/** The pairs the viewer may see: their school's, or every pair with a school of their side. */
export async function listPairs(ctx: Context, options: { viewer: Viewer; status?: string; limit?: number; offset?: number }) {
  const actor = await requireSchoolActor(ctx, options.viewer);
  const rows = await pairRowsFor(ctx.db, actor, { status: options.status, limit: options.limit ?? 100, offset: options.offset });
  const schoolMap = await schoolsByIds(ctx.db, rows.flatMap((r) => [r.hkSchoolId, r.gdSchoolId]));
  return rows.map((r) => presentPairFor(actor, r, schoolMap.get(r.hkSchoolId)!, schoolMap.get(r.gdSchoolId)!));
}

/** A pair with its history, activities (with their evidence files), shared materials and annual plans and reports. */
export async function getPair(ctx: Context, options: { viewer: Viewer; id: string }) {
  const actor = await requireSchoolActor(ctx, options.viewer);
  const { pair, hk, gd } = await readablePair(ctx, actor, options.id);
  const [history, activities, materials, documents] = await Promise.all([pairHistory(ctx.db, pair.id), pairActivityRows(ctx.db, pair.id), pairMaterialRows(ctx.db, pair.id), pairDocumentRows(ctx.db, pair.id)]);
  const evidence = await evidenceRowsOf(ctx.db, activities.map((a) => a.id));
  const frozen = frozenYears(documents);
  const sideOf = (schoolId: string) => (schoolId === hk.id ? 'HK' : 'GD');
  const participantTotals: Record<string, number> = {};
  for (const a of activities) for (const p of a.participants) participantTotals[p.group] = (participantTotals[p.group] ?? 0) + p.count;
  const today = regionDay(ctx.clock.now());
  return {
    ...presentPairFor(actor, pair, hk, gd),
    history: history.map((h) => ({ kind: h.kind, side: h.side, actor: h.actor, comment: h.comment, at: h.at.toISOString() })),
    activities: activities.map((a) => ({
      id: a.id,
      kind: a.kind,
      heldOn: a.heldOn,
      place: a.place,
      participants: a.participants,
      total: a.participants.reduce((n, p) => n + p.count, 0),
      description: a.description,
      evidence: a.evidence,
      evidenceFiles: evidence.filter((f) => f.activityId === a.id).map(evidenceFor(actor, pair, hk, frozen, a.heldOn)),
      addedBy: { side: sideOf(a.schoolId), name: a.createdBy },
      createdAt: a.createdAt.toISOString(),
    })),
    materials: materials.map((m) => ({ id: m.id, title: m.title, description: m.description, licence: m.licence, url: m.url, addedBy: { side: sideOf(m.schoolId), name: m.createdBy }, createdAt: m.createdAt.toISOString() })),
    documents: documents.map((d) => presentDocument(d, today)),
    participantTotals,
  };
}
