import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, engines, logInAs, startTestApp, unitId, type TestApp } from '../../../test/support/harness.ts';
import { draftBody } from '../../../test/support/notifications.ts';

/**
 * An error names the field as the form that asks for it does (found in a review of the screens:
 * a notification's title came back as "Post title", an empty choice as "a value not allowed").
 */
describe.each(engines)('field names in error messages on %s', (engine) => {
  let t: TestApp;
  let fsco: string;
  let hk: string;
  beforeAll(async () => {
    t = await startTestApp({ engine });
    fsco = await unitId(t.ctx, 'gd-fsco');
    hk = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-fhb', roles: ['officer'] })).username);
  });
  afterAll(() => t?.close());

  const post = (url: string, payload: object, lang: string) =>
    t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: { cookie: hk, 'accept-language': lang }, payload });
  const messages = async (response: Awaited<ReturnType<typeof post>>) => {
    expect(response.statusCode).toBe(400);
    return Object.fromEntries(response.json().error.fields.map((f: { field: string; code: string; message: string }) => [f.field, `${f.code}: ${f.message}`]));
  };

  it("names a notification's fields as the compose form does, and an empty choice as required", async () => {
    const { category: _category, ...rest } = draftBody(fsco);
    const body = { ...rest, classification: '', text: { ...rest.text, title: '長'.repeat(301) } };
    expect(await messages(await post('/notifications', body, 'zh-Hant'))).toMatchObject({
      category: 'required: 必須填寫「訊息類別（第二條）」。',
      classification: 'required: 必須填寫「通報級別」。',
      'text.title': expect.stringMatching(/^too_big: 「標題」/),
    });
    expect(await messages(await post('/notifications', body, 'en'))).toMatchObject({ 'text.title': expect.stringMatching(/^too_big: Title /) });
  });

  it("names a meeting's title and a user's title each as its own form does", async () => {
    expect(await messages(await post('/meetings', { kind: 'joint_work', title: '', unitIds: [fsco], scheduledAt: '2026-12-01T10:00:00+08:00' }, 'zh-Hans'))).toMatchObject({
      title: 'required: 必须填写“会议名称”。',
    });
    const admin = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-fhb', roles: ['unit_admin'] })).username);
    const user = await t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: { cookie: admin, 'accept-language': 'zh-Hant' }, payload: { title: '職'.repeat(201) } });
    expect(user.json().error.fields[0].message).toContain('職銜');
  });

  it("names a step's own fields as its form does: the approver's comment, an action item, an answer, a media report", async () => {
    const approver = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-fhb', roles: ['approver'] })).username);
    const n = (await post('/notifications', draftBody(fsco), 'en')).json();
    await post(`/notifications/${n.id}/submit`, {}, 'en');
    const returned = await t.app.inject({ method: 'POST', url: `/api/v1/notifications/${n.id}/return`, headers: { cookie: approver, 'accept-language': 'zh-Hant' }, payload: { comment: '' } });
    expect(await messages(returned)).toMatchObject({ comment: 'required: 必須填寫「給擬稿人的意見」。' });

    const meeting = (await post('/meetings', { kind: 'joint_work', title: '粵港食品安全工作會議', unitIds: [fsco], scheduledAt: '2026-12-01T10:00:00+08:00' }, 'en')).json();
    expect(await messages(await post(`/meetings/${meeting.id}/action-items`, { description: '', ownerUnitId: '', dueOn: '2026-12-31' }, 'zh-Hant'))).toMatchObject({
      description: 'required: 必須填寫「跟進事項」。',
      ownerUnitId: 'required: 必須填寫「負責單位」。',
    });

    const report = await post('/media-reports', { toUnitId: fsco, script: 'zh-Hant', subject: '報道核實', question: '請核實。', deadlineAt: '2027-01-01T10:00:00+08:00', media: { outlet: '', publishedOn: '2026-11-20', link: 'not a link', claim: '' } }, 'zh-Hans');
    expect(await messages(report)).toMatchObject({ 'media.outlet': expect.stringContaining('新闻媒体'), 'media.link': expect.stringContaining('报道链接'), 'media.claim': expect.stringContaining('报道内容') });
  });

  it('names a field that shares its name with a step (answer) by its own name, not by the step\'s group of names', async () => {
    const response = await t.app.inject({ url: '/api/v1/verification-requests?answer=%00', headers: { cookie: hk, 'accept-language': 'en' } });
    expect(response.statusCode).toBe(400);
    expect(JSON.stringify(response.json())).not.toMatch(/returned an object/);
  });
});
