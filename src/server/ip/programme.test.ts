import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, engines, logInAs, startTestApp, type TestApp } from '../../../test/support/harness.ts';
import { api } from '../../../test/support/ip.ts';

describe.each(engines)('the IP work programme on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ engine });
  });
  afterAll(() => t?.close());

  it('lists the agreement’s 21 items as commitments, updated by an IP unit of a side each binds', async () => {
    const gdIpo = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'gd-ipo', roles: ['officer'] })).username);
    const hkIpd = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-ipd', roles: ['officer'] })).username);
    const fhb = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-fhb', roles: ['officer'] })).username);
    const items = (await api(t.app, fhb, 'GET', '/ip/work-programme')).json();
    expect(items.map((i: { clause: string }) => i.clause)).toEqual(['1.1', '2.2', '2.3', '2.4', '3.5', '3.6', '4.7', '4.8', '4.9', '4.10', '4.11', '5.12', '5.13', '5.14', '5.15', '5.16', '6.17', '6.18', '6.19', '6.20', '6.21']);
    expect(items[4]).toMatchObject({ code: 'ip-item-5', owner: { unit: { code: 'hk-ipd' } }, canUpdate: false });
    // Item 14 binds Guangdong only: Hong Kong's IP Department may not record its progress; a unit outside the agreement none.
    expect((await api(t.app, hkIpd, 'POST', '/ip/work-programme/ip-item-14/updates', { note: 'x' })).statusCode).toBe(403);
    expect((await api(t.app, fhb, 'POST', '/ip/work-programme/ip-item-7/updates', { note: 'x' })).statusCode).toBe(403);
    const updated = await api(t.app, gdIpo, 'POST', '/ip/work-programme/ip-item-7/updates', { status: 'achieved', note: '2016年5月在珠海舉行研討會。' });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json().status).toBe('achieved');
    expect(updated.json().timeline.at(-1)).toMatchObject({ from: 'not_started', to: 'achieved', note: '2016年5月在珠海舉行研討會。' });
    // The progress capability reads the same commitment.
    const read = await api(t.app, fhb, 'GET', `/progress/commitments/${updated.json().id}`);
    expect(read.statusCode, read.body).toBe(200);
    const commitment = read.json();
    expect(commitment.status).toBe('achieved');
  });
});
