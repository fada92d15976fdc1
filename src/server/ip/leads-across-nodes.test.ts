import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, engines, logInAs, unitId } from '../../../test/support/harness.ts';
import { api } from '../../../test/support/ip.ts';
import { introduce, startNode, type Node } from '../../../test/support/nodes.ts';
import { dispatchOnce } from '../exchange/dispatch.ts';

/** An enforcement lead from Hong Kong Customs on its node to Guangdong Customs on its own, acknowledged and answered back. */
describe.each(engines)('enforcement leads across two nodes on %s', (engine) => {
  let hk: Node;
  let gd: Node;
  beforeAll(async () => {
    hk = await startNode('Hong Kong node', ['HK'], engine);
    gd = await startNode('Guangdong node', ['GD'], engine);
    await introduce(hk, gd);
    hk.cookies.customs = await logInAs(hk.app, (await buildUser(hk.ctx, { unit: 'hk-customs', roles: ['officer'] })).username);
    gd.cookies.customs = await logInAs(gd.app, (await buildUser(gd.ctx, { unit: 'gd-customs', roles: ['officer'] })).username);
    gd.cookies.police = await logInAs(gd.app, (await buildUser(gd.ctx, { unit: 'gd-police', roles: ['officer'] })).username);
    gd.cookies.approver = await logInAs(gd.app, (await buildUser(gd.ctx, { unit: 'gd-customs', roles: ['approver'] })).username);
  });
  afterAll(async () => {
    await hk?.close();
    await gd?.close();
  });

  it('reaches the addressed unit on its node only, and its acknowledgement and answer come back', async () => {
    const sent = await api(hk.app, hk.cookies.customs, 'POST', '/ip/leads', { toUnitId: await unitId(hk.ctx, 'gd-customs'), channel: 'express_courier', goods: '仿冒手錶', brands: ['ROLEX'], quantity: '約 300 件', route: '深圳 → 香港', summary: '同一寄件人經快件渠道多次寄出仿冒手錶。', riskLevel: 'high', riskAssessment: null });
    expect(sent.statusCode, sent.body).toBe(201);
    const id = sent.json().id as string;
    expect(await dispatchOnce(hk.ctx)).toMatchObject({ delivered: 1 });

    const there = await api(gd.app, gd.cookies.customs, 'GET', `/ip/leads/${id}`);
    expect(there.statusCode, there.body).toBe(200);
    expect(there.json()).toMatchObject({ reference: sent.json().reference, goods: '仿冒手錶', status: 'sent' });
    // Confidential on the receiving node too: another Guangdong unit does not see it.
    expect((await api(gd.app, gd.cookies.police, 'GET', `/ip/leads/${id}`)).statusCode).toBe(404);

    expect((await api(gd.app, gd.cookies.customs, 'POST', `/ip/leads/${id}/acknowledge`, { comment: '收悉' })).statusCode).toBe(200);
    const answered = await api(gd.app, gd.cookies.customs, 'POST', `/ip/leads/${id}/answer`, { outcome: 'seizure', feedback: '已查獲仿冒手錶 280 件。' });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(await dispatchOnce(gd.ctx)).toMatchObject({ delivered: 2 });
    const back = (await api(hk.app, hk.cookies.customs, 'GET', `/ip/leads/${id}`)).json();
    expect(back).toMatchObject({ status: 'answered', outcome: 'seizure' });
  });

  it('carries the parties’ personal data to the addressee’s node only, and a passing on back to the sender', async () => {
    const parties = [{ role: 'consignor', name: '李小龍', idNumber: 'B765432(1)', address: null, company: null }];
    const sent = await api(hk.app, hk.cookies.customs, 'POST', '/ip/leads', { toUnitId: await unitId(hk.ctx, 'gd-customs'), channel: 'postal', goods: '盜版光碟', summary: '郵包內藏盜版光碟。', riskLevel: 'low', handlingCode: 'may_pass_on_with_consent', parties });
    expect(sent.statusCode, sent.body).toBe(201);
    const id = sent.json().id as string;
    expect(await dispatchOnce(hk.ctx)).toMatchObject({ delivered: 1 });
    expect((await api(gd.app, gd.cookies.approver, 'GET', `/ip/leads/${id}/parties`)).json()).toEqual(parties);
    expect((await api(gd.app, gd.cookies.customs, 'GET', `/ip/leads/${id}/parties`)).statusCode).toBe(404);

    expect((await api(gd.app, gd.cookies.customs, 'POST', `/ip/leads/${id}/acknowledge`, {})).statusCode).toBe(200);
    const passed = await api(gd.app, gd.cookies.customs, 'POST', `/ip/leads/${id}/pass-on`, { toUnitId: await unitId(gd.ctx, 'gd-police') });
    expect(passed.statusCode, passed.body).toBe(200);
    expect((await api(gd.app, gd.cookies.police, 'GET', `/ip/leads/${id}`)).statusCode).toBe(200);
    expect((await api(gd.app, gd.cookies.police, 'GET', `/ip/leads/${id}/parties`)).statusCode).toBe(404);
    await dispatchOnce(gd.ctx);
    const back = (await api(hk.app, hk.cookies.customs, 'GET', `/ip/leads/${id}`)).json();
    expect(back.passedTo.map((u: { code: string }) => u.code)).toEqual(['gd-police']);
    expect(back.history.map((h: { kind: string }) => h.kind)).toEqual(['sent', 'acknowledged', 'passed_on']);
  });
});
