import type { DbOrTx } from '../db/types.ts';
import { unitRefs } from '../units/unit-refs.ts';
import { linkedNotifications, type VerificationRow as Row } from './queries.ts';

type Kind = 'pre_publication' | 'media_report';

/** Clause 4: a release is cleared when the other side confirmed or corrected the facts. */
export function releaseGate(row: Pick<Row, 'kind' | 'status' | 'outcome' | 'deadlineAt'>, now: Date): 'cleared' | 'blocked' | 'pending' | 'expired' | null {
  if (row.kind !== 'pre_publication') return null;
  if (row.status === 'answered') return row.outcome === 'disputed' ? 'blocked' : 'cleared';
  return row.deadlineAt.getTime() < now.getTime() ? 'expired' : 'pending';
}

/** Requests as the API answers them: units named, the release gate, the notification that followed. */
export async function presentRequests(db: DbOrTx, rows: Row[], now: Date) {
  const refs = await unitRefs(db, rows.flatMap((r) => [r.fromUnitId, r.toUnitId]));
  // The notification that followed is named by its number and title (both units read it: linking checks that).
  const linkedIds = [...new Set(rows.flatMap((r) => (r.notificationId ? [r.notificationId] : [])))];
  const linked = new Map(
    (await linkedNotifications(db, linkedIds)).map((n) => [n.id, { id: n.id, reference: n.reference, title: { 'zh-Hant': n.hant.title, 'zh-Hans': n.hans.title } }]),
  );
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    kind: r.kind as Kind,
    from: refs.get(r.fromUnitId)!,
    to: refs.get(r.toUnitId)!,
    authoritativeScript: r.authoritativeScript,
    subject: { 'zh-Hant': r.subjectHant, 'zh-Hans': r.subjectHans },
    question: { 'zh-Hant': r.questionHant, 'zh-Hans': r.questionHans },
    enterprise: r.enterprise,
    media: r.media,
    plannedReleaseAt: r.plannedReleaseAt?.toISOString() ?? null,
    deadlineAt: r.deadlineAt.toISOString(),
    status: r.status as 'open' | 'answered',
    outcome: r.outcome,
    answer: r.answerHant ? { 'zh-Hant': r.answerHant, 'zh-Hans': r.answerHans! } : null,
    answeredAt: r.answeredAt?.toISOString() ?? null,
    answeredBy: r.answeredBy,
    overdue: r.status === 'open' && r.deadlineAt.getTime() < now.getTime(),
    releaseGate: releaseGate(r, now),
    notificationId: r.notificationId,
    notification: (r.notificationId && linked.get(r.notificationId)) || null,
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
  }));
}
