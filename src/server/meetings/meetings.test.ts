import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { mailOutbox, users } from '../db/schema.ts';
import { buildUser, engines, logInAs, startTestApp, unitId, type TestApp } from '../../../test/support/harness.ts';
import { call, draftBody } from '../../../test/support/notifications.ts';

describe.each(engines)('meetings on %s', (engine) => {
  let t: TestApp;
  let fhb: string;
  let fsco: string;
  let hk: string;
  let hkApprover: string;
  let gd: string;
  let outsider: string;
  let hkUser: string;
  let gdUser: string;

  beforeAll(async () => {
    t = await startTestApp({ engine });
    fhb = await unitId(t.ctx, 'hk-fhb');
    fsco = await unitId(t.ctx, 'gd-fsco');
    hkUser = (await buildUser(t.ctx, { unit: 'hk-fhb', roles: ['officer'] })).username;
    hk = await logInAs(t.app, hkUser);
    hkApprover = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-fhb', roles: ['approver'] })).username);
    gdUser = (await buildUser(t.ctx, { unit: 'gd-fsco', roles: ['officer'] })).username;
    gd = await logInAs(t.app, gdUser);
    outsider = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-edb', roles: ['officer'] })).username);
  });
  afterAll(() => t?.close());

  it('convenes an urgent high-level meeting from a notification about a major incident, linked both ways', async () => {
    const n = (await call(t.app, hk, 'POST', '/notifications', draftBody(fsco, { category: 'major_incident' }))).json();
    await call(t.app, hk, 'POST', `/notifications/${n.id}/submit`);
    await call(t.app, hkApprover, 'POST', `/notifications/${n.id}/approve`);
    const convened = await call(t.app, gd, 'POST', '/meetings', {
      kind: 'urgent_high_level',
      agreementCode: 'food-safety',
      title: '孔雀石綠事件緊急高層會議',
      unitIds: [fhb],
      scheduledAt: '2026-11-26T10:00:00+08:00',
      location: '深圳',
      agenda: ['事件通報', '聯合調查安排'],
      participants: [{ unitId: fsco, name: '李主任', role: '主任' }, { unitId: fhb, name: '陳常任秘書長', role: '常任秘書長' }],
      triggerNotificationId: n.id,
    });
    expect(convened.statusCode, convened.body).toBe(201);
    const meeting = convened.json();
    expect(meeting.trigger).toMatchObject({ kind: 'notification', id: n.id });
    expect(meeting.units.map((u: { code: string }) => u.code).sort()).toEqual(['gd-fsco', 'hk-fhb']);
    expect((await call(t.app, hk, 'GET', `/notifications/${n.id}`)).json().meetings.map((m: { id: string }) => m.id)).toEqual([meeting.id]);
    expect((await call(t.app, outsider, 'GET', `/meetings/${meeting.id}`)).statusCode).toBe(404);
    expect((await call(t.app, outsider, 'GET', '/meetings')).json()).toEqual([]);
  });

  it('shows on a notification only the meetings of the reader’s unit', async () => {
    const n = (await call(t.app, hk, 'POST', '/notifications', draftBody(fsco))).json();
    await call(t.app, hk, 'POST', `/notifications/${n.id}/submit`);
    await call(t.app, hkApprover, 'POST', `/notifications/${n.id}/approve`);
    const hkOnly = await call(t.app, hk, 'POST', '/meetings', { kind: 'joint_work', agreementCode: 'food-safety', title: '香港內部跟進', unitIds: [await unitId(t.ctx, 'hk-edb')], scheduledAt: '2026-11-27T10:00:00+08:00', triggerNotificationId: n.id });
    expect(hkOnly.statusCode, hkOnly.body).toBe(201);
    expect((await call(t.app, hk, 'GET', `/notifications/${n.id}`)).json().meetings.map((m: { id: string }) => m.id)).toEqual([hkOnly.json().id]);
    expect((await call(t.app, gd, 'GET', `/notifications/${n.id}`)).json().meetings).toEqual([]);
  });

  it('tells the other units when a meeting is moved or held elsewhere, not when its minutes are written', async () => {
    await t.ctx.db.update(users).set({ email: 'gd.officer@fsco.example' }).where(eq(users.username, gdUser));
    const meeting = (await call(t.app, hk, 'POST', '/meetings', { kind: 'joint_work', agreementCode: 'food-safety', title: '改期測試會議', unitIds: [fsco], scheduledAt: '2026-12-01T10:00:00+08:00' })).json();
    const toGd = async () => (await t.ctx.db.select().from(mailOutbox).where(eq(mailOutbox.to, 'gd.officer@fsco.example'))).filter((m) => m.subject.includes('改期測試會議') || m.subject.includes('改期测试会议'));
    const convened = (await toGd()).length;
    expect((await call(t.app, hk, 'PATCH', `/meetings/${meeting.id}`, { minutes: '紀要' })).statusCode).toBe(200);
    expect((await toGd()).length).toBe(convened);
    expect((await call(t.app, hk, 'PATCH', `/meetings/${meeting.id}`, { scheduledAt: '2026-12-02T10:00:00+08:00', location: '深圳' })).statusCode).toBe(200);
    expect((await toGd()).length).toBe(convened + 1);
  });

  it('keeps minutes, decisions and action items with owners and due dates; only the owner closes its item', async () => {
    const meeting = (await call(t.app, hk, 'POST', '/meetings', { kind: 'joint_work', agreementCode: 'food-safety', title: '年度工作會議', unitIds: [fsco], scheduledAt: '2026-12-01T10:00:00+08:00' })).json();
    const kept = await call(t.app, gd, 'PATCH', `/meetings/${meeting.id}`, { minutes: '雙方總結本年度合作情況。', decisions: ['加強供港水產品抽檢'] });
    expect(kept.json()).toMatchObject({ minutes: '雙方總結本年度合作情況。', decisions: ['加強供港水產品抽檢'] });
    // A new item already overdue is refused: a slip of the year or month (the test clock is 2026-11-24).
    const late = await call(t.app, hk, 'POST', `/meetings/${meeting.id}/action-items`, { description: '提交抽檢計劃', ownerUnitId: fsco, dueOn: '2025-11-25' });
    expect(late.json().error.fields).toMatchObject([{ field: 'dueOn', code: 'in_past' }]);
    const item = await call(t.app, hk, 'POST', `/meetings/${meeting.id}/action-items`, { description: '提交抽檢計劃', ownerUnitId: fsco, ownerName: '李主任', dueOn: '2026-11-25' });
    expect(item.statusCode).toBe(201);
    expect(item.json().actionItems[0].overdue).toBe(false);
    // Two days on, it is overdue (sessions end meanwhile: the officers log in again).
    t.clock.advance(2 * 86_400_000);
    hk = await logInAs(t.app, hkUser);
    gd = await logInAs(t.app, gdUser);
    const added = (await call(t.app, hk, 'GET', `/meetings/${meeting.id}`)).json().actionItems[0];
    expect(added.overdue).toBe(true);
    expect((await call(t.app, hk, 'POST', `/meetings/${meeting.id}/action-items/${added.id}/done`)).statusCode).toBe(403);
    const done = await call(t.app, gd, 'POST', `/meetings/${meeting.id}/action-items/${added.id}/done`);
    expect(done.json().actionItems[0]).toMatchObject({ status: 'done', overdue: false });
    const wrongOwner = await call(t.app, hk, 'POST', `/meetings/${meeting.id}/action-items`, { description: 'x', ownerUnitId: await unitId(t.ctx, 'hk-edb'), dueOn: '2026-12-20' });
    expect(wrongOwner.statusCode).toBe(400);
  });
});
