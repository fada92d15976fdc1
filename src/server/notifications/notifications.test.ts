import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, engines, logInAs, startTestApp, unitId, type TestApp } from '../../../test/support/harness.ts';
import { call, draftBody } from '../../../test/support/notifications.ts';

describe.each(engines)('food-safety notifications on %s', (engine) => {
  let t: TestApp;
  let fhb: string; // Food and Health Bureau (Hong Kong)
  let fsco: string; // Guangdong Food Safety Commission Office
  const who = {} as Record<'hkOfficer' | 'hkApprover' | 'hkReader' | 'gdOfficer' | 'gdApprover' | 'gdReader' | 'thirdOfficer' | 'admin', string>;

  beforeAll(async () => {
    t = await startTestApp({ engine });
    fhb = await unitId(t.ctx, 'hk-fhb');
    fsco = await unitId(t.ctx, 'gd-fsco');
    const make = async (unit: string, roles: Parameters<typeof buildUser>[1]['roles']) => {
      const user = await buildUser(t.ctx, { unit, roles });
      return { user, cookie: await logInAs(t.app, user.username) };
    };
    const hkOfficer = await make('hk-fhb', ['officer']);
    who.hkOfficer = hkOfficer.cookie;
    who.hkApprover = (await make('hk-fhb', ['approver'])).cookie;
    who.hkReader = (await make('hk-fhb', ['reader'])).cookie;
    who.gdOfficer = (await make('gd-fsco', ['officer'])).cookie;
    who.gdApprover = (await make('gd-fsco', ['approver'])).cookie;
    who.gdReader = (await make('gd-fsco', ['reader'])).cookie;
    who.thirdOfficer = (await make('gd-edu', ['officer', 'approver'])).cookie;
    who.admin = await logInAs(t.app, 'admin', 'admin-password-for-tests');
  });
  afterAll(() => t?.close());

  const draft = async (overrides: Record<string, unknown> = {}) => {
    const response = await call(t.app, who.hkOfficer, 'POST', '/notifications', draftBody(fsco, overrides));
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  };
  const send = async (overrides: Record<string, unknown> = {}) => {
    const n = await draft(overrides);
    expect((await call(t.app, who.hkOfficer, 'POST', `/notifications/${n.id}/submit`)).statusCode).toBe(200);
    const sent = await call(t.app, who.hkApprover, 'POST', `/notifications/${n.id}/approve`);
    expect(sent.statusCode, sent.body).toBe(200);
    return sent.json();
  };

  it('goes from draft through four-eyes approval to sent, with a reference number and a timeline', async () => {
    const n = await draft();
    expect(n.status).toBe('draft');
    expect(n.reference).toBeNull();
    expect((await call(t.app, who.hkOfficer, 'POST', `/notifications/${n.id}/submit`)).json().status).toBe('submitted');
    // The author cannot approve their own notification, even as an approver.
    const self = await call(t.app, who.hkOfficer, 'POST', `/notifications/${n.id}/approve`);
    expect(self.statusCode).toBe(403);
    const sent = (await call(t.app, who.hkApprover, 'POST', `/notifications/${n.id}/approve`)).json();
    expect(sent.status).toBe('sent');
    expect(sent.reference).toMatch(/^HK-FS-\d{4}-\d{4}$/);
    expect(sent.timeline.map((e: { kind: string }) => e.kind)).toEqual(['drafted', 'submitted', 'sent']);
    expect(Date.parse(sent.ackDueAt) - Date.parse(sent.sentAt)).toBe(24 * 3_600_000);
  });

  it('numbers notifications approved at the same moment one after another, none twice and none skipped', async () => {
    const drafts = [];
    for (let i = 0; i < 6; i++) {
      const n = await draft();
      expect((await call(t.app, who.hkOfficer, 'POST', `/notifications/${n.id}/submit`)).statusCode).toBe(200);
      drafts.push(n);
    }
    const sent = await Promise.all(drafts.map((n) => call(t.app, who.hkApprover, 'POST', `/notifications/${n.id}/approve`)));
    const numbers = sent.map((r) => Number(/^HK-FS-\d{4}-(\d{4})$/.exec(r.json().reference)![1])).sort((a, b) => a - b);
    expect(numbers).toEqual(numbers.map((_, i) => numbers[0] + i));
  });

  it('cannot be submitted without the scope, measures and matters needing attention of clause 1', async () => {
    const n = await draft({ text: { title: '不完整', scope: '', measures: '  ', attention: '' } });
    const response = await call(t.app, who.hkOfficer, 'POST', `/notifications/${n.id}/submit`, undefined, { 'accept-language': 'zh-HK' });
    expect(response.statusCode).toBe(400);
    const fields = response.json().error.fields;
    expect(fields.map((f: { field: string }) => f.field)).toEqual(['text.scope', 'text.measures', 'text.attention']);
    expect(fields[0].message).toContain('事件涉及的範圍');
    expect((await call(t.app, who.hkOfficer, 'GET', `/notifications/${n.id}`)).json().status).toBe('draft');
  });

  it('is returned with comments, edited and resubmitted', async () => {
    const n = await draft();
    await call(t.app, who.hkOfficer, 'POST', `/notifications/${n.id}/submit`);
    const returned = await call(t.app, who.hkApprover, 'POST', `/notifications/${n.id}/return`, { comment: '請補充批號' });
    expect(returned.json()).toMatchObject({ status: 'returned', returnComment: '請補充批號' });
    const edited = await call(t.app, who.hkOfficer, 'PATCH', `/notifications/${n.id}`, { text: { title: '冷凍蝦仁驗出孔雀石綠（更新）' } });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().text['zh-Hans'].title).toBe('冷冻虾仁验出孔雀石绿（更新）');
    expect((await call(t.app, who.hkOfficer, 'POST', `/notifications/${n.id}/submit`)).json().status).toBe('submitted');
  });

  it('keeps the text as written and gives the reader the other script', async () => {
    const n = await draft({ script: 'zh-Hans', text: { title: '鲜活水产品检出禁用药物', scope: '广东省内抽检发现问题批次。', measures: '已责令召回。', attention: '请关注相关产品信息。' } });
    expect(n.authoritativeScript).toBe('zh-Hans');
    expect(n.text['zh-Hans'].title).toBe('鲜活水产品检出禁用药物');
    expect(n.text['zh-Hant'].title).toBe('鮮活水產品檢出禁用藥物');
  });

  it('lists a box in brief: the title in both scripts, not the contents', async () => {
    const n = await draft({ script: 'zh-Hans', text: { title: '冻品标签不符', scope: '抽检发现标签问题。', measures: '已下架。', attention: '请留意。' } });
    const drafts = (await call(t.app, who.hkOfficer, 'GET', '/notifications?box=drafts&limit=100')).json();
    const item = drafts.items.find((i: { id: string }) => i.id === n.id);
    expect(item.title).toEqual({ 'zh-Hans': '冻品标签不符', 'zh-Hant': '凍品標籤不符' });
    expect(item).not.toHaveProperty('text');
    expect(item).not.toHaveProperty('products');
    expect(item.sender.code).toBe('hk-fhb');
  });

  it('is read only by the two units, and by the recipient only once sent', async () => {
    const n = await draft();
    expect((await call(t.app, who.gdOfficer, 'GET', `/notifications/${n.id}`)).statusCode).toBe(404);
    const sent = await send();
    for (const cookie of [who.gdOfficer, who.gdReader, who.hkReader]) expect((await call(t.app, cookie, 'GET', `/notifications/${sent.id}`)).statusCode).toBe(200);
    for (const cookie of [who.thirdOfficer, who.admin]) {
      expect((await call(t.app, cookie, 'GET', `/notifications/${sent.id}`)).statusCode).toBe(404);
      expect((await call(t.app, cookie, 'POST', `/notifications/${sent.id}/acknowledge`)).statusCode).toBe(404);
      expect((await call(t.app, cookie, 'POST', `/notifications/${sent.id}/follow-ups`, { kind: 'additional_information', script: 'zh-Hant', text: 'x' })).statusCode).toBe(404);
    }
    const inbox = (await call(t.app, who.thirdOfficer, 'GET', '/notifications?box=inbox')).json();
    expect(inbox.items.map((i: { id: string }) => i.id)).not.toContain(sent.id);
    const search = (await call(t.app, who.thirdOfficer, 'GET', `/search?q=${encodeURIComponent('孔雀石綠')}`)).json();
    expect(search.results.filter((r: { kind: string }) => r.kind === 'notification')).toHaveLength(0);
  });

  it('refuses a recipient that is not a partner unit', async () => {
    const edu = await unitId(t.ctx, 'gd-edu');
    const response = await call(t.app, who.hkOfficer, 'POST', '/notifications', draftBody(edu));
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0].field).toBe('recipientUnitId');
    const own = await call(t.app, who.hkOfficer, 'POST', '/notifications', draftBody(fhb));
    expect(own.statusCode).toBe(400);
  });

  it('lets readers read but not act', async () => {
    const sent = await send();
    expect((await call(t.app, who.gdReader, 'POST', `/notifications/${sent.id}/acknowledge`)).statusCode).toBe(403);
    expect((await call(t.app, who.hkReader, 'POST', '/notifications', draftBody(fsco))).statusCode).toBe(403);
  });

  it('is received when first opened, acknowledged by the counterpart, followed up from both sides, and closed', async () => {
    const sent = await send();
    const opened = (await call(t.app, who.gdOfficer, 'GET', `/notifications/${sent.id}`)).json();
    expect(opened.receivedAt).not.toBeNull();
    expect(opened.timeline.at(-1).kind).toBe('received');
    expect((await call(t.app, who.hkOfficer, 'POST', `/notifications/${sent.id}/acknowledge`)).statusCode).toBe(403);
    const acked = (await call(t.app, who.gdOfficer, 'POST', `/notifications/${sent.id}/acknowledge`)).json();
    expect(acked.status).toBe('acknowledged');
    expect((await call(t.app, who.gdOfficer, 'POST', `/notifications/${sent.id}/acknowledge`)).statusCode).toBe(409);

    const ask = await call(t.app, who.gdOfficer, 'POST', `/notifications/${sent.id}/follow-ups`, { kind: 'request_for_information', script: 'zh-Hans', text: '请提供养殖场名称及检测报告。' });
    expect(ask.statusCode).toBe(201);
    const request = ask.json().followUps.at(-1);
    expect(request.text['zh-Hant']).toBe('請提供養殖場名稱及檢測報告。');
    // Hong Kong, which sent it, finds the request waiting for its answer in its sent box, as the summary says.
    const waiting = (await call(t.app, who.hkOfficer, 'GET', '/notifications?box=sent&openRequests=true&limit=200')).json();
    expect(waiting.items.map((i: { id: string }) => i.id)).toContain(sent.id);
    expect((await call(t.app, who.hkOfficer, 'GET', '/notifications/summary')).json()).toMatchObject({ openRequests: waiting.total, openRequestsOnSent: waiting.total });
    expect((await call(t.app, who.hkOfficer, 'GET', '/notifications?box=inbox&openRequests=true')).json().total).toBe(0);
    // Guangdong, which asked, has nothing to answer.
    expect((await call(t.app, who.gdOfficer, 'GET', '/notifications?box=inbox&openRequests=true')).json().items.map((i: { id: string }) => i.id)).not.toContain(sent.id);
    expect(Date.parse(request.answerDueAt) - Date.parse(request.createdAt)).toBe(48 * 3_600_000);
    const answer = await call(t.app, who.hkOfficer, 'POST', `/notifications/${sent.id}/follow-ups`, { kind: 'additional_information', script: 'zh-Hant', text: '養殖場為湛江某水產公司，檢測報告已附上。', answersId: request.id });
    expect(answer.json().followUps.find((f: { id: string }) => f.id === request.id).answeredAt).not.toBeNull();
    expect((await call(t.app, who.hkOfficer, 'GET', '/notifications?box=sent&openRequests=true&limit=200')).json().items.map((i: { id: string }) => i.id)).not.toContain(sent.id);

    const reclassified = await call(t.app, who.hkOfficer, 'POST', `/notifications/${sent.id}/follow-ups`, { kind: 'reclassification', script: 'zh-Hant', text: '經評估改為跟進資料。', newClassification: 'follow_up' });
    expect(reclassified.json().classification).toBe('follow_up');

    const closed = await call(t.app, who.hkOfficer, 'POST', `/notifications/${sent.id}/close`, { comment: '調查完成' });
    expect(closed.json().status).toBe('closed');
    expect((await call(t.app, who.gdOfficer, 'POST', `/notifications/${sent.id}/follow-ups`, { kind: 'additional_information', script: 'zh-Hant', text: 'x' })).statusCode).toBe(409);
  });

  it('is withdrawn with a reason before closing, and not after', async () => {
    const sent = await send();
    expect((await call(t.app, who.hkOfficer, 'POST', `/notifications/${sent.id}/withdraw`, {})).statusCode).toBe(400);
    const withdrawn = await call(t.app, who.hkOfficer, 'POST', `/notifications/${sent.id}/withdraw`, { reason: '誤報' });
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn', withdrawReason: '誤報' });
    expect((await call(t.app, who.gdOfficer, 'GET', `/notifications/${sent.id}`)).json().status).toBe('withdrawn');
    expect((await call(t.app, who.hkOfficer, 'POST', `/notifications/${sent.id}/withdraw`, { reason: 'again' })).statusCode).toBe(409);
  });

  it('flags an alert not acknowledged within 24 hours as overdue in the inbox and the summary', async () => {
    const sent = await send();
    const before = (await call(t.app, who.gdOfficer, 'GET', '/notifications/summary')).json();
    t.clock.advance(25 * 3_600_000);
    // Sessions end after 30 idle minutes: log in again after the jump.
    const gd = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'gd-fsco', roles: ['officer'] })).username);
    const overdue = (await call(t.app, gd, 'GET', '/notifications?box=inbox&overdue=true')).json();
    expect(overdue.items.map((i: { id: string }) => i.id)).toContain(sent.id);
    expect(overdue.items.every((i: { overdue: boolean }) => i.overdue)).toBe(true);
    const summary = (await call(t.app, gd, 'GET', '/notifications/summary')).json();
    expect(summary.overdue).toBeGreaterThan(before.overdue);
    expect(summary.unread).toBeGreaterThan(0);
  });

  it("dates by the region's calendar (UTC+8): the year of the reference and the inbox's day filters", async () => {
    // 00:30 on 1 January 2027 in Hong Kong and Guangdong is still 31 December 2026 in UTC.
    t.clock.advance(Date.parse('2026-12-31T16:30:00Z') - t.clock.now().getTime());
    const as = async (unit: string, roles: Parameters<typeof buildUser>[1]['roles']) => logInAs(t.app, (await buildUser(t.ctx, { unit, roles })).username);
    const [hkOfficer, hkApprover, gdOfficer] = [await as('hk-fhb', ['officer']), await as('hk-fhb', ['approver']), await as('gd-fsco', ['officer'])];
    const n = (await call(t.app, hkOfficer, 'POST', '/notifications', draftBody(fsco))).json();
    expect((await call(t.app, hkOfficer, 'POST', `/notifications/${n.id}/submit`)).statusCode).toBe(200);
    const sent = (await call(t.app, hkApprover, 'POST', `/notifications/${n.id}/approve`)).json();
    expect(sent.reference).toBe('HK-FS-2027-0001');
    const ids = async (filter: string) => (await call(t.app, gdOfficer, 'GET', `/notifications?box=inbox&${filter}`)).json().items.map((i: { id: string }) => i.id);
    expect(await ids('from=2027-01-01&to=2027-01-01')).toEqual([sent.id]);
    expect(await ids('to=2026-12-31')).not.toContain(sent.id);
    expect(await ids('from=2026-12-31&to=2026-12-31')).not.toContain(sent.id);
  });
});
