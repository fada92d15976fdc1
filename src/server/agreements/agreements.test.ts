import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { auditLog } from '../db/schema.ts';
import { loadReferenceData } from '../reference/load-reference.ts';
import { engines, startTestApp, type TestApp } from '../../../test/support/harness.ts';

describe.each(engines)('agreements registry on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ engine });
  });
  afterAll(() => t?.close());

  it('lists the five agreements signed at the 18th Plenary on 9 September 2015', async () => {
    const response = await t.app.inject({ url: '/api/v1/agreements' });
    expect(response.statusCode).toBe(200);
    const list = response.json();
    expect(list.map((a: { code: string }) => a.code).sort()).toEqual(['cross-border-ecommerce', 'food-safety', 'ip-protection', 'sar-plans', 'sister-schools']);
    for (const a of list) {
      expect(a.signedOn).toBe('2015-09-09');
      expect(a.plenary.number).toBe(18);
      expect(a.clauseCount).toBeGreaterThan(2);
    }
    const sar = list.find((a: { code: string }) => a.code === 'sar-plans');
    expect(sar.parties.map((p: { code: string }) => p.code).sort()).toEqual(['GD', 'HK', 'MO']);
  });

  it('gives an agreement with its text in both scripts, its clauses and its liaison units', async () => {
    const a = (await t.app.inject({ url: '/api/v1/agreements/food-safety' })).json();
    expect(a.title['zh-Hant']).toBe('粵港食品安全工作交流與合作協議');
    expect(a.title['zh-Hans']).toBe('粤港食品安全工作交流与合作协议');
    expect(a.fullText['zh-Hant']).toContain('食物及衞生局');
    expect(a.fullText['zh-Hans']).toContain('食物及卫生局');
    expect(a.clauses.map((c: { key: string }) => c.key)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11']);
    const clause1 = a.clauses[0];
    expect(clause1.text['zh-Hant']).toContain('範圍、採取的防控措施、需要注意的事項');
    expect(clause1.text['zh-Hans']).toContain('范围、采取的防控措施、需要注意的事项');
    expect(a.liaisonUnits.map((u: { code: string }) => u.code).sort()).toEqual(['gd-fsco', 'hk-fhb']);
    expect(a.copies.count).toBe(4);
  });

  it('records the validity where the text states it', async () => {
    const ecommerce = (await t.app.inject({ url: '/api/v1/agreements/cross-border-ecommerce' })).json();
    expect(ecommerce.validity.until).toMatch(/^2018-09-0[89]$/);
    const ip = (await t.app.inject({ url: '/api/v1/agreements/ip-protection' })).json();
    expect(ip.validity.from.startsWith('2015')).toBe(true);
    expect(ip.validity.until.startsWith('2016')).toBe(true);
    expect(ip.clauses.filter((c: { level: number }) => c.level === 2)).toHaveLength(21);
  });

  it('loads reference data idempotently: a second start changes nothing', async () => {
    const count = async () => (await t.ctx.db.select({ n: sql<number>`count(*)::int` }).from(auditLog))[0].n;
    const before = await count();
    expect(await loadReferenceData(t.ctx)).toEqual({ changed: false });
    expect(await count()).toBe(before);
  });
});
