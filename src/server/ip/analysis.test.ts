import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { buildUser, engines, logInAs, startTestApp, unitId, type TestApp } from '../../../test/support/harness.ts';
import { api } from '../../../test/support/ip.ts';
import { ipLeads } from './schema.ts';

/** Risk analysis: a unit's own leads, and only those, counted by channel, goods, route and month. */
describe.each(engines)('risk analysis of a unit’s own leads on %s', (engine) => {
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
    c.ipd = await as('hk-ipd', ['officer']);
    for (const code of ['hk-customs', 'gd-customs', 'gd-police', 'gd-saic']) u[code] = await unitId(t.ctx, code);
  });
  afterAll(() => t?.close());

  const send = async (from: string, to: string, channel: string, goods: string, route: string | null, sentAt?: string) => {
    const sent = await api(t.app, from, 'POST', '/ip/leads', { toUnitId: to, channel, goods, route, summary: '線索內容。', riskLevel: 'medium' });
    expect(sent.statusCode, sent.body).toBe(201);
    // Sent earlier: the clock of the test stands still, so its month is set here.
    if (sentAt) await t.ctx.db.update(ipLeads).set({ sentAt: new Date(sentAt) }).where(eq(ipLeads.id, sent.json().id));
    return sent.json().id as string;
  };

  it('counts the leads a unit sent or received by channel, goods, route and month, and no other unit’s', async () => {
    const seized = await send(c.hk, u['gd-customs'], 'sea_freight', '仿冒手袋', '蛇口 → 葵涌');
    await send(c.hk, u['gd-customs'], 'sea_freight', ' 仿冒手袋', '蛇口 → 葵涌', '2026-10-05T02:00:00Z');
    await send(c.gd, u['hk-customs'], 'express_courier', '仿冒手錶', null, '2026-09-30T17:00:00Z'); // 1 October in the region
    await send(c.hk, u['gd-police'], 'air', '盜版光碟', '白雲 → 赤鱲角'); // gd-customs did not receive this one
    await send(c.saic, u['hk-customs'], 'postal', '仿冒化妝品', null, '2025-06-01T04:00:00Z'); // before the period
    await api(t.app, c.gd, 'POST', `/ip/leads/${seized}/acknowledge`, {});
    await api(t.app, c.gd, 'POST', `/ip/leads/${seized}/answer`, { outcome: 'seizure', feedback: '查獲' });

    const gd = await api(t.app, c.gd, 'GET', '/ip/analysis?from=2026-09&to=2026-11');
    expect(gd.statusCode, gd.body).toBe(200);
    const a = gd.json();
    expect(a.total).toBe(3);
    expect(Object.fromEntries(a.byChannel.map((x: { key: string; count: number }) => [x.key, x.count]))).toEqual({ sea_freight: 2, postal: 0, express_courier: 1, land: 0, air: 0 });
    expect(a.byGoods).toEqual([{ key: '仿冒手袋', count: 2 }, { key: '仿冒手錶', count: 1 }]);
    expect(a.byRoute).toEqual([{ key: '蛇口 → 葵涌', count: 2 }, { key: '', count: 1 }]);
    expect(a.byMonth.map((m: { month: string; total: number; seizures: number }) => [m.month, m.total, m.seizures])).toEqual([
      ['2026-09', 0, 0],
      ['2026-10', 2, 0],
      ['2026-11', 1, 1],
    ]);
    expect(a.byMonth[1].byChannel).toMatchObject({ sea_freight: 1, express_courier: 1 });

    // Hong Kong Customs (its reader too) counts its own four in the last twelve months; the police, their one; the default period ends this month.
    for (const cookie of [c.hk, c.hkReader]) expect((await api(t.app, cookie, 'GET', '/ip/analysis')).json()).toMatchObject({ from: '2025-12', to: '2026-11', total: 4 });
    const police = (await api(t.app, c.police, 'GET', '/ip/analysis')).json();
    expect(police.total).toBe(1);
    expect(police.byGoods).toEqual([{ key: '盜版光碟', count: 1 }]);
    expect((await api(t.app, c.hk, 'GET', '/ip/analysis?from=2025-06&to=2025-06')).json().total).toBe(1);
  });

  it('is for enforcement units only, and names a wrong month in the user’s language', async () => {
    expect((await api(t.app, c.ipd, 'GET', '/ip/analysis')).statusCode).toBe(403);
    expect((await api(t.app, null, 'GET', '/ip/analysis')).statusCode).toBe(401);
    const bad = await api(t.app, c.hk, 'GET', '/ip/analysis?from=2026-13', undefined, { 'accept-language': 'zh-HK' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0]).toMatchObject({ field: 'from' });
    expect(bad.json().error.fields[0].message).toContain('首月');
    const backwards = await api(t.app, c.hk, 'GET', '/ip/analysis?from=2026-11&to=2026-01', undefined, { 'accept-language': 'en' });
    expect(backwards.json().error.fields[0]).toMatchObject({ field: 'from', code: 'before_start' });
    expect(backwards.json().error.fields[0].message).toContain('First month');
    expect((await api(t.app, c.hk, 'GET', '/ip/analysis?from=2010-01&to=2026-01')).json().error.fields[0].code).toBe('period_too_long');
  });
});
