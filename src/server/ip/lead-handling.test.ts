import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog } from '../db/schema.ts';
import { ADMIN_PASSWORD, buildUser, engines, logInAs, startTestApp, unitId, type TestApp } from '../../../test/support/harness.ts';
import { api } from '../../../test/support/ip.ts';

const parties = [
  { role: 'consignor', name: '陳大文', idNumber: 'A123456(7)', address: '深圳市福田區某路 1 號', company: '某某貿易有限公司' },
  { role: 'consignee', name: 'CHAN Siu Ming', idNumber: null, address: null, company: null },
];
const lead = (toUnitId: string, extra: Record<string, unknown> = {}) => ({
  toUnitId,
  channel: 'sea_freight',
  goods: '仿冒手袋',
  brands: ['LV'],
  route: '蛇口 → 葵涌',
  summary: '貨櫃申報為布料，實為仿冒手袋。',
  riskLevel: 'medium',
  ...extra,
});

/** Handling codes (may a lead be passed on?) and the parties' personal data kept apart, both enforced by the server. */
describe.each(engines)('a lead’s handling code and its parties’ personal data on %s', (engine) => {
  let t: TestApp;
  const c: Record<string, string> = {};
  const u: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp({ engine });
    const as = async (unit: string, roles: ('officer' | 'approver' | 'reader')[]) => logInAs(t.app, (await buildUser(t.ctx, { unit, roles })).username);
    c.hkOfficer = await as('hk-customs', ['officer']);
    c.hkApprover = await as('hk-customs', ['approver']);
    c.gdOfficer = await as('gd-customs', ['officer']);
    c.gdApprover = await as('gd-customs', ['approver']);
    c.gdPolice = await as('gd-police', ['officer']);
    c.gdPoliceApprover = await as('gd-police', ['approver']);
    c.gdSaic = await as('gd-saic', ['officer']);
    c.admin = await logInAs(t.app, 'admin', ADMIN_PASSWORD);
    for (const code of ['hk-customs', 'gd-customs', 'gd-police', 'gd-saic', 'hk-ipd']) u[code] = await unitId(t.ctx, code);
  });
  afterAll(() => t?.close());

  const send = async (extra: Record<string, unknown> = {}) => {
    const sent = await api(t.app, c.hkOfficer, 'POST', '/ip/leads', lead(u['gd-customs'], extra));
    expect(sent.statusCode, sent.body).toBe(201);
    return sent.json().id as string;
  };

  it('refuses to pass on a lead marked for the addressee only, whoever asks', async () => {
    const id = await send();
    expect((await api(t.app, c.gdOfficer, 'POST', `/ip/leads/${id}/acknowledge`, {})).statusCode).toBe(200);
    const shown = (await api(t.app, c.gdOfficer, 'GET', `/ip/leads/${id}`)).json();
    expect(shown).toMatchObject({ handlingCode: 'addressee_only', can: { passOn: false }, passOnTo: [] });
    expect((await api(t.app, c.gdOfficer, 'POST', `/ip/leads/${id}/pass-on`, { toUnitId: u['gd-police'] })).statusCode).toBe(403);
    expect((await api(t.app, c.gdApprover, 'POST', `/ip/leads/${id}/pass-on`, { toUnitId: u['gd-police'] })).statusCode).toBe(403);
    // Still unseen by the unit it was not passed on to.
    expect((await api(t.app, c.gdPolice, 'GET', `/ip/leads/${id}`)).statusCode).toBe(404);
  });

  it('lets the addressee pass on a lead the sender allowed, once acknowledged, to its own side only, in the history and the audit trail', async () => {
    const id = await send({ handlingCode: 'may_pass_on_with_consent' });
    // Not before it is acknowledged.
    expect((await api(t.app, c.gdOfficer, 'POST', `/ip/leads/${id}/pass-on`, { toUnitId: u['gd-police'] })).statusCode).toBe(409);
    expect((await api(t.app, c.gdOfficer, 'POST', `/ip/leads/${id}/acknowledge`, {})).statusCode).toBe(200);
    // The sender may not pass it on; another unit does not see it at all.
    expect((await api(t.app, c.hkOfficer, 'POST', `/ip/leads/${id}/pass-on`, { toUnitId: u['gd-police'] })).statusCode).toBe(403);
    expect((await api(t.app, c.gdPolice, 'POST', `/ip/leads/${id}/pass-on`, { toUnitId: u['gd-saic'] })).statusCode).toBe(404);
    // Only to an enforcement unit of the addressee's side, named in the user's language.
    const across = await api(t.app, c.gdOfficer, 'POST', `/ip/leads/${id}/pass-on`, { toUnitId: u['hk-customs'] }, { 'accept-language': 'zh-HK' });
    expect(across.statusCode).toBe(400);
    expect(across.json().error.fields[0]).toMatchObject({ field: 'toUnitId', code: 'pass_on_own_side' });
    expect(across.json().error.fields[0].message).toContain('發往');
    expect((await api(t.app, c.gdOfficer, 'POST', `/ip/leads/${id}/pass-on`, { toUnitId: u['hk-ipd'] })).statusCode).toBe(400);
    const bad = await api(t.app, c.gdOfficer, 'POST', `/ip/leads/${id}/pass-on`, { toUnitId: 'police' }, { 'accept-language': 'en' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].message).toContain('Passed on to');

    const shown = (await api(t.app, c.gdOfficer, 'GET', `/ip/leads/${id}`)).json();
    expect(shown.can.passOn).toBe(true);
    expect(shown.passOnTo.map((x: { code: string }) => x.code)).toEqual(['gd-copyright', 'gd-police', 'gd-saic']);
    const passed = await api(t.app, c.gdOfficer, 'POST', `/ip/leads/${id}/pass-on`, { toUnitId: u['gd-police'], comment: '涉及刑事' });
    expect(passed.statusCode, passed.body).toBe(200);
    expect(passed.json().passedTo.map((x: { code: string }) => x.code)).toEqual(['gd-police']);
    expect(passed.json().history.map((h: { kind: string }) => h.kind)).toEqual(['sent', 'acknowledged', 'passed_on']);
    expect((await api(t.app, c.gdOfficer, 'POST', `/ip/leads/${id}/pass-on`, { toUnitId: u['gd-police'] })).statusCode).toBe(409);

    // The police now read it (in their received box) but neither acknowledge, answer nor pass it on; the sender sees to whom it went.
    expect((await api(t.app, c.gdPolice, 'GET', `/ip/leads/${id}`)).json()).toMatchObject({ can: { acknowledge: false, answer: false, passOn: false, viewParties: false } });
    expect((await api(t.app, c.gdPolice, 'GET', '/ip/leads?box=received')).json().map((l: { id: string }) => l.id)).toContain(id);
    expect((await api(t.app, c.gdPolice, 'POST', `/ip/leads/${id}/answer`, { outcome: 'seizure', feedback: '—' })).statusCode).toBe(403);
    expect((await api(t.app, c.gdPolice, 'POST', `/ip/leads/${id}/pass-on`, { toUnitId: u['gd-saic'] })).statusCode).toBe(403);
    expect((await api(t.app, c.hkOfficer, 'GET', `/ip/leads/${id}`)).json().passedTo.map((x: { code: string }) => x.code)).toEqual(['gd-police']);
    // A unit it was not passed on to still does not see it.
    expect((await api(t.app, c.gdSaic, 'GET', `/ip/leads/${id}`)).statusCode).toBe(404);
    const entry = (await t.ctx.db.select().from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'ip_lead.passed_on'))))[0];
    expect(entry.data).toMatchObject({ toUnitId: u['gd-police'], handlingCode: 'may_pass_on_with_consent' });
  });

  it('keeps the parties’ personal data from everyone but the two units’ approvers, and records every view', async () => {
    const id = await send({ handlingCode: 'may_pass_on_with_consent', parties });
    expect((await api(t.app, c.gdOfficer, 'POST', `/ip/leads/${id}/acknowledge`, {})).statusCode).toBe(200);
    expect((await api(t.app, c.gdOfficer, 'POST', `/ip/leads/${id}/pass-on`, { toUnitId: u['gd-police'] })).statusCode).toBe(200);

    // Officers of both units, the unit it was passed on to (even its approver), another unit, the administrator: no personal data.
    for (const cookie of [c.hkOfficer, c.gdOfficer, c.gdPolice, c.gdPoliceApprover]) {
      const shown = await api(t.app, cookie, 'GET', `/ip/leads/${id}?include=parties`);
      expect(shown.statusCode).toBe(200);
      expect(shown.json()).not.toHaveProperty('parties');
      expect(shown.body).not.toContain('陳大文');
      expect(shown.json().can.viewParties).toBe(false);
      expect((await api(t.app, cookie, 'GET', `/ip/leads/${id}/parties`)).statusCode).toBe(404);
    }
    for (const cookie of [c.gdSaic, c.admin]) expect((await api(t.app, cookie, 'GET', `/ip/leads/${id}/parties`)).statusCode).toBe(404);
    // Nor in the lead without asking, nor in the audit trail.
    expect((await api(t.app, c.gdApprover, 'GET', `/ip/leads/${id}`)).json()).not.toHaveProperty('parties');
    const viewsBefore = async () => (await t.ctx.db.select().from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'ip_lead.parties_viewed')))).length;
    expect(await viewsBefore()).toBe(0);

    // The approvers of the sending and the addressed unit see them, each view recorded under their name.
    const hk = await api(t.app, c.hkApprover, 'GET', `/ip/leads/${id}/parties`);
    expect(hk.statusCode).toBe(200);
    expect(hk.json()).toEqual([{ role: 'consignor', name: '陳大文', idNumber: 'A123456(7)', address: '深圳市福田區某路 1 號', company: '某某貿易有限公司' }, { role: 'consignee', name: 'CHAN Siu Ming', idNumber: null, address: null, company: null }]);
    const gd = await api(t.app, c.gdApprover, 'GET', `/ip/leads/${id}?include=parties`);
    expect(gd.json().parties.map((p: { name: string }) => p.name)).toEqual(['陳大文', 'CHAN Siu Ming']);
    expect(gd.json().can.viewParties).toBe(true);
    const views = await t.ctx.db.select().from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'ip_lead.parties_viewed')));
    expect(views.map((v) => v.unitId).sort()).toEqual([u['gd-customs'], u['hk-customs']].sort());
    const trail = JSON.stringify((await t.ctx.db.select().from(auditLog).where(eq(auditLog.entityId, id))).map((e) => e.data));
    expect(trail).not.toContain('陳大文');
    expect(trail).not.toContain('A123456');
  });

  it('names a party’s missing field in the user’s language', async () => {
    const bad = await api(t.app, c.hkOfficer, 'POST', '/ip/leads', lead(u['gd-customs'], { parties: [{ role: 'consignor', name: '' }] }), { 'accept-language': 'zh-CN' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe('parties.0.name');
    expect(bad.json().error.fields[0].message).toContain('姓名');
  });
});
