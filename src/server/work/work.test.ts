import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailOutbox } from '../db/schema.ts';
import { buildUser, engines, logInAs, startTestApp, unitId, type TestApp } from '../../../test/support/harness.ts';
import { call, draftBody } from '../../../test/support/notifications.ts';

type Count = { key: string; group: string; count: number; more: boolean; urgent: boolean; link: string };
type Work = { counts: Count[]; health: null | { lockedUsers: { username: string; displayName: string | null; until: string }[]; audit: { entries: number; chained: number; unchained: number; lastChainedAt: string | null }; mail: { pending: number; failed: number; oldestPendingAt: string | null } } };

/** The API list behind a count's web address: the home page links there, and the list must show that many. */
function apiListOf(link: string) {
  const url = new URL(link, 'http://x');
  if (url.pathname === '/verification') {
    const kind = url.searchParams.get('kind');
    url.searchParams.delete('kind');
    return `${kind === 'media_report' ? '/media-reports' : '/verification-requests'}?${url.searchParams}`;
  }
  if (url.pathname === '/progress') return `/progress/commitments?${url.searchParams}`;
  return `${url.pathname}?${url.searchParams}&limit=200`;
}

describe.each(engines)("the home page's counts of what needs the officer on %s", (engine) => {
  let t: TestApp;
  let fsco: string;
  const users = {} as Record<'hkOfficer' | 'hkApprover' | 'hkApprover2' | 'gdOfficer' | 'gdApprover' | 'outsider', string>;
  const who = {} as Record<keyof typeof users | 'admin', string>;
  const logInAll = async () => {
    for (const [k, username] of Object.entries(users)) who[k as keyof typeof users] = await logInAs(t.app, username);
    who.admin = await logInAs(t.app, 'admin', 'admin-password-for-tests');
  };

  beforeAll(async () => {
    t = await startTestApp({ engine });
    fsco = await unitId(t.ctx, 'gd-fsco');
    users.hkOfficer = (await buildUser(t.ctx, { unit: 'hk-fhb', roles: ['officer'] })).username;
    users.hkApprover = (await buildUser(t.ctx, { unit: 'hk-fhb', roles: ['approver'] })).username;
    users.hkApprover2 = (await buildUser(t.ctx, { unit: 'hk-fhb', roles: ['officer', 'approver'] })).username;
    users.gdOfficer = (await buildUser(t.ctx, { unit: 'gd-fsco', roles: ['officer'] })).username;
    users.gdApprover = (await buildUser(t.ctx, { unit: 'gd-fsco', roles: ['approver'] })).username;
    // Another Guangdong unit, party to no exchange below.
    users.outsider = (await buildUser(t.ctx, { unit: 'gd-edu', roles: ['officer', 'approver'] })).username;
    await logInAll();
  });
  afterAll(() => t?.close());

  const work = async (cookie: string): Promise<Work> => {
    const response = await call(t.app, cookie, 'GET', '/work');
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const counts = async (cookie: string) => Object.fromEntries((await work(cookie)).counts.map((c) => [c.key, c.count]));
  /** Every count equals the number of rows its linked list gives the same user. */
  const expectListsAgree = async (cookie: string) => {
    for (const c of (await work(cookie)).counts) {
      const list = await call(t.app, cookie, 'GET', apiListOf(c.link));
      expect(list.statusCode, `${c.key} ${list.body}`).toBe(200);
      const body = list.json();
      expect(Array.isArray(body) ? body.length : body.items.length, `${c.key} → ${c.link}`).toBe(c.count);
      if (!Array.isArray(body)) expect(body.total, c.key).toBe(c.count);
    }
  };
  const draft = async (cookie: string) => {
    const response = await call(t.app, cookie, 'POST', '/notifications', draftBody(fsco));
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: string };
  };
  const submit = async (cookie: string, id: string) => expect((await call(t.app, cookie, 'POST', `/notifications/${id}/submit`)).statusCode).toBe(200);

  it("counts drafts awaiting an approver's approval, never the ones that approver wrote (four eyes)", async () => {
    const byOfficer = await draft(who.hkOfficer);
    await submit(who.hkOfficer, byOfficer.id);
    const byApprover2 = await draft(who.hkApprover2);
    await submit(who.hkApprover2, byApprover2.id);
    // Not yet submitted: nobody is asked to approve it.
    await draft(who.hkOfficer);

    expect((await counts(who.hkApprover)).awaitingMyApproval).toBe(2);
    expect((await counts(who.hkApprover2)).awaitingMyApproval).toBe(1);
    // An officer approves nothing: the count is not there at all.
    expect(await counts(who.hkOfficer)).not.toHaveProperty('awaitingMyApproval');
    // Another unit's approver never sees Hong Kong's drafts.
    expect((await counts(who.gdApprover)).awaitingMyApproval).toBe(0);
    const list = (await call(t.app, who.hkApprover2, 'GET', '/notifications?box=drafts&awaitingMyApproval=true')).json();
    expect(list.items.map((n: { id: string }) => n.id)).toEqual([byOfficer.id]);
    for (const cookie of [who.hkApprover, who.hkApprover2, who.gdApprover]) await expectListsAgree(cookie);
    // Approved and sent, they no longer wait.
    expect((await call(t.app, who.hkApprover, 'POST', `/notifications/${byOfficer.id}/approve`)).statusCode).toBe(200);
    expect((await call(t.app, who.hkApprover, 'POST', `/notifications/${byApprover2.id}/approve`)).statusCode).toBe(200);
    expect((await counts(who.hkApprover)).awaitingMyApproval).toBe(0);
  });

  it("counts what arrived unread, what is due, what awaits the unit's answer and its meetings' action items — each only for the units concerned, equal to the lists they link to", async () => {
    const before = { gd: await counts(who.gdOfficer), hk: await counts(who.hkOfficer), outsider: await counts(who.outsider) };
    // The two notifications the first test sent reached Guangdong; one more now.
    const n = await draft(who.hkOfficer);
    await submit(who.hkOfficer, n.id);
    expect((await call(t.app, who.hkApprover, 'POST', `/notifications/${n.id}/approve`)).statusCode).toBe(200);
    const gd = await counts(who.gdOfficer);
    expect(gd.unread).toBe(before.gd.unread + 1);
    expect(gd.unread).toBe(3);
    expect(gd.ackDueSoon).toBe(3);
    expect(gd.ackOverdue).toBe(0);
    // Read once, it is no longer unread for that reader (and still is for a colleague).
    await call(t.app, who.gdOfficer, 'GET', `/notifications/${n.id}`);
    expect((await counts(who.gdOfficer)).unread).toBe(2);
    expect((await counts(who.gdApprover)).unread).toBe(3);

    // Guangdong asks Hong Kong for information: Hong Kong must answer, on a notification it sent.
    const ask = await call(t.app, who.gdOfficer, 'POST', `/notifications/${n.id}/follow-ups`, { kind: 'request_for_information', script: 'zh-Hans', text: '请提供养殖场名称及检测报告。' });
    expect(ask.statusCode, ask.body).toBe(201);
    expect((await counts(who.hkOfficer)).requestsOnSent).toBe(1);
    expect((await counts(who.gdOfficer)).requestsReceived).toBe(0);

    // Hong Kong asks Guangdong to verify before a release.
    const inHours = (h: number) => new Date(t.clock.now().getTime() + h * 3_600_000).toISOString();
    const asked = await call(t.app, who.hkOfficer, 'POST', '/verification-requests', { toUnitId: fsco, script: 'zh-Hant', subject: '核實出口商', question: '請核實。', plannedReleaseAt: inHours(30), deadlineAt: inHours(24) });
    expect(asked.statusCode, asked.body).toBe(201);
    expect((await counts(who.gdOfficer))['pre_publication.awaitingAnswer']).toBe(1);
    expect((await counts(who.hkOfficer))['pre_publication.awaitingAnswer']).toBe(0);

    // A meeting of both, with an action item of Guangdong's due the day after tomorrow.
    const meeting = (await call(t.app, who.hkOfficer, 'POST', '/meetings', { kind: 'joint_work', agreementCode: 'food-safety', title: '年度工作會議', unitIds: [fsco], scheduledAt: '2026-12-01T10:00:00+08:00' })).json();
    expect((await call(t.app, who.hkOfficer, 'POST', `/meetings/${meeting.id}/action-items`, { description: '提交抽檢計劃', ownerUnitId: fsco, dueOn: '2026-11-26' })).statusCode).toBe(201);
    expect(await counts(who.gdOfficer)).toMatchObject({ upcoming: 1, actionItemsDueSoon: 1, actionItemsOverdue: 0 });
    expect(await counts(who.hkOfficer)).toMatchObject({ upcoming: 1, actionItemsDueSoon: 0 });

    // A unit party to none of it counts nothing of it.
    expect(await counts(who.outsider)).toEqual(before.outsider);
    expect(Object.values(before.outsider).every((n) => n === 0)).toBe(true);
    for (const cookie of [who.gdOfficer, who.hkOfficer, who.outsider]) await expectListsAgree(cookie);

    // Three days on: the acknowledgements, the verification, the request and the action item are late.
    t.clock.advance(3 * 86_400_000);
    await logInAll();
    const late = await counts(who.gdOfficer);
    expect(late).toMatchObject({ ackOverdue: 3, ackDueSoon: 0, 'pre_publication.overdue': 1, actionItemsOverdue: 1, actionItemsDueSoon: 0 });
    expect((await counts(who.hkOfficer)).requestsOnSentOverdue).toBe(1);
    expect((await work(who.gdOfficer)).counts.find((c) => c.key === 'ackOverdue')).toMatchObject({ urgent: true, link: '/notifications?overdue=true' });
    for (const cookie of [who.gdOfficer, who.hkOfficer, who.outsider]) await expectListsAgree(cookie);
    // Acknowledged, it is no longer overdue.
    expect((await call(t.app, who.gdOfficer, 'POST', `/notifications/${n.id}/acknowledge`)).statusCode).toBe(200);
    expect((await counts(who.gdOfficer)).ackOverdue).toBe(2);
  });

  it('counts the Joint Conference commitments its unit owns that are still open past their due date, and no other unit\'s', async () => {
    const edb = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-edb', roles: ['officer'] })).username);
    const own = (await call(t.app, edb, 'GET', '/progress/commitments')).json() as { ownerUnit: { code: string } | null; status: string; dueBy: string | null }[];
    const today = new Date(t.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const expected = own.filter((c) => c.ownerUnit?.code === 'hk-edb' && ['not_started', 'in_progress'].includes(c.status) && c.dueBy !== null && c.dueBy < today).length;
    expect(expected).toBeGreaterThan(0);
    expect(await counts(edb)).toMatchObject({ commitmentsOverdue: expected, commitmentsDueSoon: 0 });
    await expectListsAgree(edb);
    // The food office owns none of those.
    expect((await counts(who.hkOfficer)).commitmentsOverdue).toBe(0);
  });

  it("shows the platform administrator the system's health, and no one else", async () => {
    for (let i = 0; i < 6; i++) await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: users.gdOfficer, password: 'wrong' } });
    const at = t.clock.now();
    await t.ctx.db.insert(mailOutbox).values([
      { to: 'a@example.org', subject: 'waiting', body: 'x', createdAt: new Date(at.getTime() - 3_600_000) },
      { to: 'b@example.org', subject: 'waiting too', body: 'x', createdAt: at },
      { to: 'c@example.org', subject: 'given up', body: 'x', createdAt: at, attempts: 5, lastError: 'connection refused' },
    ]);
    expect((await call(t.app, who.admin, 'GET', '/audit/verification')).json().ok).toBe(true);
    const admin = await work(who.admin);
    expect(admin.counts).toEqual([]);
    expect(admin.health!.lockedUsers).toEqual([expect.objectContaining({ username: users.gdOfficer.toLowerCase(), address: '127.0.0.1', displayName: `Test ${users.gdOfficer}` })]);
    expect(Date.parse(admin.health!.lockedUsers[0].until)).toBeGreaterThan(at.getTime());
    expect(admin.health!.mail).toMatchObject({ failed: 1, oldestPendingAt: new Date(at.getTime() - 3_600_000).toISOString() });
    expect(admin.health!.mail.pending).toBeGreaterThanOrEqual(2);
    expect(admin.health!.audit.chained).toBeGreaterThan(0);
    expect(admin.health!.audit.entries).toBe(admin.health!.audit.chained + admin.health!.audit.unchained);
    expect((await work(who.gdApprover)).health).toBeNull();
    // Once the wait is over, the user is no longer locked out.
    t.clock.advance(10 * 60_000);
    who.admin = await logInAs(t.app, 'admin', 'admin-password-for-tests');
    expect((await work(who.admin)).health!.lockedUsers).toEqual([]);
  });
});
