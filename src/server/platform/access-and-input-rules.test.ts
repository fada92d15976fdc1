import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inArray, sql } from 'drizzle-orm';
import { ADMIN_PASSWORD, buildUser, engines, logInAs, startTestApp, unitId, type TestApp } from '../../../test/support/harness.ts';
import { mailOutbox, users } from '../db/schema.ts';
import { call, draftBody } from '../../../test/support/notifications.ts';

/**
 * Holes found by an authorisation review of the running API (November 2026): each test did
 * what the reviewer did, and was answered as it should not have been before the fix.
 */
describe.each(engines)('access rules across modules (four eyes, the outline of exchanges, linked records), retries and input no field can hold on %s', (engine) => {
  let t: TestApp;
  let fsco: string;
  let hk: string;
  let hkApprover: string;
  let hkApprover2: string;
  let gd: string;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp({ engine });
    fsco = await unitId(t.ctx, 'gd-fsco');
    hk = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-fhb', roles: ['officer'] })).username);
    hkApprover = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-fhb', roles: ['approver'] })).username);
    hkApprover2 = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-fhb', roles: ['approver'] })).username);
    gd = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'gd-fsco', roles: ['officer'] })).username);
    admin = await logInAs(t.app, 'admin', ADMIN_PASSWORD);
  });
  afterAll(() => t?.close());

  const sendFromHk = async (overrides: Record<string, unknown> = {}) => {
    const n = (await call(t.app, hk, 'POST', '/notifications', draftBody(fsco, overrides))).json();
    await call(t.app, hk, 'POST', `/notifications/${n.id}/submit`);
    return (await call(t.app, hkApprover, 'POST', `/notifications/${n.id}/approve`)).json();
  };

  it('does not let an approver approve what they wrote into a colleague’s draft', async () => {
    const n = (await call(t.app, hk, 'POST', '/notifications', draftBody(fsco))).json();
    const body = draftBody(fsco);
    expect((await call(t.app, hkApprover, 'PATCH', `/notifications/${n.id}`, { text: { ...body.text, title: 'APPROVER-WRITTEN' } })).statusCode).toBe(200);
    await call(t.app, hkApprover, 'POST', `/notifications/${n.id}/submit`);
    const page = (await call(t.app, hkApprover, 'GET', `/notifications/${n.id}`)).json();
    expect(page.can).toMatchObject({ approve: false, approveByAnother: true });
    expect((await call(t.app, hkApprover, 'POST', `/notifications/${n.id}/approve`)).statusCode).toBe(403);
    // Another approver, who wrote none of it, sends it.
    expect((await call(t.app, hkApprover2, 'POST', `/notifications/${n.id}/approve`)).json().status).toBe('sent');
  });

  it('asks by e-mail only the approvers who wrote none of a submitted draft', async () => {
    const [writer, other] = [await buildUser(t.ctx, { unit: 'hk-fhb', roles: ['approver'] }), await buildUser(t.ctx, { unit: 'hk-fhb', roles: ['approver'] })];
    await t.ctx.db.update(users).set({ email: sql`${users.username} || '@fhb.example'` }).where(inArray(users.id, [writer.id, other.id]));
    const n = (await call(t.app, hk, 'POST', '/notifications', draftBody(fsco))).json();
    await call(t.app, await logInAs(t.app, writer.username), 'PATCH', `/notifications/${n.id}`, { summaryEn: 'written by an approver' });
    const before = (await t.ctx.db.select({ id: mailOutbox.id }).from(mailOutbox)).length;
    await call(t.app, hk, 'POST', `/notifications/${n.id}/submit`);
    const told = (await t.ctx.db.select({ to: mailOutbox.to }).from(mailOutbox).orderBy(mailOutbox.id)).slice(before).map((m) => m.to);
    expect(told).toContain(`${other.username}@fhb.example`);
    expect(told).not.toContain(`${writer.username}@fhb.example`);
  });

  it('counts a file attached to a draft as writing it', async () => {
    const n = (await call(t.app, hk, 'POST', '/notifications', draftBody(fsco))).json();
    const upload = await t.app.inject({
      method: 'POST',
      url: `/api/v1/notifications/${n.id}/attachments`,
      headers: { cookie: hkApprover, 'content-type': 'multipart/form-data; boundary=b' },
      payload: '--b\r\nContent-Disposition: form-data; name="file"; filename="lab.txt"\r\nContent-Type: text/plain\r\n\r\nmalachite green 4.2\r\n--b--\r\n',
    });
    expect(upload.statusCode, upload.body).toBe(201);
    await call(t.app, hk, 'POST', `/notifications/${n.id}/submit`);
    expect((await call(t.app, hkApprover, 'POST', `/notifications/${n.id}/approve`)).statusCode).toBe(403);
  });

  it('shows the platform administrator only the outline of what units exchanged in meetings', async () => {
    const meeting = (await call(t.app, hk, 'POST', '/meetings', { kind: 'joint_work', title: 'MEETSECRET urgent', unitIds: [fsco], scheduledAt: '2026-12-01T10:00:00+08:00' })).json();
    expect((await call(t.app, hk, 'PATCH', `/meetings/${meeting.id}`, { minutes: 'MINUTESSECRET recall lot 42', decisions: ['DECISIONSECRET'] })).statusCode).toBe(200);
    const fhb = await unitId(t.ctx, 'hk-fhb');
    await call(t.app, hk, 'POST', `/meetings/${meeting.id}/action-items`, { description: 'ITEMSECRET', ownerUnitId: fhb, dueOn: '2026-12-10' });
    const audit = await call(t.app, admin, 'GET', '/audit?limit=200');
    expect(audit.statusCode).toBe(200);
    expect(audit.body).not.toMatch(/MEETSECRET|MINUTESSECRET|DECISIONSECRET|ITEMSECRET/);
    const convened = audit.json().find((e: { action: string; entityId: string }) => e.action === 'meeting.convened' && e.entityId === meeting.id);
    expect(convened.data).toMatchObject({ kind: 'joint_work', unitIds: expect.arrayContaining([fsco]) });
  });

  it('links a verification only to a notification both its units can read, and names to a recipient only the related notifications it can read', async () => {
    // hk-ipd sends gd-customs a notification; hk-customs cannot read it.
    const user = async (unit: string, role: 'officer' | 'approver') => logInAs(t.app, (await buildUser(t.ctx, { unit, roles: [role] })).username);
    const [ipdOfficer, ipdApprover, hkCustoms, gdCustoms] = [await user('hk-ipd', 'officer'), await user('hk-ipd', 'approver'), await user('hk-customs', 'officer'), await user('gd-customs', 'officer')];
    const gdCustomsUnit = await unitId(t.ctx, 'gd-customs');
    const ipd = (await call(t.app, ipdOfficer, 'POST', '/notifications', draftBody(gdCustomsUnit))).json();
    await call(t.app, ipdOfficer, 'POST', `/notifications/${ipd.id}/submit`);
    expect((await call(t.app, ipdApprover, 'POST', `/notifications/${ipd.id}/approve`)).json().status).toBe('sent');
    // hk-customs asks gd-customs; gd-customs may not link the request to what hk-customs cannot read.
    const asked = await call(t.app, hkCustoms, 'POST', '/verification-requests', {
      toUnitId: gdCustomsUnit,
      script: 'zh-Hant',
      subject: '核實',
      question: '請核實。',
      deadlineAt: '2027-01-01T00:00:00+08:00',
      plannedReleaseAt: '2027-01-02T00:00:00+08:00',
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const link = await call(t.app, gdCustoms, 'POST', `/verification-requests/${asked.json().id}/link`, { notificationId: ipd.id });
    expect(link.statusCode).toBe(400);
    expect(link.json().error.fields[0].field).toBe('notificationId');
    expect((await call(t.app, hkCustoms, 'GET', `/verification-requests/${asked.json().id}`)).json().notificationId).toBeNull();

    // A notification hk-fhb refers to but gd-fsco cannot read is not named to gd-fsco.
    const between = await sendFromHk();
    const hkInternal = (await call(t.app, hk, 'POST', '/notifications', draftBody(fsco))).json();
    const referring = await sendFromHk({ relatedIds: [hkInternal.id, between.id] });
    const seen = (await call(t.app, gd, 'GET', `/notifications/${referring.id}`)).json();
    expect(seen.relatedIds).toEqual([between.id]);
    expect(seen.related.map((r: { id: string }) => r.id)).toEqual([between.id]);
    expect((await call(t.app, hk, 'GET', `/notifications/${referring.id}`)).json().relatedIds).toEqual([hkInternal.id, between.id]);
  });

  it('answers a pre-publication request only under its own path, not as a media report', async () => {
    const asked = (
      await call(t.app, hk, 'POST', '/verification-requests', {
        toUnitId: fsco,
        script: 'zh-Hant',
        subject: '核實',
        question: '請核實。',
        deadlineAt: '2027-01-01T00:00:00+08:00',
        plannedReleaseAt: '2027-01-02T00:00:00+08:00',
      })
    ).json();
    expect((await call(t.app, gd, 'GET', `/media-reports/${asked.id}`)).statusCode).toBe(404);
    expect((await call(t.app, gd, 'POST', `/media-reports/${asked.id}/answer`, { outcome: 'confirmed', script: 'zh-Hans', answer: '属实' })).statusCode).toBe(404);
    expect((await call(t.app, gd, 'GET', `/verification-requests/${asked.id}`)).statusCode).toBe(200);
  });

  it('answers a retried Idempotency-Key from the first request only when the request is the same, by the same unit', async () => {
    const key = { 'idempotency-key': 'probe-key-0001-fingerprint' };
    const first = await call(t.app, hk, 'POST', '/notifications', draftBody(fsco, { text: { ...draftBody(fsco).text, title: 'FIRST' } }), key);
    expect(first.statusCode).toBe(201);
    const same = await call(t.app, hk, 'POST', '/notifications', draftBody(fsco, { text: { ...draftBody(fsco).text, title: 'FIRST' } }), key);
    expect(same.headers['idempotent-replayed']).toBe('true');
    expect(same.json().id).toBe(first.json().id);
    const other = await call(t.app, hk, 'POST', '/notifications', draftBody(fsco, { text: { ...draftBody(fsco).text, title: 'SECOND' } }), key);
    expect(other.statusCode).toBe(409);
    expect(other.json().error.fields[0].field).toBe('Idempotency-Key');

    // A user moved to another unit is not given the first answer again.
    const mover = await buildUser(t.ctx, { unit: 'hk-fhb', roles: ['officer'] });
    const moverCookie = await logInAs(t.app, mover.username);
    const moverKey = { 'idempotency-key': 'probe-key-0002-moved-unit' };
    expect((await call(t.app, moverCookie, 'POST', '/notifications', draftBody(fsco), moverKey)).statusCode).toBe(201);
    const edb = await unitId(t.ctx, 'hk-edb');
    expect((await call(t.app, admin, 'PATCH', `/users/${mover.id}`, { unitId: edb })).statusCode).toBe(200);
    const moved = await logInAs(t.app, mover.username);
    const replay = await call(t.app, moved, 'POST', '/notifications', draftBody(fsco), moverKey);
    expect(replay.statusCode).toBe(409);
    expect(replay.body).not.toContain(first.json().text['zh-Hant'].scope);
  });

  it('answers input no field can hold with 400 naming where it is: deep nesting, lone surrogates', async () => {
    const deep = '['.repeat(6000) + ']'.repeat(6000);
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: deep });
    expect(login.statusCode).toBe(400);
    expect(login.json().error.fields[0]).toMatchObject({ field: 'body', code: 'too_deep' });
    const n = (await call(t.app, hk, 'POST', '/notifications', draftBody(fsco))).json();
    for (const bad of ['\ud800', '\udfffx', '\udc00\ud800']) {
      const patch = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/notifications/${n.id}`,
        headers: { cookie: hk, 'content-type': 'application/json' },
        // Written out as JSON escapes, as a client would send them.
        payload: `{"summaryEn":"${[...bad].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}"}`,
      });
      expect(patch.statusCode, bad).toBe(400);
      expect(patch.json().error.fields[0]).toMatchObject({ field: 'summaryEn', code: 'invalid_format' });
    }
    // A name that reads as another in a timeline: bidirectional override, zero-width joiner.
    for (const name of ['Officer \u202Egnp.exe', 'Chan\u200dTai Man']) {
      const renamed = await call(t.app, hk, 'PATCH', '/me', { displayName: name });
      expect(renamed.statusCode, name).toBe(400);
      expect(renamed.json().error.fields[0].field).toBe('displayName');
    }
    expect((await call(t.app, hk, 'PATCH', '/me', { displayName: '陳大文 Chan Tai-man' })).statusCode).toBe(200);
    const zh = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'accept-language': 'zh-Hant' }, payload: { username: 'a\ud800', password: 'x' } });
    expect(zh.json().error.fields[0].message).toContain('格式不正確');
  });

  it('answers a multipart upload cut short on a real connection with 400, not 500', async () => {
    // Through inject the body arrives whole; on a socket busboy sees the part end early.
    const n = (await call(t.app, hk, 'POST', '/notifications', draftBody(fsco))).json();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const head = '--b\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\n';
    for (const payload of [`${head}half`, `${head}half\r\n`]) {
      const status = await new Promise<number>((resolve, reject) => {
        const request = http.request(
          { port, host: '127.0.0.1', method: 'POST', path: `/api/v1/notifications/${n.id}/attachments`, headers: { cookie: hk, 'content-type': 'multipart/form-data; boundary=b' } },
          (response) => {
            response.resume();
            response.on('end', () => resolve(response.statusCode!));
          },
        );
        request.on('error', reject);
        request.end(payload);
      });
      expect(status, JSON.stringify(payload.slice(-8))).toBe(400);
    }
  });
});
