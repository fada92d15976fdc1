import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildUser, engines, logInAs, startTestApp, unitId, type TestApp } from '../../../test/support/harness.ts';
import { indexDocument } from './index-document.ts';

describe.each(engines)('search on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ engine });
  });
  afterAll(() => t?.close());

  const find = async (q: string, headers: Record<string, string> = {}) => {
    const response = await t.app.inject({ url: `/api/v1/search?q=${encodeURIComponent(q)}`, headers });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { total: number; results: { kind: string; id: string; url: string; snippet: string }[] };
  };

  it('writes straight into its text index, with no pending list to merge on some unlucky write', async () => {
    const { rows } = (await t.ctx.db.execute(sql`select reloptions as options from pg_class where relname = 'search_documents_tokens_idx'`)) as unknown as { rows: { options: string[] | null }[] };
    expect(rows[0].options).toContain('fastupdate=off');
  });

  it('finds the IP agreement, written in Traditional, from a Simplified query', async () => {
    const { results } = await find('知识产权');
    expect(results.length).toBeGreaterThan(0);
    expect(results.map((r) => r.id)).toContain('ip-protection');
    expect(results[0].id.startsWith('ip-protection')).toBe(true);
  });

  it('finds a two-character word (香港) and links results to their clause', async () => {
    const { results, total } = await find('香港');
    expect(total).toBeGreaterThan(5);
    const clause = results.find((r) => r.kind === 'clause')!;
    expect(clause.url).toMatch(/^\/agreements\/[a-z-]+#clause-[\d.]+$/);
    expect(clause.snippet).toContain('香港');
  });

  it('finds a clause by a phrase in it: 防控措施 is in clause 1 of the food-safety agreement', async () => {
    const { results } = await find('防控措施');
    expect(results.map((r) => r.id)).toContain('food-safety#1');
  });

  it('does not match characters that are merely near each other', async () => {
    // 食港 never occurs as a sequence, though 食 and 港 are everywhere.
    expect((await find('食港')).total).toBe(0);
  });

  it('finds agreements by words of their English title', async () => {
    const { results } = await find('sister schools');
    expect(results[0].id).toBe('sister-schools');
    expect((await find('Intellectual property')).results.map((r) => r.id)).toContain('ip-protection');
  });

  it('shows a unit-only record to its unit and to nobody else', async () => {
    const own = await unitId(t.ctx, 'hk-fhb');
    await t.ctx.db.transaction((tx) =>
      indexDocument(
        tx,
        { kind: 'meeting', refId: 'n1', title: { 'zh-Hant': '內部筆記', 'zh-Hans': '内部笔记', en: 'Internal note' }, body: '孔雀石綠 檢測結果', url: '/x', visibility: 'units', unitIds: [own] },
        t.clock.now(),
      ),
    );
    const insider = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-fhb', roles: ['reader'] })).username);
    const outsider = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'gd-fsco', roles: ['unit_admin'] })).username);
    expect((await find('孔雀石绿', { cookie: insider })).total).toBe(1);
    expect((await find('孔雀石绿', { cookie: outsider })).total).toBe(0);
    expect((await find('孔雀石绿')).total).toBe(0);
  });

  it('filters by kind and by party', async () => {
    const clausesOnly = await t.app.inject({ url: `/api/v1/search?q=${encodeURIComponent('搜救')}&kind=agreement` });
    expect((await t.app.inject({ url: `/api/v1/search?q=${encodeURIComponent('搜救')}&kind=agreement,ship` })).statusCode).toBe(400);
    expect(clausesOnly.json().results.every((r: { kind: string }) => r.kind === 'agreement')).toBe(true);
    const macao = await t.app.inject({ url: `/api/v1/search?q=${encodeURIComponent('協議')}&party=MO` });
    expect(macao.json().results.every((r: { id: string }) => r.id.startsWith('sar-plans'))).toBe(true);
  });
});

describe('search snippets', () => {
  it("come in the reader's script", async () => {
    const t = await startTestApp();
    try {
      const hans = (await t.app.inject({ url: `/api/v1/search?q=${encodeURIComponent('防控措施')}`, headers: { 'accept-language': 'zh-CN' } })).json();
      const hant = (await t.app.inject({ url: `/api/v1/search?q=${encodeURIComponent('防控措施')}`, headers: { 'accept-language': 'zh-HK' } })).json();
      const clause = (r: { results: { id: string; snippet: string }[] }) => r.results.find((x) => x.id === 'food-safety#1')!.snippet;
      expect(clause(hans)).toContain('范围');
      expect(clause(hant)).toContain('範圍');
    } finally {
      await t.close();
    }
  });
});
