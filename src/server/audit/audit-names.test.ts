import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, engines, logInAs, startTestApp, unitId, type TestApp } from '../../../test/support/harness.ts';
import { call, draftBody } from '../../../test/support/notifications.ts';

describe.each(engines)('audit entries name who, which unit and which record, beside the ids, on %s', (engine) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ engine });
  });
  afterAll(() => t?.close());

  it("gives display names, unit names and the record's reference and title — the title only to those who may read it", async () => {
    const fsco = await unitId(t.ctx, 'gd-fsco');
    const officer = await buildUser(t.ctx, { unit: 'hk-fhb', roles: ['officer'] });
    const hk = await logInAs(t.app, officer.username);
    const approver = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-fhb', roles: ['approver'] })).username);
    const unitAdmin = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-fhb', roles: ['unit_admin'] })).username);
    const n = (await call(t.app, hk, 'POST', '/notifications', draftBody(fsco))).json();
    await call(t.app, hk, 'POST', `/notifications/${n.id}/submit`);
    const { reference } = (await call(t.app, approver, 'POST', `/notifications/${n.id}/approve`)).json();

    const mine = (await call(t.app, unitAdmin, 'GET', '/audit?entityType=notification')).json();
    const drafted = mine.find((e: { action: string }) => e.action === 'notification.drafted');
    // The API keeps what was recorded …
    expect(drafted).toMatchObject({ actor: officer.username, entityId: n.id, data: { recipientUnitId: fsco } });
    // … and names it.
    expect(drafted.actorName).toBe(officer.displayName);
    expect(drafted.unitName.en).toBe('Food and Health Bureau');
    expect(drafted.names[fsco]).toEqual({ kind: 'unit', label: expect.objectContaining({ en: 'Office of the Guangdong Provincial Food Safety Commission' }) });
    expect(drafted.names[n.id]).toEqual({ kind: 'notification', label: expect.objectContaining({ 'zh-Hant': `${reference} 冷凍蝦仁驗出孔雀石綠` }) });

    // The platform administrator, no party to the exchange, gets its reference, not its title.
    const admin = await logInAs(t.app, 'admin', 'admin-password-for-tests');
    const all = (await call(t.app, admin, 'GET', '/audit?entityType=notification')).json();
    const seen = all.find((e: { action: string }) => e.action === 'notification.drafted');
    expect(seen.names[n.id].label).toEqual({ 'zh-Hant': reference, 'zh-Hans': reference, en: reference });
    expect(JSON.stringify(seen)).not.toContain('孔雀石綠');
  });

  it('names the title of a notification to the customs unit it was routed to, which reads it', async () => {
    const fsco = await unitId(t.ctx, 'gd-fsco');
    const hk = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-fhb', roles: ['officer'] })).username);
    const approver = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-fhb', roles: ['approver'] })).username);
    const customs = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-customs', roles: ['officer'] })).username);
    const customsAdmin = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-customs', roles: ['unit_admin'] })).username);
    const n = (await call(t.app, hk, 'POST', '/notifications', draftBody(fsco, { customsChannel: true }))).json();
    await call(t.app, hk, 'POST', `/notifications/${n.id}/submit`);
    const { reference } = (await call(t.app, approver, 'POST', `/notifications/${n.id}/approve`)).json();
    expect((await call(t.app, hk, 'POST', `/notifications/${n.id}/customs-routing`, { customsUnitId: await unitId(t.ctx, 'hk-customs'), routedAt: '2026-11-24T11:00:00+08:00' })).statusCode).toBe(201);
    expect((await call(t.app, customs, 'POST', `/notifications/${n.id}/follow-ups`, { kind: 'additional_information', script: 'zh-Hant', text: '已截查。' })).statusCode).toBe(201);
    const entries = (await call(t.app, customsAdmin, 'GET', '/audit?entityType=notification')).json();
    const followedUp = entries.find((e: { action: string; entityId: string }) => e.action === 'notification.follow_up' && e.entityId === n.id);
    expect(followedUp.names[n.id].label['zh-Hant']).toBe(`${reference} 冷凍蝦仁驗出孔雀石綠`);
  });
});
