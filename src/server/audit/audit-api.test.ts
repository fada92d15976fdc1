import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, buildUser, engines, logInAs, startTestApp, unitId, type TestApp } from '../../../test/support/harness.ts';
import { count } from 'drizzle-orm';
import { auditChain } from '../db/schema.ts';
import { regionDay } from '../platform/clock.ts';
import { call, draftBody } from '../../../test/support/notifications.ts';

type Entry = { id: number; action: string; actor: string; entityType: string; entityId: string; unitId: string | null; hash: string | null };

/** The audit page's questions: what happened to this record, what did this user do, what of this kind, on which days. */
describe.each(engines)('the audit trail read through the API on %s', (engine) => {
  let t: TestApp;
  let hk: string;
  let gd: string;
  let hkAdmin: string;
  let gdAdmin: string;
  let platform: string;
  let hkAdminName: string;
  let createdId: string;

  beforeAll(async () => {
    t = await startTestApp({ engine });
    hk = await unitId(t.ctx, 'hk-fhb');
    gd = await unitId(t.ctx, 'gd-fsco');
    const admin = await buildUser(t.ctx, { unit: 'hk-fhb', roles: ['unit_admin'] });
    hkAdminName = admin.username;
    hkAdmin = await logInAs(t.app, admin.username);
    gdAdmin = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'gd-fsco', roles: ['unit_admin'] })).username);
    platform = await logInAs(t.app, 'admin', ADMIN_PASSWORD);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: hkAdmin },
      payload: { username: 'fhb-audited-officer', displayName: '陳小明', password: 'a-good-password', unitId: hk, roles: ['officer'] },
    });
    expect(created.statusCode).toBe(201);
    createdId = created.json().id;
    await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${createdId}`, headers: { cookie: hkAdmin }, payload: { title: '衞生督察' } });
    await logInAs(t.app, 'fhb-audited-officer', 'a-good-password');
  });
  afterAll(() => t?.close());

  const read = async (cookie: string, query: string) => {
    const response = await t.app.inject({ url: `/api/v1/audit?${query}`, headers: { cookie, 'accept-language': 'zh-Hant' } });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as Entry[];
  };

  it("shows one record's history, newest first, chained", async () => {
    const history = await read(hkAdmin, `entityType=user&entityId=${createdId}`);
    expect(history.map((e) => e.action)).toEqual(['user.logged_in', 'user.updated', 'user.created']);
    // Chained once every older transaction on the server has ended (another test's may still run).
    await expect.poll(async () => (await read(hkAdmin, `entityType=user&entityId=${createdId}`)).every((e) => e.hash !== null), { timeout: 10_000 }).toBe(true);
  });

  it('shows only one action, or what one user did', async () => {
    const created = await read(platform, 'action=user.created&limit=200');
    expect(created.length).toBeGreaterThan(0);
    expect(created.every((e) => e.action === 'user.created')).toBe(true);
    const byAdmin = await read(platform, `actor=${hkAdminName}`);
    expect(byAdmin.map((e) => e.action).sort()).toEqual(['user.created', 'user.logged_in', 'user.updated']);
  });

  it("takes days of the region's calendar", async () => {
    const today = regionDay(t.clock.now());
    expect((await read(hkAdmin, `entityId=${createdId}&from=${today}&to=${today}`)).length).toBe(3);
    const tomorrow = regionDay(new Date(t.clock.now().getTime() + 86_400_000));
    expect(await read(hkAdmin, `entityId=${createdId}&from=${tomorrow}`)).toEqual([]);
    const yesterday = regionDay(new Date(t.clock.now().getTime() - 86_400_000));
    expect(await read(hkAdmin, `entityId=${createdId}&to=${yesterday}`)).toEqual([]);
  });

  it("keeps a unit administrator to their own unit's entries, whatever unit is asked for", async () => {
    expect(await read(gdAdmin, `entityType=user&entityId=${createdId}`)).toEqual([]);
    expect(await read(gdAdmin, `unitId=${hk}`)).toEqual([]);
    const gdOnly = await read(platform, `unitId=${gd}&limit=200`);
    expect(gdOnly.length).toBeGreaterThan(0);
    expect(gdOnly.every((e) => e.unitId === gd)).toBe(true);
  });

  it('answers a bad filter with the field and the reason in the reader\'s language', async () => {
    const bad = await t.app.inject({ url: '/api/v1/audit?action=user.deleted&from=2026-13-01', headers: { cookie: platform, 'accept-language': 'zh-Hant' } });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().error.fields.map((f: { field: string; message: string }) => [f.field, f.message]);
    expect(Object.fromEntries(fields)).toMatchObject({ action: expect.stringContaining('操作'), from: expect.stringContaining('由') });
    const reversed = await t.app.inject({ url: '/api/v1/audit?from=2026-11-20&to=2026-11-19', headers: { cookie: platform, 'accept-language': 'en' } });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.fields[0]).toMatchObject({ field: 'to', code: 'before_start' });
  });

  it('recomputes the whole chain for the platform administrator', async () => {
    const check = await t.app.inject({ url: '/api/v1/audit/verification', headers: { cookie: platform } });
    expect(check.statusCode).toBe(200);
    const [{ links }] = await t.ctx.db.select({ links: count() }).from(auditChain);
    // Every link there is was recomputed (nothing in this file writes meanwhile).
    expect(check.json()).toEqual({ ok: true, entries: Number(links), unsealed: expect.any(Number), checkpoint: { position: expect.any(Number), at: expect.any(String) }, beyondCheckpoint: expect.any(Number) });
    expect(Number(links)).toBeGreaterThan(0);
  });

  it("finds a notification's whole history by its reference number, from its draft on, for its own unit only", async () => {
    const officer = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-fhb', roles: ['officer'] })).username);
    const approver = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-fhb', roles: ['approver'] })).username);
    const n = (await call(t.app, officer, 'POST', '/notifications', draftBody(gd))).json();
    await call(t.app, officer, 'POST', `/notifications/${n.id}/submit`);
    const { reference } = (await call(t.app, approver, 'POST', `/notifications/${n.id}/approve`)).json();
    await expect.poll(async () => (await read(hkAdmin, `reference=${reference}`)).map((e) => e.action)).toEqual(['notification.sent', 'notification.submitted', 'notification.drafted']);
    expect(await read(gdAdmin, `reference=${reference}`)).toEqual([]);
  });
});
