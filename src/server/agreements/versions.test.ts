import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, eq } from 'drizzle-orm';
import { auditLog } from '../db/schema.ts';
import { ADMIN_PASSWORD, buildUser, engines, logInAs, startTestApp, type TestApp } from '../../../test/support/harness.ts';

/**
 * Amendments (M2): an agreement may be changed by mutual consent (clause 9 of the food-safety
 * agreement: 經雙方同意，可以根據需要對本協議作出修改). The text is kept as versions; which one was
 * in force on a day, and what each changed clause by clause, in both scripts.
 */
describe.each(engines)('versions of an agreement on %s', (engine) => {
  let t: TestApp;
  let admin: string;
  const url = '/api/v1/agreements/food-safety/versions';
  // A made-up amendment for the test: the liaison officers of clause 8 also meet once a year.
  const amended = (signed: string) => signed.replace('負責日常工作層面及具體事項的', '每年至少會面一次，負責日常工作層面及具體事項的');

  beforeAll(async () => {
    t = await startTestApp({ engine });
    admin = await logInAs(t.app, 'admin', ADMIN_PASSWORD);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('starts with the text signed on 9 September 2015 by Guangdong and Hong Kong, in force from signing', async () => {
    const versions = (await t.app.inject({ url })).json();
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ number: 1, agreedBy: ['GD', 'HK'], agreedOn: '2015-09-09', inForceFrom: '2015-09-09', recordedBy: null });
    expect(versions[0].fullText['zh-Hant']).toContain('九、經雙方同意，可以根據需要對本協議作出修改。');
    expect((await t.app.inject({ url: `${url}/in-force?on=2015-09-08` })).statusCode).toBe(404);
  });

  it('lets only the platform administrator record an amendment, agreed by every party', async () => {
    const [v1] = (await t.app.inject({ url })).json();
    const body = { agreedBy: ['GD', 'HK'], agreedOn: '2017-03-01', inForceFrom: '2017-04-01', text: { 'zh-Hant': amended(v1.fullText['zh-Hant']) } };
    const officer = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-fhb', roles: ['unit_admin', 'approver'] })).username);
    expect((await t.app.inject({ method: 'POST', url, headers: { cookie: officer }, payload: body })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url, payload: body })).statusCode).toBe(401);

    const oneSide = await t.app.inject({ method: 'POST', url, headers: { cookie: admin, 'accept-language': 'zh-Hant' }, payload: { ...body, agreedBy: ['HK'] } });
    expect(oneSide.statusCode).toBe(400);
    expect(oneSide.json().error.fields).toMatchObject([{ field: 'agreedBy', code: 'all_parties' }]);
    expect(oneSide.json().error.fields[0].message).toContain('議定各方');
    const early = await t.app.inject({ method: 'POST', url, headers: { cookie: admin }, payload: { ...body, inForceFrom: '2017-02-01' } });
    expect(early.json().error.fields[0]).toMatchObject({ field: 'inForceFrom', code: 'before_agreed' });
    expect(early.json().error.fields[0].message).toContain('In force from');
    const same = await t.app.inject({ method: 'POST', url, headers: { cookie: admin }, payload: { ...body, text: { 'zh-Hant': v1.fullText['zh-Hant'] } } });
    expect(same.json().error.fields[0]).toMatchObject({ field: 'text', code: 'unchanged_text' });
  });

  it('keeps the amendment as version 2, in Simplified too, audited, and says which version was in force on a day', async () => {
    const [v1] = (await t.app.inject({ url })).json();
    const created = await t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: admin },
      payload: { agreedBy: ['HK', 'GD'], agreedOn: '2017-03-01', inForceFrom: '2017-04-01', text: { 'zh-Hant': amended(v1.fullText['zh-Hant']) }, note: { en: 'Liaison officers meet yearly (test)', 'zh-Hant': '聯絡員每年會面（測試）', 'zh-Hans': '联络员每年会面（测试）' } },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ number: 2, agreedBy: ['GD', 'HK'], agreedOn: '2017-03-01', inForceFrom: '2017-04-01', recordedBy: 'admin' });
    expect(created.json().fullText['zh-Hans']).toContain('每年至少会面一次，负责日常工作层面');

    const onDay = async (on: string) => (await t.app.inject({ url: `${url}/in-force?on=${on}` })).json().number;
    expect(await onDay('2016-12-31')).toBe(1);
    expect(await onDay('2017-03-31')).toBe(1);
    expect(await onDay('2017-04-01')).toBe(2);
    expect(await onDay('2026-12-04')).toBe(2);

    const [entry] = await t.ctx.db.select().from(auditLog).where(eq(auditLog.entityId, 'food-safety')).orderBy(desc(auditLog.id)).limit(1);
    expect(entry).toMatchObject({ action: 'agreement.amended', entityType: 'agreement', data: { number: 2, agreedBy: ['GD', 'HK'], inForceFrom: '2017-04-01' } });

    // A second amendment must come into force after the first.
    const again = await t.app.inject({ method: 'POST', url, headers: { cookie: admin }, payload: { agreedBy: ['GD', 'HK'], agreedOn: '2017-03-02', inForceFrom: '2017-03-15', text: { 'zh-Hant': `${v1.fullText['zh-Hant']}\n` + '十二、（測試）' } } });
    expect(again.json().error.fields[0]).toMatchObject({ field: 'inForceFrom', code: 'before_previous' });
  });

  it('shows clause by clause what version 2 changed, in both scripts', async () => {
    const changes = (await t.app.inject({ url: `${url}/2/changes` })).json() as { key: string; label: string | null; change: string; before: Record<string, string>; after: Record<string, string> }[];
    const changed = changes.filter((c) => c.change !== 'unchanged');
    expect(changed.map((c) => [c.key, c.label, c.change])).toEqual([['8', '八、', 'changed']]);
    expect(changed[0].before['zh-Hant']).not.toContain('每年至少會面一次');
    expect(changed[0].after['zh-Hant']).toContain('每年至少會面一次');
    expect(changed[0].after['zh-Hans']).toContain('每年至少会面一次');
    expect(changes.find((c) => c.key === '9')).toMatchObject({ change: 'unchanged', label: '九、' });
    expect((await t.app.inject({ url: `${url}/3/changes` })).statusCode).toBe(404);
  });

  it('checks amendments recorded at the same moment each against the one recorded before it', async () => {
    const versions = (await t.app.inject({ url })).json() as { number: number; inForceFrom: string; fullText: Record<string, string> }[];
    const last = versions.at(-1)!;
    const post = (inForceFrom: string, clause: string) =>
      t.app.inject({ method: 'POST', url, headers: { cookie: admin }, payload: { agreedBy: ['GD', 'HK'], agreedOn: '2018-01-02', inForceFrom, text: { 'zh-Hant': `${last.fullText['zh-Hant']}\n${clause}` } } });
    // The same amendment sent three times at once (a double click, a retry): recorded once.
    const answers = await Promise.all([1, 2, 3].map(() => post('2018-06-01', '十二、（測試）')));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 400, 400]);
    for (const a of answers.filter((a) => a.statusCode === 400)) expect(a.json().error.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'text', code: 'unchanged_text' })]));
    const after = (await t.app.inject({ url })).json() as { number: number; inForceFrom: string; fullText: Record<string, string> }[];
    // Each version comes into force after the one before it, and changes its text.
    for (let i = 1; i < after.length; i++) {
      expect(after[i].inForceFrom > after[i - 1].inForceFrom, `version ${after[i].number}`).toBe(true);
      expect(after[i].fullText['zh-Hant'].trim()).not.toBe(after[i - 1].fullText['zh-Hant'].trim());
    }
  });
});
