import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildUser, engines, logInAs, startTestApp, unitId, type TestApp } from '../../../test/support/harness.ts';
import { call, draftBody } from '../../../test/support/notifications.ts';
import { regionDay } from '../platform/clock.ts';
import { TOTAL_CAP } from './inbox.ts';

/** More notifications match than are ranked or counted: listed newest first, with `more`. */
describe.each(engines)('a search that matches more than a thousand notifications, on %s', (engine) => {
  let t: TestApp;
  const who = {} as Record<'hkOfficer' | 'hkApprover' | 'gdOfficer' | 'thirdOfficer', string>;
  let newest: { id: string; sentAt: string };
  /** Sent among the matches but not matching: a search must pass over it. */
  let unrelated: { id: string };
  const copies = TOTAL_CAP + 100;

  beforeAll(async () => {
    t = await startTestApp({ engine });
    const fsco = await unitId(t.ctx, 'gd-fsco');
    const make = async (unit: string, roles: Parameters<typeof buildUser>[1]['roles']) => logInAs(t.app, (await buildUser(t.ctx, { unit, roles })).username);
    who.hkOfficer = await make('hk-fhb', ['officer']);
    who.hkApprover = await make('hk-fhb', ['approver']);
    who.gdOfficer = await make('gd-fsco', ['officer']);
    who.thirdOfficer = await make('gd-edu', ['officer']);
    const send = async (overrides: Record<string, unknown> = {}) => {
      const n = (await call(t.app, who.hkOfficer, 'POST', '/notifications', draftBody(fsco, overrides))).json();
      await call(t.app, who.hkOfficer, 'POST', `/notifications/${n.id}/submit`);
      const sent = await call(t.app, who.hkApprover, 'POST', `/notifications/${n.id}/approve`);
      expect(sent.statusCode, sent.body).toBe(200);
      return sent.json();
    };
    const first = await send();
    // Copies of the first, sent one minute apart before it, each with its own search entry.
    const columns = (await t.ctx.db.execute(sql`select column_name as name from information_schema.columns where table_name = 'notifications' and table_schema = current_schema() order by ordinal_position`)) as unknown as {
      rows: { name: string }[];
    };
    const names = columns.rows.map((c) => c.name);
    const select = names.map((name) =>
      name === 'id' ? 'gen_random_uuid()' : name === 'reference' ? `reference || '-' || g` : name === 'sent_at' ? `sent_at - g * interval '1 minute'` : name,
    );
    await t.ctx.db.execute(sql.raw(`insert into notifications (${names.join(', ')}) select ${select.join(', ')} from notifications, generate_series(1, ${copies}) g where id = '${first.id}'`));
    await t.ctx.db.execute(sql`
      insert into search_documents (kind, ref_id, title, body, url, visibility, unit_ids, party_codes, date, tokens, updated_at)
      select d.kind, n.id::text, d.title, d.body, '/notifications/' || n.id, d.visibility, d.unit_ids, d.party_codes, n.sent_at::date, d.tokens, d.updated_at
      from notifications n, search_documents d
      where d.kind = 'notification' and d.ref_id = ${first.id} and n.reference like ${`${first.reference}-%`}`);
    await t.ctx.db.execute(sql`analyze`);
    unrelated = await send({
      text: { title: '嬰兒配方奶粉檢出副溶血性弧菌', scope: '抽檢樣本檢出副溶血性弧菌。', measures: '已封存涉事批次。', attention: '請通報調查結果。' },
      summaryEn: 'Vibrio in infant formula',
      products: [{ name: '嬰兒配方奶粉', category: 'milk', brand: null, lot: null, origin: null, hsCode: null }],
      hazards: [{ agent: '副溶血性弧菌', result: null, unit: null, limit: null }],
    });
    t.clock.advance(60_000);
    newest = await send({ text: { ...draftBody(fsco).text, attention: '另請留意蜆殼類產品。' } });
  });
  afterAll(() => t?.close());

  it('lists the inbox newest first and says there are more than it counted', async () => {
    const list = (await call(t.app, who.gdOfficer, 'GET', `/notifications?box=inbox&limit=20&q=${encodeURIComponent('孔雀石绿')}`)).json();
    expect(list).toMatchObject({ total: TOTAL_CAP, more: true });
    expect(list.items).toHaveLength(20);
    expect(list.items[0].id).toBe(newest.id);
    expect(list.items.map((n: { id: string }) => n.id)).not.toContain(unrelated.id);
    const times = list.items.map((n: { sentAt: string }) => Date.parse(n.sentAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    // A later page carries on where the first stopped.
    const next = (await call(t.app, who.gdOfficer, 'GET', `/notifications?box=inbox&limit=20&offset=20&q=${encodeURIComponent('孔雀石绿')}`)).json();
    expect(Date.parse(next.items[0].sentAt)).toBeLessThan(times.at(-1));
  });

  it('counts the box on every page without q too, past its last page as well, and names both units', async () => {
    const page = (await call(t.app, who.gdOfficer, 'GET', '/notifications?box=inbox&limit=5')).json();
    expect(page).toMatchObject({ total: TOTAL_CAP, more: true });
    expect(page.items.map((n: { id: string }) => n.id)[0]).toBe(newest.id);
    expect(page.items[0].sender).toMatchObject({ code: 'hk-fhb', partyCode: 'HK', name: { 'zh-Hant': expect.any(String) } });
    expect(page.items[0].recipient).toMatchObject({ code: 'gd-fsco', partyCode: 'GD' });
    const beyond = (await call(t.app, who.gdOfficer, 'GET', `/notifications?box=inbox&limit=5&offset=${copies + 10}`)).json();
    expect(beyond).toMatchObject({ total: TOTAL_CAP, more: true, items: [] });
    // The copies go back into the day before the newest's (the region's calendar): fewer than counted.
    const dayBefore = regionDay(new Date(Date.parse(newest.sentAt) - 86_400_000));
    const filtered = (await call(t.app, who.gdOfficer, 'GET', `/notifications?box=inbox&limit=5&to=${dayBefore}`)).json();
    expect(filtered.total).toBeGreaterThan(0);
    expect(filtered.total).toBeLessThan(TOTAL_CAP);
    expect(filtered).toMatchObject({ more: false });
    const pastFiltered = (await call(t.app, who.gdOfficer, 'GET', `/notifications?box=inbox&limit=5&offset=2000&to=${dayBefore}`)).json();
    expect(pastFiltered).toMatchObject({ total: filtered.total, items: [] });
    expect((await call(t.app, who.thirdOfficer, 'GET', '/notifications?box=inbox')).json()).toMatchObject({ total: 0, more: false, items: [] });
    expect((await call(t.app, who.hkOfficer, 'GET', '/notifications?box=sent&limit=1')).json()).toMatchObject({ total: TOTAL_CAP, more: true });
  });

  it('counts exactly when few match, and finds the newest by a phrase only it has', async () => {
    const list = (await call(t.app, who.gdOfficer, 'GET', `/notifications?box=inbox&q=${encodeURIComponent('蚬壳')}`)).json();
    expect(list).toMatchObject({ total: 1, more: false });
    expect(list.items.map((n: { id: string }) => n.id)).toEqual([newest.id]);
  });

  it('gives the search newest first, and still nothing to a unit the notifications were not addressed to', async () => {
    const found = (await call(t.app, who.gdOfficer, 'GET', `/search?q=${encodeURIComponent('冷凍蝦仁')}&kind=notification&limit=10`)).json();
    expect(found.order).toBe('newest');
    expect(found).toMatchObject({ total: TOTAL_CAP, more: true });
    expect(found.results[0].id).toBe(newest.id);
    const dates = found.results.map((r: { date: string }) => r.date);
    expect(dates).toEqual([...dates].sort().reverse());
    const few = (await call(t.app, who.gdOfficer, 'GET', `/search?q=${encodeURIComponent('蜆殼')}`)).json();
    expect(few).toMatchObject({ order: 'relevance', total: 1, more: false });
    // Paging goes on past the matches counted.
    const beyond = (await call(t.app, who.gdOfficer, 'GET', `/search?q=${encodeURIComponent('冷凍蝦仁')}&kind=notification&limit=10&offset=${TOTAL_CAP}`)).json();
    expect(beyond.results).toHaveLength(10);
    expect(beyond.results[0].date <= dates.at(-1)).toBe(true);
    expect((await call(t.app, who.thirdOfficer, 'GET', `/search?q=${encodeURIComponent('冷凍蝦仁')}&kind=notification`)).json().total).toBe(0);
    expect((await call(t.app, who.thirdOfficer, 'GET', `/notifications?box=inbox&q=${encodeURIComponent('冷凍蝦仁')}`)).json()).toMatchObject({ total: 0, more: false });
  });
});
