import type { Context, Viewer } from '../platform/context.ts';
import { listNotifications } from '../notifications/inbox.ts';
import { listVerifications } from '../verification/verification.ts';
import { listMeetings } from '../meetings/meetings.ts';
import { listCommitments } from '../progress/read-progress.ts';
import { regionDay } from '../platform/clock.ts';
import { workPolicy } from './policy.ts';
import { selectAuditChainState, selectLockedUsers, selectMailQueue } from './queries.ts';

/**
 * One count on the home page: the number of rows the list at `link` shows. Each is counted by
 * that list's own service function with the very filters the link carries, so the two cannot
 * disagree, and each list's access rules are the count's.
 */
export type WorkCount = { key: string; group: 'notifications' | 'verification' | 'meetings' | 'progress'; count: number; more: boolean; urgent: boolean; link: string };

type Filters = Record<string, string>;
const address = (path: string, filters: Filters) => `${path}?${new URLSearchParams(filters)}`;

/** What needs the viewer now, across every module, and for the platform administrator the health of the system. */
export async function summarizeWork(ctx: Context, options: { viewer: Viewer }) {
  const { viewer } = options;
  const counts: Promise<WorkCount>[] = [];

  if (workPolicy.seeUnitWork(viewer)) {
    const notifications = (key: string, filters: { box?: 'inbox' | 'sent' | 'drafts' } & Filters, urgent = false) =>
      counts.push(
        listNotifications(ctx, { viewer, query: { box: 'inbox', limit: 1, offset: 0, ...filters } as Parameters<typeof listNotifications>[1]['query'] }).then((r) => ({
          key,
          group: 'notifications' as const,
          count: r.total,
          more: r.more,
          urgent,
          link: address('/notifications', filters),
        })),
      );
    notifications('unread', { unread: 'true' });
    notifications('ackOverdue', { overdue: 'true' }, true);
    notifications('ackDueSoon', { dueSoon: 'true' });
    if (workPolicy.seeApprovals(viewer)) notifications('awaitingMyApproval', { box: 'drafts', awaitingMyApproval: 'true' });
    notifications('requestsReceived', { openRequests: 'true' });
    notifications('requestsReceivedOverdue', { openRequests: 'overdue' }, true);
    notifications('requestsOnSent', { box: 'sent', openRequests: 'true' });
    notifications('requestsOnSentOverdue', { box: 'sent', openRequests: 'overdue' }, true);

    for (const kind of ['pre_publication', 'media_report'] as const) {
      const verification = (key: string, filters: { status?: 'open'; overdue?: 'true' }, urgent = false) =>
        counts.push(
          listVerifications(ctx, { viewer, kind, box: 'incoming', ...filters }).then((rows) => ({
            key: `${kind}.${key}`,
            group: 'verification' as const,
            count: rows.length,
            more: false,
            urgent,
            link: address('/verification', { kind, ...filters }),
          })),
        );
      verification('awaitingAnswer', { status: 'open' });
      verification('overdue', { overdue: 'true' }, true);
    }

    const meetings = (key: string, filters: { upcoming?: 'true'; actionItems?: 'overdue' | 'due_soon' }, urgent = false) =>
      counts.push(listMeetings(ctx, { viewer, ...filters }).then((rows) => ({ key, group: 'meetings' as const, count: rows.length, more: false, urgent, link: address('/meetings', filters) })));
    meetings('upcoming', { upcoming: 'true' });
    meetings('actionItemsOverdue', { actionItems: 'overdue' }, true);
    meetings('actionItemsDueSoon', { actionItems: 'due_soon' });

    // The Joint Conference's commitments the unit owns, still open past or near their due date.
    const today = regionDay(ctx.clock.now());
    const commitmentsDue = (key: string, due: 'overdue' | 'soon', urgent = false) =>
      counts.push(
        listCommitments(ctx.db, { asOf: today, today, ownerUnitId: viewer.unitId!, due }).then((rows) => ({ key, group: 'progress' as const, count: rows.length, more: false, urgent, link: address('/progress', { owner: 'mine', due }) })),
      );
    commitmentsDue('commitmentsOverdue', 'overdue', true);
    commitmentsDue('commitmentsDueSoon', 'soon');
  }

  const health = workPolicy.seeSystemHealth(viewer) ? await systemHealth(ctx) : null;
  return { counts: await Promise.all(counts), health };
}

async function systemHealth(ctx: Context) {
  const now = ctx.clock.now();
  const [locked, audit, mail] = await Promise.all([selectLockedUsers(ctx.db, now), selectAuditChainState(ctx.db), selectMailQueue(ctx.db)]);
  return {
    lockedUsers: locked.map((u) => ({ username: u.username, address: u.address, displayName: u.displayName, until: u.until.toISOString(), failures: u.failures })),
    audit: { ...audit, lastChainedAt: audit.lastChainedAt?.toISOString() ?? null },
    mail: { ...mail, oldestPendingAt: mail.oldestPendingAt?.toISOString() ?? null },
  };
}
