import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, engines, logInAs, startTestApp, unitId, type TestApp } from '../../../test/support/harness.ts';
import { call, draftBody } from '../../../test/support/notifications.ts';

/** Files on drafts and who counts as a draft's writer, as officers meet them in the running app. */
describe.each(engines)('drafts and their files on %s', (engine) => {
  let t: TestApp;
  let fsco: string;
  let hk: string;
  let hkApprover: string;
  let hkApprover2: string;
  let gd: string;

  beforeAll(async () => {
    t = await startTestApp({ engine });
    fsco = await unitId(t.ctx, 'gd-fsco');
    hk = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-fhb', roles: ['officer'] })).username);
    hkApprover = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-fhb', roles: ['approver'] })).username);
    hkApprover2 = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-fhb', roles: ['approver'] })).username);
    gd = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'gd-fsco', roles: ['officer'] })).username);
  });
  afterAll(() => t?.close());

  const upload = (id: string, cookie: string, filename: string, type: string, content: string | Buffer) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/notifications/${id}/attachments`,
      headers: { cookie, 'content-type': 'multipart/form-data; boundary=b' },
      payload: Buffer.concat([Buffer.from(`--b\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`), Buffer.from(content), Buffer.from('\r\n--b--\r\n')]),
    });
  const remove = (id: string, cookie: string, attachmentId: string) => t.app.inject({ method: 'DELETE', url: `/api/v1/notifications/${id}/attachments/${attachmentId}`, headers: { cookie } });

  it('refuses a file whose content belies its type: a text file named .pdf, a program named .png', async () => {
    const n = (await call(t.app, hk, 'POST', '/notifications', draftBody(fsco))).json();
    for (const [name, type, content] of [
      ['fake.pdf', 'application/pdf', 'just some text'],
      ['photo.png', 'image/png', 'MZ\u0090\u0000'],
      ['table.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'a,b,c'],
      ['notes.txt', 'text/plain', Buffer.from([0x4d, 0x5a, 0x00, 0x01])],
    ] as const) {
      const refused = await upload(n.id, hk, name, type, content);
      expect(refused.statusCode, name).toBe(400);
      expect(refused.json().error.fields, name).toMatchObject([{ field: 'file', code: 'file_content' }]);
    }
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    expect((await upload(n.id, hk, 'photo.png', 'image/png', png)).statusCode).toBe(201);
    // Text in Big5, as Excel on a Hong Kong desktop saves a CSV, is text.
    expect((await upload(n.id, hk, '化驗.csv', 'text/csv', Buffer.from([0xa4, 0xc6, 0xc5, 0xe7, 0x2c, 0x34, 0x2e, 0x32]))).statusCode).toBe(201);
    expect((await call(t.app, hk, 'GET', `/notifications/${n.id}`)).json().attachments).toHaveLength(2);
  });

  it('takes the files officers have: a JPEG, a DOCX, a PDF with bytes before its header, UTF-16 text, a CSV as Windows names it', async () => {
    const n = (await call(t.app, hk, 'POST', '/notifications', draftBody(fsco))).json();
    const files = [
      ['photo.jpg', 'image/jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46])],
      ['report.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00])],
      ['scan.pdf', 'application/pdf', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf, 0x0a]), Buffer.from('%PDF-1.7\n%%EOF\n')])],
      ['unicode.txt', 'text/plain', Buffer.from('\ufeff孔雀石綠', 'utf16le')],
      ['results.csv', 'application/vnd.ms-excel', Buffer.from('agent,result\nmalachite green,4.2\n')],
    ] as const;
    for (const [name, type, content] of files) expect((await upload(n.id, hk, name, type, content)).statusCode, name).toBe(201);
    // A real .xls (binary) under that name is not a CSV.
    expect((await upload(n.id, hk, 'old.xls', 'application/vnd.ms-excel', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0x00, 0x00]))).json().error.fields[0].code).toBe('file_content');
  });

  it('counts whoever removes a file from a draft as one of its writers', async () => {
    const n = (await call(t.app, hk, 'POST', '/notifications', draftBody(fsco))).json();
    const file = (await upload(n.id, hk, 'memo.txt', 'text/plain', 'an unrelated memo')).json().id;
    expect((await remove(n.id, hkApprover, file)).statusCode).toBe(204);
    await call(t.app, hk, 'POST', `/notifications/${n.id}/submit`);
    expect((await call(t.app, hkApprover, 'POST', `/notifications/${n.id}/approve`)).statusCode).toBe(403);
    expect((await call(t.app, hkApprover2, 'POST', `/notifications/${n.id}/approve`)).json().status).toBe('sent');
  });

  it("lets the drafting unit take a file off a draft the approver returned, not once it is submitted, and never the other side", async () => {
    const n = (await call(t.app, hk, 'POST', '/notifications', draftBody(fsco))).json();
    const wrong = (await upload(n.id, hk, 'unrelated.txt', 'text/plain', 'an unrelated memo')).json().id;
    const kept = (await upload(n.id, hk, 'lab.txt', 'text/plain', 'malachite green 4.2')).json().id;
    await call(t.app, hk, 'POST', `/notifications/${n.id}/submit`);
    // While submitted, what the approver approves cannot change under them.
    expect((await remove(n.id, hk, wrong)).statusCode).toBe(403);
    await call(t.app, hkApprover, 'POST', `/notifications/${n.id}/return`, { comment: '請刪除無關附件 unrelated.txt' });
    expect((await remove(n.id, gd, wrong)).statusCode).toBe(404);
    expect((await remove(n.id, hk, wrong)).statusCode).toBe(204);
    expect((await remove(n.id, hk, wrong)).statusCode).toBe(404);
    const page = (await call(t.app, hk, 'GET', `/notifications/${n.id}`)).json();
    expect(page.attachments.map((a: { id: string }) => a.id)).toEqual([kept]);
    expect(page.timeline.at(-1)).toMatchObject({ kind: 'detached', comment: 'unrelated.txt' });
  });

  it("does not let an approver who submitted a colleague's draft approve it alone", async () => {
    const n = (await call(t.app, hk, 'POST', '/notifications', draftBody(fsco))).json();
    expect((await call(t.app, hkApprover, 'POST', `/notifications/${n.id}/submit`)).statusCode).toBe(200);
    expect((await call(t.app, hkApprover, 'GET', `/notifications/${n.id}`)).json().can).toMatchObject({ approve: false, approveByAnother: true });
    expect((await call(t.app, hkApprover, 'POST', `/notifications/${n.id}/approve`)).statusCode).toBe(403);
    expect((await call(t.app, hkApprover2, 'POST', `/notifications/${n.id}/approve`)).json().status).toBe('sent');
  });
});
