import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/harness.ts';
import { agencyOfficers, api, type Agencies } from '../../../test/support/sar-plans.ts';
import { isValidImoNumber } from '../../shared/modules/sar-plans.ts';
import { ensureSamplePlans } from './sample-plans.ts';

describe('the demonstration’s sample ships, companies and Module 3', () => {
  let t: TestApp;
  let agencies: Agencies;
  beforeAll(async () => {
    t = await startTestApp({ config: { demo: true } });
    agencies = await agencyOfficers(t.app, t.ctx);
  });
  afterAll(() => t?.close());

  it('are made once, marked as sample wherever shown, and left out of exports; a plan can be drawn up from them', async () => {
    expect(await ensureSamplePlans(t.ctx)).toBe(3);
    expect(await ensureSamplePlans(t.ctx)).toBe(0);
    const ships = (await api(t.app, agencies.hk, 'GET', '/sar-plans/ships')).json();
    expect(ships).toHaveLength(3);
    expect(ships.every((s: { isSample: boolean; company: { isSample: boolean }; name: { en: string }; imoNumber: string }) => s.isSample && s.company.isSample && s.name.en.endsWith('(sample)') && isValidImoNumber(s.imoNumber))).toBe(true);
    const modules = (await api(t.app, agencies.hk, 'GET', '/sar-plans/rcc-modules')).json();
    // Only the centres' names are real; the rest of each module is sample, and shown as such.
    expect(modules.map((m: { agency: { code: string } }) => m.agency.code).sort()).toEqual(['gd-msar', 'hk-mrcc', 'mo-dsamma']);
    expect(modules.every((m: { isSample: boolean }) => m.isSample)).toBe(true);
    expect((await api(t.app, agencies.hk, 'GET', '/sar-plans/register/ships/export?format=csv')).body.trim().split('\n')).toHaveLength(1);
    const hkShip = ships.find((s: { place: string }) => s.place === 'HK');
    const plan = await api(t.app, agencies.hk, 'POST', '/sar-plans/plans', { shipId: hkShip.id });
    expect(plan.statusCode, plan.body).toBe(201);
    expect(plan.json().modules.every((m: { isSample: boolean }) => m.isSample)).toBe(true);
  });
});
