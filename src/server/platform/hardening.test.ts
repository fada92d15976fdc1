import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, buildUser, engines, logInAs, startTestApp, unitId, type TestApp } from '../../../test/support/harness.ts';
import { call, draftBody } from '../../../test/support/notifications.ts';

/** Inputs and sequences found by probing the API: each answered 500 or let something through before. */
describe.each(engines)('hardening on %s', (engine) => {
  let t: TestApp;
  let fsco: string;
  let fhb: string;
  let hk: string;
  let hkApprover: string;
  let gd: string;
  let gdReader: string;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp({ engine });
    fsco = await unitId(t.ctx, 'gd-fsco');
    fhb = await unitId(t.ctx, 'hk-fhb');
    hk = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-fhb', roles: ['officer'] })).username);
    hkApprover = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-fhb', roles: ['approver'] })).username);
    gd = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'gd-fsco', roles: ['officer'] })).username);
    gdReader = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'gd-fsco', roles: ['reader'] })).username);
    admin = await logInAs(t.app, 'admin', ADMIN_PASSWORD);
  });
  afterAll(() => t?.close());

  it('answers a NUL character in any text with 400, naming the field', async () => {
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'a\u0000b', password: 'x' } });
    expect(login.statusCode).toBe(400);
    expect(login.json().error.fields[0].field).toBe('username');
    const body = draftBody(fsco);
    const draft = await call(t.app, hk, 'POST', '/notifications', { ...body, text: { ...body.text, title: 'x\u0000' } });
    expect(draft.statusCode).toBe(400);
    expect(draft.json().error.fields[0].field).toBe('text.title');
    expect((await t.app.inject({ url: '/api/v1/search?q=food&party=%00' })).statusCode).toBe(400);
  });

  it('answers dates PostgreSQL cannot hold with 400', async () => {
    expect((await call(t.app, gd, 'GET', '/notifications?from=0000-01-01')).statusCode).toBe(400);
    const meeting = await call(t.app, hk, 'POST', '/meetings', { kind: 'joint_work', title: 'x', unitIds: [fsco], scheduledAt: '9999-12-31T23:59:59-14:00' });
    expect(meeting.statusCode).toBe(400);
    expect(meeting.json().error.fields[0].field).toBe('scheduledAt');
  });

  it('answers a malformed multipart upload with 400', async () => {
    const n = (await call(t.app, hk, 'POST', '/notifications', draftBody(fsco))).json();
    const noBoundary = await t.app.inject({ method: 'POST', url: `/api/v1/notifications/${n.id}/attachments`, headers: { cookie: hk, 'content-type': 'multipart/form-data' }, payload: 'x' });
    expect(noBoundary.statusCode).toBe(400);
    const truncated = await t.app.inject({
      method: 'POST',
      url: `/api/v1/notifications/${n.id}/attachments`,
      headers: { cookie: hk, 'content-type': 'multipart/form-data; boundary=b' },
      payload: '--b\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nhalf',
    });
    expect(truncated.statusCode).toBeGreaterThanOrEqual(400);
    expect(truncated.statusCode).toBeLessThan(500);
  });

  it('refuses figures no indicator can reach, so one entry cannot break the progress pages', async () => {
    const edb = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-edb', roles: ['officer'] })).username);
    const commitments = (await call(t.app, edb, 'GET', '/progress/commitments?area=education')).json();
    const indicator = commitments.flatMap((c: { indicators: { id: string; baseline: { value: number } | null }[] }) => c.indicators).find((i: { baseline: { value: number } | null }) => i.baseline?.value === 291);
    const huge = await call(t.app, edb, 'POST', `/progress/indicators/${indicator.id}/measurements`, { value: 1e308, date: '2016-01-01', source: {} });
    expect(huge.statusCode).toBe(400);
    expect((await call(t.app, edb, 'GET', '/progress/commitments')).statusCode).toBe(200);
  });

  it("keeps the sending unit's internal review from the recipient", async () => {
    const n = (await call(t.app, hk, 'POST', '/notifications', draftBody(fsco))).json();
    await call(t.app, hk, 'POST', `/notifications/${n.id}/submit`);
    await call(t.app, hkApprover, 'POST', `/notifications/${n.id}/return`, { comment: 'INTERNAL: check the farm first' });
    await call(t.app, hk, 'POST', `/notifications/${n.id}/submit`);
    await call(t.app, hkApprover, 'POST', `/notifications/${n.id}/approve`);
    const seen = (await call(t.app, gdReader, 'GET', `/notifications/${n.id}`)).json();
    expect(JSON.stringify(seen)).not.toContain('INTERNAL');
    expect(seen.timeline.map((e: { kind: string }) => e.kind)).toEqual(['sent', 'received']);
    const own = (await call(t.app, hk, 'GET', `/notifications/${n.id}`)).json();
    expect(own.timeline.map((e: { kind: string }) => e.kind)).toContain('returned');
  });

  it('does not let the platform administrator join a unit, nor read what units wrote through the audit trail', async () => {
    const me = (await call(t.app, admin, 'GET', '/me')).json();
    const join = await call(t.app, admin, 'PATCH', `/users/${me.id}`, { unitId: fsco, roles: ['approver'] });
    expect(join.statusCode).toBe(400);
    const audit = (await call(t.app, admin, 'GET', '/audit?limit=200')).json();
    expect(JSON.stringify(audit)).not.toContain('INTERNAL');
  });

  it('refuses a second answer, a second completion and files added while awaiting approval', async () => {
    const n = (await call(t.app, hk, 'POST', '/notifications', draftBody(fsco))).json();
    await call(t.app, hk, 'POST', `/notifications/${n.id}/submit`);
    const boundary = 'b';
    const upload = await t.app.inject({
      method: 'POST',
      url: `/api/v1/notifications/${n.id}/attachments`,
      headers: { cookie: hk, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `--b\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nlab\r\n--b--\r\n`,
    });
    expect(upload.statusCode).toBe(409);
    await call(t.app, hkApprover, 'POST', `/notifications/${n.id}/approve`);
    const asked = (await call(t.app, gd, 'POST', `/notifications/${n.id}/expert-consultations`, { question: 'q', experts: [{ name: 'e' }] })).json();
    const consultation = asked.expertConsultations.at(-1).id;
    expect((await call(t.app, gd, 'POST', `/notifications/${n.id}/expert-consultations/${consultation}/advice`, { advice: 'first' })).statusCode).toBe(200);
    expect((await call(t.app, gd, 'POST', `/notifications/${n.id}/expert-consultations/${consultation}/advice`, { advice: 'second' })).statusCode).toBe(409);

    const meeting = (await call(t.app, hk, 'POST', '/meetings', { kind: 'joint_work', title: 'm', unitIds: [fsco], scheduledAt: '2026-12-01T10:00:00+08:00' })).json();
    const item = (await call(t.app, hk, 'POST', `/meetings/${meeting.id}/action-items`, { description: 'd', ownerUnitId: fhb, dueOn: '2026-12-10' })).json().actionItems[0];
    expect((await call(t.app, hk, 'POST', `/meetings/${meeting.id}/action-items/${item.id}/done`)).statusCode).toBe(200);
    expect((await call(t.app, hk, 'POST', `/meetings/${meeting.id}/action-items/${item.id}/done`)).statusCode).toBe(409);
  });

  it('does not tell a unit invited to a meeting about the notification it was convened from', async () => {
    const n = (await call(t.app, hk, 'POST', '/notifications', draftBody(fsco))).json();
    await call(t.app, hk, 'POST', `/notifications/${n.id}/submit`);
    await call(t.app, hkApprover, 'POST', `/notifications/${n.id}/approve`);
    const edb = await unitId(t.ctx, 'hk-edb');
    const meeting = (await call(t.app, hk, 'POST', '/meetings', { kind: 'urgent_high_level', title: 'm', unitIds: [fsco, edb], scheduledAt: '2026-12-01T10:00:00+08:00', triggerNotificationId: n.id })).json();
    const edbOfficer = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-edb', roles: ['officer'] })).username);
    expect((await call(t.app, edbOfficer, 'GET', `/meetings/${meeting.id}`)).json().trigger).toBeNull();
    expect((await call(t.app, edbOfficer, 'GET', `/meetings?notificationId=${n.id}`)).json()).toEqual([]);
    expect((await call(t.app, hk, 'GET', `/meetings/${meeting.id}`)).json().trigger.id).toBe(n.id);
  });
});
