import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog } from '../db/schema.ts';
import { ADMIN_PASSWORD, buildUser, engines, logInAs, startTestApp, unitId, type TestApp } from '../../../test/support/harness.ts';
import { api } from '../../../test/support/ip.ts';

const lead = (toUnitId: string) => ({
  toUnitId,
  channel: 'express_courier',
  goods: '仿冒手錶',
  brands: ['ROLEX'],
  quantity: '約 300 件',
  route: '深圳 → 香港 → 海外',
  summary: '同一寄件人經快件渠道多次寄出仿冒手錶。',
  riskLevel: 'high',
  riskAssessment: '近三個月同類快件增加。',
});

describe.each(engines)('enforcement leads between the two sides on %s', (engine) => {
  let t: TestApp;
  let hkCustoms: string;
  let hkCustoms2: string;
  let hkCustomsReader: string;
  let gdCustoms: string;
  let gdPolice: string;
  let hkIpd: string;
  let admin: string;
  let gdCustomsId: string;
  let gdPoliceId: string;
  let hkCustomsId: string;

  beforeAll(async () => {
    t = await startTestApp({ engine });
    hkCustoms = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-customs', roles: ['officer'] })).username);
    hkCustoms2 = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-customs', roles: ['officer'] })).username);
    hkCustomsReader = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-customs', roles: ['reader'] })).username);
    gdCustoms = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'gd-customs', roles: ['officer'] })).username);
    gdPolice = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'gd-police', roles: ['officer'] })).username);
    hkIpd = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-ipd', roles: ['officer', 'approver'] })).username);
    admin = await logInAs(t.app, 'admin', ADMIN_PASSWORD);
    [gdCustomsId, gdPoliceId, hkCustomsId] = await Promise.all([unitId(t.ctx, 'gd-customs'), unitId(t.ctx, 'gd-police'), unitId(t.ctx, 'hk-customs')]);
  });
  afterAll(() => t?.close());

  it('sends a lead to an enforcement unit of the other side only, with a reference number', async () => {
    const recipients = (await api(t.app, hkCustoms, 'GET', '/ip/lead-recipients')).json().map((u: { code: string }) => u.code);
    expect(recipients).toEqual(['gd-copyright', 'gd-customs', 'gd-police', 'gd-saic']);
    expect((await api(t.app, hkIpd, 'GET', '/ip/lead-recipients')).statusCode).toBe(403);
    const sent = await api(t.app, hkCustoms, 'POST', '/ip/leads', lead(gdCustomsId));
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json()).toMatchObject({ reference: expect.stringMatching(/^HK-IPL-\d{4}-0001$/), status: 'sent', channel: 'express_courier' });
    const sameSide = await api(t.app, gdPolice, 'POST', '/ip/leads', lead(gdCustomsId), { 'accept-language': 'en' });
    expect(sameSide.statusCode).toBe(400);
    expect(sameSide.json().error.fields[0]).toMatchObject({ field: 'toUnitId', code: 'same_side' });
    expect((await api(t.app, hkIpd, 'POST', '/ip/leads', lead(gdCustomsId))).statusCode).toBe(403);
    const bad = await api(t.app, hkCustoms, 'POST', '/ip/leads', { ...lead(gdCustomsId), channel: 'pigeon', goods: '' }, { 'accept-language': 'zh-HK' });
    expect(bad.statusCode).toBe(400);
    const fields = Object.fromEntries(bad.json().error.fields.map((f: { field: string; message: string }) => [f.field, f.message]));
    expect(fields.channel).toContain('渠道');
    expect(fields.goods).toContain('貨品');
  });

  it('shows a lead to the sending and the addressed unit only, at every endpoint', async () => {
    const id = (await api(t.app, hkCustoms, 'POST', '/ip/leads', lead(gdCustomsId))).json().id;
    // The two units see it (a reader of the sending unit too).
    for (const cookie of [hkCustoms, hkCustoms2, hkCustomsReader, gdCustoms]) expect((await api(t.app, cookie, 'GET', `/ip/leads/${id}`)).statusCode).toBe(200);
    expect((await api(t.app, gdCustoms, 'GET', '/ip/leads?box=received')).json().map((l: { id: string }) => l.id)).toContain(id);
    expect((await api(t.app, hkCustoms, 'GET', '/ip/leads?box=sent')).json().map((l: { id: string }) => l.id)).toContain(id);
    // Another enforcement unit of the addressee's side, an IP unit of the sender's side, the platform administrator: it does not exist.
    for (const cookie of [gdPolice, hkIpd, admin]) {
      expect((await api(t.app, cookie, 'GET', `/ip/leads/${id}`)).statusCode).toBe(404);
      expect((await api(t.app, cookie, 'POST', `/ip/leads/${id}/acknowledge`, {})).statusCode).toBe(404);
      expect((await api(t.app, cookie, 'POST', `/ip/leads/${id}/answer`, { outcome: 'seizure', feedback: '—' })).statusCode).toBe(404);
      for (const box of ['sent', 'received']) expect((await api(t.app, cookie, 'GET', `/ip/leads?box=${box}`)).json().map((l: { id: string }) => l.id)).not.toContain(id);
    }
    expect((await api(t.app, null, 'GET', `/ip/leads/${id}`)).statusCode).toBe(401);
    // Its contents stay out of the audit trail and the search index.
    const entries = await t.ctx.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(JSON.stringify(entries.map((e) => e.data))).not.toContain('仿冒手錶');
    expect((await api(t.app, gdCustoms, 'GET', `/search?q=${encodeURIComponent('仿冒手錶')}`)).json().total).toBe(0);
  });

  it('is acknowledged and answered by the addressee only, each step from its own state', async () => {
    const id = (await api(t.app, hkCustoms, 'POST', '/ip/leads', lead(gdCustomsId))).json().id;
    // The sender can neither acknowledge nor answer its own lead; the addressee cannot answer before acknowledging.
    expect((await api(t.app, hkCustoms, 'POST', `/ip/leads/${id}/acknowledge`, {})).statusCode).toBe(403);
    expect((await api(t.app, gdCustoms, 'POST', `/ip/leads/${id}/answer`, { outcome: 'seizure', feedback: '查獲' })).statusCode).toBe(409);
    const acknowledged = await api(t.app, gdCustoms, 'POST', `/ip/leads/${id}/acknowledge`, { comment: '收悉' });
    expect(acknowledged.json()).toMatchObject({ status: 'acknowledged', can: { acknowledge: false, answer: true } });
    expect((await api(t.app, gdCustoms, 'POST', `/ip/leads/${id}/acknowledge`, {})).statusCode).toBe(409);
    expect((await api(t.app, hkCustoms, 'POST', `/ip/leads/${id}/answer`, { outcome: 'seizure', feedback: '查獲' })).statusCode).toBe(403);
    const answered = await api(t.app, gdCustoms, 'POST', `/ip/leads/${id}/answer`, { outcome: 'seizure', feedback: '查获仿冒手表 280 件，已立案。' });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json()).toMatchObject({ status: 'answered', outcome: 'seizure' });
    expect(answered.json().history.map((h: { kind: string; unitId: string }) => [h.kind, h.unitId])).toEqual([
      ['sent', hkCustomsId],
      ['acknowledged', gdCustomsId],
      ['answered', gdCustomsId],
    ]);
    expect((await api(t.app, gdCustoms, 'POST', `/ip/leads/${id}/answer`, { outcome: 'no_action', feedback: '—' })).statusCode).toBe(409);
    const actions = (await t.ctx.db.select().from(auditLog).where(eq(auditLog.entityId, id))).map((e) => e.action);
    expect(actions).toEqual(['ip_lead.sent', 'ip_lead.acknowledged', 'ip_lead.answered']);
    expect(gdPoliceId).toBeTruthy();
  });
});
