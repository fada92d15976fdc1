import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, engines, logInAs, startTestApp, unitId, type TestApp } from '../../../test/support/harness.ts';
import { call } from '../../../test/support/notifications.ts';

describe.each(engines)('verify before publishing and media reports on %s', (engine) => {
  let t: TestApp;
  let fsco: string;
  let hk: string;
  let gd: string;
  let outsider: string;

  beforeAll(async () => {
    t = await startTestApp({ engine });
    fsco = await unitId(t.ctx, 'gd-fsco');
    hk = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-fhb', roles: ['officer'] })).username);
    gd = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'gd-fsco', roles: ['officer'] })).username);
    outsider = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'gd-edu', roles: ['officer'] })).username);
  });
  afterAll(() => t?.close());

  const inHours = (h: number) => new Date(t.clock.now().getTime() + h * 3_600_000).toISOString();

  it('clears a planned media release only once the other side confirms or corrects the facts', async () => {
    const asked = await call(t.app, hk, 'POST', '/verification-requests', {
      toUnitId: fsco,
      script: 'zh-Hant',
      subject: '湛江某水產公司產品驗出孔雀石綠',
      question: '請核實該公司是否為出口商及其註冊資料。',
      enterprise: '湛江某水產有限公司',
      plannedReleaseAt: inHours(30),
      deadlineAt: inHours(24),
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const request = asked.json();
    expect(request.reference).toMatch(/^HK-VR-\d{4}-0001$/);
    expect(request.releaseGate).toBe('pending');
    expect(request.subject['zh-Hans']).toBe('湛江某水产公司产品验出孔雀石绿');
    expect((await call(t.app, outsider, 'GET', `/verification-requests/${request.id}`)).statusCode).toBe(404);
    expect((await call(t.app, hk, 'POST', `/verification-requests/${request.id}/answer`, { outcome: 'confirmed', script: 'zh-Hant', answer: 'x' })).statusCode).toBe(403);
    expect((await call(t.app, gd, 'POST', `/verification-requests/${request.id}/answer`, { outcome: 'refuted', script: 'zh-Hans', answer: 'x' })).statusCode).toBe(400);
    const answered = await call(t.app, gd, 'POST', `/verification-requests/${request.id}/answer`, { outcome: 'corrected', script: 'zh-Hans', answer: '该公司为出口商，但注册名称应为湛江某水产品有限公司。' });
    expect(answered.json()).toMatchObject({ status: 'answered', outcome: 'corrected', releaseGate: 'cleared' });
    expect(answered.json().answer['zh-Hant']).toContain('該公司為出口商');
    expect((await call(t.app, gd, 'POST', `/verification-requests/${request.id}/answer`, { outcome: 'confirmed', script: 'zh-Hans', answer: 'again' })).statusCode).toBe(409);
  });

  it('refuses dates that defeat the check: an answer due after the release or already past, a report published in the future', async () => {
    const ask = (body: object) => t.app.inject({ method: 'POST', url: '/api/v1/verification-requests', headers: { cookie: hk, 'accept-language': 'en' }, payload: { toUnitId: fsco, script: 'zh-Hant', subject: '核實', question: '請核實。', ...body } });
    const late = await ask({ plannedReleaseAt: inHours(24), deadlineAt: inHours(48) });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.fields[0]).toMatchObject({ field: 'deadlineAt', code: 'not_before_release' });
    expect(late.json().error.fields[0].message).toMatch(/before the planned media release/);
    const past = await ask({ plannedReleaseAt: inHours(24), deadlineAt: inHours(-1) });
    expect(past.json().error.fields[0]).toMatchObject({ field: 'deadlineAt', code: 'in_past' });
    const tomorrow = new Date(t.clock.now().getTime() + 8 * 3_600_000 + 86_400_000).toISOString().slice(0, 10);
    const future = await call(t.app, hk, 'POST', '/media-reports', { toUnitId: fsco, script: 'zh-Hant', subject: '報道', question: '請核實。', deadlineAt: inHours(24), media: { outlet: '某日報', publishedOn: tomorrow, claim: '報道內容' } });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields[0]).toMatchObject({ field: 'media.publishedOn', code: 'in_future' });
    // Every wrong date in one answer, not one per try.
    const both = await call(t.app, hk, 'POST', '/media-reports', { toUnitId: fsco, script: 'zh-Hant', subject: '報道', question: '請核實。', deadlineAt: inHours(-2), media: { outlet: '某日報', publishedOn: tomorrow, claim: '報道內容' } });
    expect(both.json().error.fields.map((f: { field: string; code: string }) => `${f.field} ${f.code}`)).toEqual(['deadlineAt in_past', 'media.publishedOn in_future']);
    const range = await call(t.app, hk, 'GET', '/notifications?box=inbox&from=2026-11-20&to=2026-11-10');
    expect(range.statusCode).toBe(400);
    expect(range.json().error.fields[0]).toMatchObject({ field: 'to', code: 'before_start' });
  });

  it('blocks a release the other side disputes, and shows one not answered in time as expired', async () => {
    const make = async () => (await call(t.app, hk, 'POST', '/verification-requests', { toUnitId: fsco, script: 'zh-Hant', subject: '某企業', question: '請核實。', plannedReleaseAt: inHours(10), deadlineAt: inHours(5) })).json();
    const disputed = await make();
    expect((await call(t.app, gd, 'POST', `/verification-requests/${disputed.id}/answer`, { outcome: 'disputed', script: 'zh-Hans', answer: '情况不属实。' })).json().releaseGate).toBe('blocked');
    const late = await make();
    t.clock.advance(6 * 3_600_000);
    const hkAgain = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-fhb', roles: ['officer'] })).username);
    expect((await call(t.app, hkAgain, 'GET', `/verification-requests/${late.id}`)).json()).toMatchObject({ releaseGate: 'expired', overdue: true });
  });

  it('logs an uncertain media report, records it partly true, and links the notification that followed', async () => {
    const gdAgain = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'gd-fsco', roles: ['officer'] })).username);
    const hkAgain = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-fhb', roles: ['officer'] })).username);
    const fhb = await unitId(t.ctx, 'hk-fhb');
    const logged = await call(t.app, gdAgain, 'POST', '/media-reports', {
      toUnitId: fhb,
      script: 'zh-Hans',
      subject: '港媒报道内地供港猪肉含瘦肉精',
      question: '请核实报道所述抽检结果。',
      deadlineAt: new Date(t.clock.now().getTime() + 48 * 3_600_000).toISOString(),
      media: { outlet: '某日報', publishedOn: '2026-11-23', link: 'https://news.example/pork', claim: '供港猪肉检出瘦肉精' },
    });
    expect(logged.statusCode, logged.body).toBe(201);
    const report = logged.json();
    expect(report.kind).toBe('media_report');
    expect(report.reference).toMatch(/^GD-MR-/);
    expect(report.releaseGate).toBeNull();
    const answered = await call(t.app, hkAgain, 'POST', `/media-reports/${report.id}/answer`, { outcome: 'partly_true', script: 'zh-Hant', answer: '一個樣本超標，其餘合格。' });
    expect(answered.json().outcome).toBe('partly_true');
    const incoming = (await call(t.app, hkAgain, 'GET', '/media-reports?box=incoming')).json();
    expect(incoming.map((r: { id: string }) => r.id)).toContain(report.id);
    expect((await call(t.app, hkAgain, 'GET', '/verification-requests?box=incoming')).json().map((r: { id: string }) => r.id)).not.toContain(report.id);
    const found = (await call(t.app, hkAgain, 'GET', `/search?q=${encodeURIComponent('瘦肉精')}`)).json();
    expect(found.results.map((r: { id: string }) => r.id)).toContain(report.id);
  });
});
