import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, engines, logInAs, startTestApp, unitId, type TestApp } from '../../../test/support/harness.ts';
import { call, draftBody } from '../../../test/support/notifications.ts';

/**
 * A text marked as written in one script but plainly written in the other would be "converted"
 * into itself, and the other side would read it in the wrong script (found in a review of the
 * screens: a Mainland officer on English screens wrote Simplified, marked Traditional).
 */
describe.each(engines)('the script a text is marked as written in, on %s', (engine) => {
  let t: TestApp;
  let fsco: string;
  let hk: string;
  let hkApprover: string;
  let gd: string;
  beforeAll(async () => {
    t = await startTestApp({ engine });
    fsco = await unitId(t.ctx, 'gd-fsco');
    hk = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-fhb', roles: ['officer'] })).username);
    hkApprover = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-fhb', roles: ['approver'] })).username);
    gd = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'gd-fsco', roles: ['officer'] })).username);
  });
  afterAll(() => t?.close());

  const simplified = { title: '冷冻虾仁验出孔雀石绿', scope: '一批供港冷冻虾仁在边境抽验中验出孔雀石绿。', measures: '已封存该批产品。', attention: '请跟进有关养殖场。' };

  it('refuses a notification plainly in the other script, naming the script, and takes it marked right', async () => {
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/notifications', headers: { cookie: hk, 'accept-language': 'zh-Hant' }, payload: draftBody(fsco, { script: 'zh-Hant', text: simplified }) });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields).toEqual([{ field: 'script', code: 'written_in_hans', message: '內容以簡體中文書寫，請將書寫字體選為簡體。' }]);
    const right = await call(t.app, hk, 'POST', '/notifications', draftBody(fsco, { script: 'zh-Hans', text: simplified }));
    expect(right.statusCode).toBe(201);
    expect(right.json().text['zh-Hant'].title).toBe('冷凍蝦仁驗出孔雀石綠');
    // Changing the mark alone, against the text, is refused too.
    expect((await call(t.app, hk, 'PATCH', `/notifications/${right.json().id}`, { script: 'zh-Hant' })).json().error.fields[0]).toMatchObject({ field: 'script', code: 'written_in_hans' });
  });

  it('refuses a follow-up and an answer in the other script than marked', async () => {
    const n = (await call(t.app, hk, 'POST', '/notifications', draftBody(fsco))).json();
    await call(t.app, hk, 'POST', `/notifications/${n.id}/submit`);
    await call(t.app, hkApprover, 'POST', `/notifications/${n.id}/approve`);
    const followUp = await call(t.app, gd, 'POST', `/notifications/${n.id}/follow-ups`, { kind: 'additional_information', script: 'zh-Hant', text: '经核实，该批次产品已下架。' });
    expect(followUp.statusCode).toBe(400);
    expect(followUp.json().error.fields[0]).toMatchObject({ field: 'script', code: 'written_in_hans' });
    const asked = (await call(t.app, hk, 'POST', '/verification-requests', { toUnitId: fsco, script: 'zh-Hant', subject: '核實', question: '請核實。', deadlineAt: '2027-01-01T00:00:00+08:00', plannedReleaseAt: '2027-01-02T00:00:00+08:00' })).json();
    const answer = await call(t.app, gd, 'POST', `/verification-requests/${asked.id}/answer`, { outcome: 'confirmed', script: 'zh-Hant', answer: '经核实，该批次产品已下架。' });
    expect(answer.statusCode).toBe(400);
    expect(answer.json().error.fields[0]).toMatchObject({ field: 'script', code: 'written_in_hans' });
  });
});
