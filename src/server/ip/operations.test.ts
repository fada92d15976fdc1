import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog } from '../db/schema.ts';
import { ADMIN_PASSWORD, buildUser, engines, logInAs, startTestApp, unitId, type TestApp } from '../../../test/support/harness.ts';
import { api } from '../../../test/support/ip.ts';

const DAY = 86_400_000;

/** Joint enforcement operations (CENcomm's closed user groups): members only, a window, leads attached, results counted. */
describe.each(engines)('joint enforcement operations on %s', (engine) => {
  let t: TestApp;
  const c: Record<string, string> = {};
  const u: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp({ engine });
    const as = async (unit: string, roles: ('officer' | 'approver' | 'reader')[]) => logInAs(t.app, (await buildUser(t.ctx, { unit, roles })).username);
    c.hk = await as('hk-customs', ['officer']);
    c.hkReader = await as('hk-customs', ['reader']);
    c.gd = await as('gd-customs', ['officer']);
    c.police = await as('gd-police', ['officer']);
    c.saic = await as('gd-saic', ['officer']);
    c.ipd = await as('hk-ipd', ['officer', 'approver']);
    c.admin = await logInAs(t.app, 'admin', ADMIN_PASSWORD);
    for (const code of ['hk-customs', 'gd-customs', 'gd-police', 'gd-saic', 'hk-ipd']) u[code] = await unitId(t.ctx, code);
  });
  afterAll(() => t?.close());

  const lead = async (from: string, to: string, extra: Record<string, unknown> = {}) => {
    const sent = await api(t.app, from, 'POST', '/ip/leads', { toUnitId: to, channel: 'sea_freight', goods: '仿冒波鞋', summary: '貨櫃藏仿冒波鞋。', riskLevel: 'high', route: '南沙 → 葵涌', ...extra });
    expect(sent.statusCode, sent.body).toBe(201);
    return sent.json().id as string;
  };

  it('is set up by an enforcement unit with units of both sides, and seen by its members only', async () => {
    const body = { name: '「秋風」聯合行動', startsOn: '2026-11-20', endsOn: '2026-12-20', memberUnitIds: [u['gd-customs']] };
    expect((await api(t.app, c.ipd, 'POST', '/ip/operations', body)).statusCode).toBe(403);
    expect((await api(t.app, c.hkReader, 'POST', '/ip/operations', body)).statusCode).toBe(403);
    const oneSide = await api(t.app, c.gd, 'POST', '/ip/operations', { ...body, memberUnitIds: [u['gd-police']] }, { 'accept-language': 'en' });
    expect(oneSide.statusCode).toBe(400);
    expect(oneSide.json().error.fields[0]).toMatchObject({ field: 'memberUnitIds', code: 'both_sides' });
    expect(oneSide.json().error.fields[0].message).toContain('Member units');
    expect((await api(t.app, c.hk, 'POST', '/ip/operations', { ...body, memberUnitIds: [u['hk-ipd'], u['gd-customs']] })).json().error.fields[0].code).toBe('not_enforcement_unit');
    const backwards = await api(t.app, c.hk, 'POST', '/ip/operations', { ...body, startsOn: '2026-12-21' }, { 'accept-language': 'zh-CN' });
    expect(backwards.json().error.fields[0]).toMatchObject({ field: 'endsOn', code: 'before_start' });
    expect(backwards.json().error.fields[0].message).toContain('最后一日');
    const nameless = await api(t.app, c.hk, 'POST', '/ip/operations', { ...body, name: '' }, { 'accept-language': 'zh-HK' });
    expect(nameless.json().error.fields[0].message).toContain('行動名稱');

    const created = await api(t.app, c.hk, 'POST', '/ip/operations', body);
    expect(created.statusCode, created.body).toBe(201);
    const op = created.json();
    expect(op).toMatchObject({ state: 'running', results: { leads: 0 } });
    expect(op.members.map((m: { code: string }) => m.code)).toEqual(['gd-customs', 'hk-customs']);
    expect((await api(t.app, c.hk, 'GET', '/ip/operation-members')).json().map((x: { code: string }) => x.code)).toEqual(['gd-copyright', 'gd-customs', 'gd-police', 'gd-saic']);
    expect((await api(t.app, c.ipd, 'GET', '/ip/operation-members')).statusCode).toBe(403);
    for (const cookie of [c.hk, c.hkReader, c.gd]) {
      expect((await api(t.app, cookie, 'GET', `/ip/operations/${op.id}`)).statusCode).toBe(200);
      expect((await api(t.app, cookie, 'GET', '/ip/operations')).json().map((o: { id: string }) => o.id)).toContain(op.id);
    }
    for (const cookie of [c.police, c.ipd, c.admin]) {
      expect((await api(t.app, cookie, 'GET', `/ip/operations/${op.id}`)).statusCode).toBe(404);
      expect((await api(t.app, cookie, 'POST', `/ip/operations/${op.id}/leads`, { leadId: op.id })).statusCode).toBe(404);
      expect((await api(t.app, cookie, 'GET', '/ip/operations')).json().map((o: { id: string }) => o.id)).not.toContain(op.id);
    }
    const [entry] = await t.ctx.db.select().from(auditLog).where(eq(auditLog.entityId, op.id));
    expect(entry.action).toBe('ip_operation.created');
  });

  it('takes only leads a member unit reads itself, while its window is open, and counts the results from their outcomes', async () => {
    const op = (await api(t.app, c.gd, 'POST', '/ip/operations', { name: 'Operation Harbour', startsOn: '2026-11-24', endsOn: '2026-11-30', memberUnitIds: [u['hk-customs'], u['gd-police']] })).json();
    const seized = await lead(c.hk, u['gd-customs']);
    const opened = await lead(c.hk, u['gd-customs']);
    const theirs = await lead(c.saic, u['hk-customs']); // gd-saic → hk-customs: gd-customs does not read it.
    const police = await lead(c.police, u['hk-customs']);

    // A lead the attaching unit does not read is refused as if it did not exist; a reader attaches nothing.
    const unread = await api(t.app, c.gd, 'POST', `/ip/operations/${op.id}/leads`, { leadId: theirs }, { 'accept-language': 'en' });
    expect(unread.statusCode).toBe(400);
    expect(unread.json().error.fields[0]).toMatchObject({ field: 'leadId', code: 'unknown_lead' });
    expect((await api(t.app, c.hkReader, 'POST', `/ip/operations/${op.id}/leads`, { leadId: seized })).statusCode).toBe(403);

    for (const [cookie, id] of [[c.gd, seized], [c.hk, opened], [c.hk, theirs], [c.police, police]] as const) {
      const attached = await api(t.app, cookie, 'POST', `/ip/operations/${op.id}/leads`, { leadId: id });
      expect(attached.statusCode, attached.body).toBe(200);
    }
    expect((await api(t.app, c.gd, 'POST', `/ip/operations/${op.id}/leads`, { leadId: seized })).statusCode).toBe(409);

    for (const [id, outcome] of [[seized, 'seizure'], [opened, 'case_opened']] as const) {
      await api(t.app, c.gd, 'POST', `/ip/leads/${id}/acknowledge`, {});
      expect((await api(t.app, c.gd, 'POST', `/ip/leads/${id}/answer`, { outcome, feedback: '已處理' })).statusCode).toBe(200);
    }
    const seen = (await api(t.app, c.gd, 'GET', `/ip/operations/${op.id}`)).json();
    expect(seen.results).toMatchObject({ leads: 4, seizure: 1, case_opened: 1, no_action: 0, pending: 2 });
    // Every member sees the results; a lead's contents only where its unit reads the lead.
    const byRef = Object.fromEntries(seen.leads.map((l: { id: string; goods: string | null; readable: boolean }) => [l.id, l]));
    expect(byRef[seized]).toMatchObject({ readable: true, goods: '仿冒波鞋' });
    expect(byRef[theirs]).toMatchObject({ readable: false, goods: null });
    expect((await api(t.app, c.gd, 'GET', `/ip/leads/${theirs}`)).statusCode).toBe(404);

    // Once its last day is over, nothing more is attached.
    const late = await lead(c.hk, u['gd-customs']);
    t.clock.advance(7 * DAY);
    const gd = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'gd-customs', roles: ['officer'] })).username); // the week ended the earlier sessions
    expect((await api(t.app, gd, 'GET', `/ip/operations/${op.id}`)).json()).toMatchObject({ state: 'ended', can: { attach: false } });
    expect((await api(t.app, gd, 'POST', `/ip/operations/${op.id}/leads`, { leadId: late })).statusCode).toBe(409);
    const attachedEntries = (await t.ctx.db.select().from(auditLog).where(eq(auditLog.entityId, op.id))).filter((e) => e.action === 'ip_operation.lead_attached');
    expect(attachedEntries).toHaveLength(4);
  });
});
