import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, logInAs, PASSWORD, unitId } from '../support/harness.ts';
import { api } from '../support/ip.ts';
import { seriousViolations } from './axe.ts';
import { logIn, mainText, startBrowserApp, type BrowserApp } from './browser.ts';

let liaison: BrowserApp;
beforeAll(async () => {
  liaison = await startBrowserApp();
});
afterAll(() => liaison?.close());

describe('enforcement leads in the browser', () => {
  it('shows the parties’ personal data to the addressed unit’s approver on request only, passes a lead on, and draws the risk analysis and a joint operation, with no serious axe finding', async () => {
    const hkCustoms = await logInAs(liaison.app, (await buildUser(liaison.ctx, { unit: 'hk-customs', roles: ['officer'] })).username);
    const gdCustoms = (await buildUser(liaison.ctx, { unit: 'gd-customs', roles: ['officer'] })).username;
    const gdApprover = (await buildUser(liaison.ctx, { unit: 'gd-customs', roles: ['approver'] })).username;
    const [gdCustomsId, gdPoliceId] = [await unitId(liaison.ctx, 'gd-customs'), await unitId(liaison.ctx, 'gd-police')];
    const sent = await api(liaison.app, hkCustoms, 'POST', '/ip/leads', {
      toUnitId: gdCustomsId,
      channel: 'sea_freight',
      goods: '仿冒手袋',
      route: '蛇口 → 葵涌',
      summary: '貨櫃申報為布料，實為仿冒手袋。',
      riskLevel: 'high',
      handlingCode: 'may_pass_on_with_consent',
      parties: [{ role: 'consignor', name: '陳大文', idNumber: 'A123456(7)' }],
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const id = sent.json().id as string;
    await api(liaison.app, await logInAs(liaison.app, gdCustoms), 'POST', `/ip/leads/${id}/acknowledge`, {});

    // The officer of the addressed unit: no personal data offered; passes the lead on to the police.
    const officer = await liaison.newPage({ locale: 'zh-HK' });
    await logIn(officer, gdCustoms, PASSWORD);
    await officer.goto(`/ip/leads/${id}`);
    await officer.getByRole('heading', { level: 1, name: sent.json().reference }).waitFor();
    expect(await mainText(officer)).not.toContain('當事人（個人資料）');
    await officer.getByRole('combobox', { name: '轉交至' }).click();
    await officer.getByRole('option', { name: /公安/ }).click();
    await officer.getByRole('button', { name: '轉交', exact: true }).click();
    await officer.getByText('已轉交').first().waitFor();
    expect(await seriousViolations(officer)).toEqual([]);
    await officer.context().close();

    // The approver asks for the personal data, and sees it.
    const approver = await liaison.newPage({ locale: 'zh-HK' });
    await logIn(approver, gdApprover, PASSWORD);
    await approver.goto(`/ip/leads/${id}`);
    await approver.getByRole('button', { name: '顯示個人資料' }).click();
    await approver.getByText('陳大文').waitFor();
    expect(await mainText(approver)).toContain('A123456(7)');
    expect(await seriousViolations(approver)).toEqual([]);

    // The risk analysis as charts.
    await approver.goto('/ip/analysis');
    await approver.getByRole('img', { name: '按渠道' }).waitFor();
    expect(await approver.getByRole('img', { name: '按貨品' }).innerHTML()).toContain('仿冒手袋');
    expect(await seriousViolations(approver)).toEqual([]);

    // A joint operation the unit is a member of.
    const op = await api(liaison.app, hkCustoms, 'POST', '/ip/operations', { name: '「秋風」聯合行動', startsOn: new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10), endsOn: '2099-12-31', memberUnitIds: [gdCustomsId, gdPoliceId] });
    expect(op.statusCode, op.body).toBe(201);
    await api(liaison.app, hkCustoms, 'POST', `/ip/operations/${op.json().id}/leads`, { leadId: id });
    await approver.goto('/ip/operations');
    await approver.getByRole('link', { name: '「秋風」聯合行動' }).click();
    await approver.getByRole('heading', { level: 1, name: '「秋風」聯合行動' }).waitFor();
    expect(await mainText(approver)).toContain(sent.json().reference);
    expect(await seriousViolations(approver)).toEqual([]);
    await approver.context().close();
  });
});
