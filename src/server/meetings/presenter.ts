import type { DbOrTx } from '../db/types.ts';
import { regionDay } from '../platform/clock.ts';
import type { Viewer } from '../platform/context.ts';
import { unitRefs } from '../units/unit-refs.ts';
import { meetingPolicy } from './policy.ts';
import { actionItemsOf, notificationsByIds, type MeetingRow } from './queries.ts';

/** Meetings as the API answers them: units named, action items with what is overdue, the notification it was convened from if the viewer may read it. */
export async function presentMeetings(db: DbOrTx, rows: MeetingRow[], now: Date, viewer: Viewer) {
  if (!rows.length) return [];
  const refs = await unitRefs(db, rows.flatMap((r) => [r.convenedByUnitId, ...r.unitIds]));
  const items = await actionItemsOf(db, rows.map((r) => r.id));
  const triggers = rows.filter((r) => r.triggerId).map((r) => r.triggerId!);
  // Units invited beyond the notification's two may not learn about it from the meeting.
  const triggerRows = (await notificationsByIds(db, triggers)).filter((n) => meetingPolicy.seeNotification(viewer, n));
  const today = regionDay(now);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    agreementCode: r.agreementCode,
    title: r.title,
    convenedBy: refs.get(r.convenedByUnitId)!,
    units: r.unitIds.map((u) => refs.get(u)!).filter(Boolean),
    scheduledAt: r.scheduledAt.toISOString(),
    location: r.location,
    agenda: r.agenda,
    participants: r.participants.map((p) => ({ ...p, role: p.role ?? null })),
    minutes: r.minutes,
    decisions: r.decisions,
    trigger: r.triggerId && triggerRows.some((t) => t.id === r.triggerId) ? { kind: r.triggerKind!, id: r.triggerId, reference: triggerRows.find((t) => t.id === r.triggerId)!.reference } : null,
    actionItems: items
      .filter((i) => i.meetingId === r.id)
      .map((i) => ({ id: i.id, description: i.description, ownerUnitId: i.ownerUnitId, ownerName: i.ownerName, dueOn: i.dueOn, status: i.status as 'open' | 'done', doneAt: i.doneAt?.toISOString() ?? null, overdue: i.status === 'open' && i.dueOn < today })),
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
  }));
}
