import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/open.ts';
import { commitments, meetings, notifications, progressReports, units, users, verificationRequests, type LocalizedText } from '../db/schema.ts';
import type { Viewer } from '../platform/context.ts';
import { notificationPolicy } from '../notifications/policy.ts';

/** What an id on an audit entry names, for people: a user's name, a unit's name, a record's reference or title. */
export type AuditName = { kind: 'user' | 'unit' | 'notification' | 'verification_request' | 'meeting' | 'commitment' | 'progress_report'; label: LocalizedText };

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const same = (text: string): LocalizedText => ({ 'zh-Hant': text, 'zh-Hans': text, en: text });

/** Every id an entry mentions: its actor, unit and record, and any id in its data. */
function idsIn(value: unknown, into: Set<string>) {
  if (typeof value === 'string' && uuidPattern.test(value)) into.add(value.toLowerCase());
  else if (Array.isArray(value)) for (const v of value) idsIn(v, into);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) idsIn(v, into);
}

/**
 * The names behind the ids of a page of audit entries, looked up once for the page. A record's
 * title is named only to those who may read the record (the platform administrator, no party to
 * the exchanges, gets a notification's reference number, never its title); users and units are
 * named to anyone who reads the trail, as the directory names them.
 */
export async function auditNames(db: DbOrTx, viewer: Viewer, entries: { actorId: string | null; unitId: string | null; entityId: string; data: Record<string, unknown> }[]) {
  const ids = new Set<string>();
  for (const e of entries) idsIn([e.actorId, e.unitId, e.entityId, e.data], ids);
  const names = new Map<string, AuditName>();
  if (!ids.size) return names;
  const list = [...ids];
  const [userRows, unitRows, notificationRows, verificationRows, meetingRows, commitmentRows, reportRows] = await Promise.all([
    db.select({ id: users.id, displayName: users.displayName }).from(users).where(inArray(users.id, list)),
    db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, list)),
    db
      .select({ id: notifications.id, reference: notifications.reference, hant: notifications.textHant, hans: notifications.textHans, senderUnitId: notifications.senderUnitId, recipientUnitId: notifications.recipientUnitId, status: notifications.status, authorId: notifications.authorId, sentAt: notifications.sentAt, customsUnitIds: notifications.customsUnitIds })
      .from(notifications)
      .where(inArray(notifications.id, list)),
    db.select({ id: verificationRequests.id, reference: verificationRequests.reference, fromUnitId: verificationRequests.fromUnitId, toUnitId: verificationRequests.toUnitId, hant: verificationRequests.subjectHant, hans: verificationRequests.subjectHans }).from(verificationRequests).where(inArray(verificationRequests.id, list)),
    db.select({ id: meetings.id, title: meetings.title, unitIds: meetings.unitIds }).from(meetings).where(inArray(meetings.id, list)),
    db.select({ id: commitments.id, title: commitments.title }).from(commitments).where(inArray(commitments.id, list)),
    db.select({ id: progressReports.id, title: progressReports.title }).from(progressReports).where(inArray(progressReports.id, list)),
  ]);
  for (const u of userRows) names.set(u.id, { kind: 'user', label: same(u.displayName) });
  for (const u of unitRows) names.set(u.id, { kind: 'unit', label: u.name });
  for (const n of notificationRows) {
    const title = notificationPolicy.read(viewer, n) ? { 'zh-Hant': n.hant.title, 'zh-Hans': n.hans.title, en: '' } : null;
    const label = n.reference && title ? { 'zh-Hant': `${n.reference} ${title['zh-Hant']}`, 'zh-Hans': `${n.reference} ${title['zh-Hans']}`, en: `${n.reference} ${title['zh-Hant']}` } : n.reference ? same(n.reference) : title;
    if (label) names.set(n.id, { kind: 'notification', label });
  }
  for (const v of verificationRows) {
    const readable = viewer.unitId === v.fromUnitId || viewer.unitId === v.toUnitId;
    names.set(v.id, { kind: 'verification_request', label: readable ? { 'zh-Hant': `${v.reference} ${v.hant}`, 'zh-Hans': `${v.reference} ${v.hans}`, en: `${v.reference} ${v.hant}` } : same(v.reference) });
  }
  for (const m of meetingRows) if (viewer.unitId && m.unitIds.includes(viewer.unitId)) names.set(m.id, { kind: 'meeting', label: same(m.title) });
  for (const c of commitmentRows) names.set(c.id, { kind: 'commitment', label: c.title });
  for (const r of reportRows) names.set(r.id, { kind: 'progress_report', label: r.title });
  return names;
}

/**
 * Entries as the API answers them: as recorded (ids, codes, data), plus the names a person reads
 * them by — who did it, in which unit, and what each id in the entry names.
 */
export async function presentAuditEntries<E extends { actorId: string | null; unitId: string | null; entityId: string; data: Record<string, unknown> }>(db: DbOrTx, viewer: Viewer, entries: E[]) {
  const names = await auditNames(db, viewer, entries);
  return entries.map((e) => {
    const ids = new Set<string>();
    idsIn([e.entityId, e.data], ids);
    return {
      ...e,
      actorName: e.actorId ? (names.get(e.actorId)?.label.en ?? null) : null,
      unitName: e.unitId ? (names.get(e.unitId)?.label ?? null) : null,
      names: Object.fromEntries([...ids].flatMap((id) => (names.has(id) ? [[id, names.get(id)!]] : []))),
    };
  });
}
