import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { mailOutbox, notifications, units, users } from '../db/schema.ts';
import { dispatchMail } from '../mail/outbox.ts';
import { smtpMailer } from '../mail/smtp.ts';
import { buildUser, engines, logInAs, startTestApp, unitId, type TestApp } from '../../../test/support/harness.ts';
import { call, draftBody } from '../../../test/support/notifications.ts';

describe.each(engines)('a notification\'s case: retries, dissemination, customs, expert advice, files, the inbox and e-mail on %s', (engine) => {
  let t: TestApp;
  let fsco: string;
  let hkOfficer: string;
  let hkApprover: string;
  let gdOfficer: string;

  beforeAll(async () => {
    t = await startTestApp({ engine });
    fsco = await unitId(t.ctx, 'gd-fsco');
    hkOfficer = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-fhb', roles: ['officer'] })).username);
    const approver = await buildUser(t.ctx, { unit: 'hk-fhb', roles: ['approver'] });
    hkApprover = await logInAs(t.app, approver.username);
    const gd = await buildUser(t.ctx, { unit: 'gd-fsco', roles: ['officer'] });
    gdOfficer = await logInAs(t.app, gd.username);
    await t.ctx.db.update(users).set({ email: 'approver@fhb.example', locale: 'zh-Hant' }).where(eq(users.id, approver.id));
    await t.ctx.db.update(users).set({ email: 'officer@fsco.example', locale: 'zh-Hans' }).where(eq(users.id, gd.id));
  });
  afterAll(() => t?.close());

  const send = async (overrides: Record<string, unknown> = {}) => {
    const n = (await call(t.app, hkOfficer, 'POST', '/notifications', draftBody(fsco, overrides))).json();
    await call(t.app, hkOfficer, 'POST', `/notifications/${n.id}/submit`);
    return (await call(t.app, hkApprover, 'POST', `/notifications/${n.id}/approve`)).json();
  };

  it('creates nothing twice for a retried POST with the same Idempotency-Key', async () => {
    const key = { 'idempotency-key': 'draft-7f3a9c21-retry' };
    const first = await call(t.app, hkOfficer, 'POST', '/notifications', draftBody(fsco), key);
    const again = await call(t.app, hkOfficer, 'POST', '/notifications', draftBody(fsco), key);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe(first.json().id);
    const [{ n }] = await t.ctx.db.select({ n: count() }).from(notifications).where(eq(notifications.id, first.json().id));
    expect(n).toBe(1);
    // The same key on another address is a mistake, not a replay.
    expect((await call(t.app, hkOfficer, 'POST', `/notifications/${first.json().id}/submit`, undefined, key)).statusCode).toBe(409);
    // A transition retried with its key answers as the first time.
    const submitKey = { 'idempotency-key': 'submit-2b1d-retry-key' };
    await call(t.app, hkOfficer, 'POST', `/notifications/${first.json().id}/submit`, undefined, submitKey);
    const replay = await call(t.app, hkOfficer, 'POST', `/notifications/${first.json().id}/submit`, undefined, submitKey);
    expect(replay.statusCode).toBe(200);
    expect(replay.json().status).toBe('submitted');
  });

  it('records which departments the receiving unit informed, when and how', async () => {
    const sent = await send();
    const body = { department: '廣東省市場監督管理局', informedAt: '2026-11-24T10:00:00+08:00', means: 'email', note: '已轉發通報全文' };
    expect((await call(t.app, hkOfficer, 'POST', `/notifications/${sent.id}/disseminations`, body)).statusCode).toBe(403);
    const recorded = await call(t.app, gdOfficer, 'POST', `/notifications/${sent.id}/disseminations`, body);
    expect(recorded.statusCode).toBe(201);
    expect(recorded.json().disseminations).toEqual([expect.objectContaining({ department: '廣東省市場監督管理局', means: 'email', informedAt: '2026-11-24T02:00:00.000Z' })]);
    // The sender sees what its counterpart did with it.
    expect((await call(t.app, hkOfficer, 'GET', `/notifications/${sent.id}`)).json().disseminations).toHaveLength(1);
    const list = await call(t.app, gdOfficer, 'POST', '/distribution-lists', { name: '省內通報', departments: ['廣東省市場監督管理局', '廣東省衞生健康委員會'] });
    expect(list.statusCode).toBe(201);
    expect((await call(t.app, gdOfficer, 'GET', '/distribution-lists')).json()[0].departments).toHaveLength(2);
    expect((await call(t.app, hkOfficer, 'GET', '/distribution-lists')).json()).toEqual([]);
  });

  it('routes a notification about food supplied to Hong Kong to the customs channel, and only such', async () => {
    const customs = await send();
    const routed = await call(t.app, gdOfficer, 'POST', `/notifications/${customs.id}/customs-routing`, { routedTo: '深圳出入境檢驗檢疫局', routedAt: '2026-11-24T11:00:00+08:00' });
    expect(routed.statusCode).toBe(201);
    expect(routed.json().customs).toEqual({
      channel: true,
      routings: [expect.objectContaining({ customsUnit: null, routedTo: '深圳出入境檢驗檢疫局', routedAt: '2026-11-24T03:00:00.000Z', canAcknowledge: false })],
    });
    const local = await send({ customsChannel: false });
    expect((await call(t.app, gdOfficer, 'POST', `/notifications/${local.id}/customs-routing`, { routedTo: 'x', routedAt: '2026-11-24T11:00:00+08:00' })).statusCode).toBe(409);
  });

  it('attaches an expert consultation and its advice to the case', async () => {
    const sent = await send();
    const asked = await call(t.app, gdOfficer, 'POST', `/notifications/${sent.id}/expert-consultations`, { question: '孔雀石綠殘留的風險評估？', experts: [{ name: '陳教授', affiliation: '華南農業大學' }] });
    expect(asked.statusCode).toBe(201);
    const consultation = asked.json().expertConsultations[0];
    expect(consultation).toMatchObject({ shared: true, canAdvise: true });
    // The unit that referred the question records the advice; the other side reads it.
    expect((await call(t.app, hkOfficer, 'POST', `/notifications/${sent.id}/expert-consultations/${consultation.id}/advice`, { advice: '由香港寫入' })).statusCode).toBe(403);
    const advised = await call(t.app, gdOfficer, 'POST', `/notifications/${sent.id}/expert-consultations/${consultation.id}/advice`, { advice: '屬高風險，應全面回收。' });
    expect(advised.json().expertConsultations[0]).toMatchObject({ advice: '屬高風險，應全面回收。', canAdvise: false });
    const seen = (await call(t.app, hkOfficer, 'GET', `/notifications/${sent.id}`)).json();
    expect(seen.expertConsultations[0]).toMatchObject({ advice: '屬高風險，應全面回收。', shared: true, canAdvise: false });
    expect(seen.timeline.map((e: { kind: string }) => e.kind)).toContain('expert_advice');
  });

  it("keeps a consultation referred before sending, and its advice whenever it comes, the sending unit's own", async () => {
    const n = (await call(t.app, hkOfficer, 'POST', '/notifications', draftBody(fsco))).json();
    const asked = (await call(t.app, hkOfficer, 'POST', `/notifications/${n.id}/expert-consultations`, { question: 'INTERNAL-Q 是否達到通報門檻？', experts: [{ name: '李博士' }] })).json();
    const consultation = asked.expertConsultations[0];
    expect(consultation).toMatchObject({ shared: false, canAdvise: true });
    await call(t.app, hkOfficer, 'POST', `/notifications/${n.id}/submit`);
    await call(t.app, hkApprover, 'POST', `/notifications/${n.id}/approve`);
    const advice = `/notifications/${n.id}/expert-consultations/${consultation.id}/advice`;
    expect((await call(t.app, gdOfficer, 'POST', advice, { advice: 'written by the other side' })).statusCode).toBe(404);
    expect((await call(t.app, hkOfficer, 'POST', advice, { advice: 'INTERNAL-ADVICE 邊緣數值，不必告知對方。' })).statusCode).toBe(200);
    const theirs = await call(t.app, gdOfficer, 'GET', `/notifications/${n.id}`);
    expect(theirs.body).not.toContain('INTERNAL');
    expect(theirs.json().timeline.map((e: { kind: string }) => e.kind)).not.toContain('expert_advice');
    const ours = (await call(t.app, hkOfficer, 'GET', `/notifications/${n.id}`)).json();
    expect(ours.expertConsultations[0]).toMatchObject({ advice: 'INTERNAL-ADVICE 邊緣數值，不必告知對方。', shared: false });
    expect(ours.timeline.map((e: { kind: string }) => e.kind)).toContain('expert_advice');
  });

  it('takes no advice on a withdrawn notification', async () => {
    const sent = await send();
    const consultation = (await call(t.app, hkOfficer, 'POST', `/notifications/${sent.id}/expert-consultations`, { question: 'q', experts: [{ name: 'e' }] })).json().expertConsultations[0];
    expect(consultation.canAdvise).toBe(true);
    await call(t.app, hkOfficer, 'POST', `/notifications/${sent.id}/withdraw`, { reason: 'sent in error' });
    expect((await call(t.app, hkOfficer, 'GET', `/notifications/${sent.id}`)).json().expertConsultations[0].canAdvise).toBe(false);
    expect((await call(t.app, hkOfficer, 'POST', `/notifications/${sent.id}/expert-consultations/${consultation.id}/advice`, { advice: 'late' })).statusCode).toBe(409);
  });

  it('takes a lab report as an attachment, refuses other types, and gives it back only to the two units', async () => {
    const sent = await send();
    const boundary = '----liaison';
    const multipart = (filename: string, type: string, content: string) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n${content}\r\n--${boundary}--\r\n`;
    const upload = (payload: string, cookie = gdOfficer, key?: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/notifications/${sent.id}/attachments`,
        headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}`, ...(key ? { 'idempotency-key': key } : {}) },
        payload,
      });
    const ok = await upload(multipart('檢測報告.csv', 'text/csv', 'agent,result\nmalachite green,4.2\n'));
    expect(ok.statusCode, ok.body).toBe(201);
    const refused = await upload(multipart('run.exe', 'application/x-msdownload', 'MZ'));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toMatchObject([{ field: 'file', code: 'file_type', message: expect.stringContaining('PDF') }]);
    // Sent again with its key (an answer lost): attached once; the same key with another file is refused.
    const photo = multipart('現場照片.txt', 'text/plain', 'photo of the cold store');
    const first = await upload(photo, gdOfficer, 'attach-key-0001');
    const retried = await upload(photo, gdOfficer, 'attach-key-0001');
    expect(first.statusCode).toBe(201);
    expect(retried.json().id).toBe(first.json().id);
    expect(retried.headers['idempotent-replayed']).toBe('true');
    expect((await upload(multipart('現場照片.txt', 'text/plain', 'another photo'), gdOfficer, 'attach-key-0001')).statusCode).toBe(409);
    const listed = (await t.app.inject({ url: `/api/v1/notifications/${sent.id}`, headers: { cookie: gdOfficer } })).json().attachments;
    expect(listed.filter((a: { filename: string }) => a.filename === '現場照片.txt')).toHaveLength(1);
    const empty = await upload(multipart('空白.txt', 'text/plain', ''));
    expect(empty.json().error.fields).toMatchObject([{ field: 'file', code: 'empty_file' }]);
    const back = await t.app.inject({ url: `/api/v1/notifications/${sent.id}/attachments/${ok.json().id}`, headers: { cookie: hkOfficer } });
    expect(back.body).toContain('malachite green,4.2');
    const outsider = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-edb', roles: ['officer'] })).username);
    expect((await t.app.inject({ url: `/api/v1/notifications/${sent.id}/attachments/${ok.json().id}`, headers: { cookie: outsider } })).statusCode).toBe(404);
  });

  it('filters the inbox and finds notifications by words in either script', async () => {
    await send({ classification: 'news', category: 'policy_regulation_standard', text: { title: '食品添加劑標準修訂', scope: '香港修訂食物內防腐劑規例。', measures: '業界諮詢已完成。', attention: '新規例明年生效。' } });
    const news = (await call(t.app, gdOfficer, 'GET', '/notifications?box=inbox&classification=news')).json();
    expect(news.items.length).toBeGreaterThan(0);
    expect(news.items.every((i: { classification: string }) => i.classification === 'news')).toBe(true);
    const found = (await call(t.app, gdOfficer, 'GET', `/notifications?box=inbox&q=${encodeURIComponent('防腐剂')}`)).json();
    expect(found.items.map((i: { title: { 'zh-Hant': string } }) => i.title['zh-Hant'])).toEqual(['食品添加劑標準修訂']);
    const sentBox = (await call(t.app, hkOfficer, 'GET', '/notifications?box=sent&category=policy_regulation_standard')).json();
    expect(sentBox.total).toBe(1);
    const later = (await call(t.app, gdOfficer, 'GET', '/notifications?box=inbox&from=2999-01-01')).json();
    expect(later.total).toBe(0);
  });

  it('lists only what the reader has not opened, as many as the summary counts unread', async () => {
    const reader = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'gd-fsco', roles: ['reader'] })).username);
    const first = await send();
    await send();
    const unread = async () => (await call(t.app, reader, 'GET', '/notifications?box=inbox&unread=true&limit=200')).json();
    const before = await unread();
    expect(before.total).toBe((await call(t.app, reader, 'GET', '/notifications/summary')).json().unread);
    expect(before.items.map((i: { id: string }) => i.id)).toContain(first.id);
    expect(before.items.every((i: { unread: boolean }) => i.unread)).toBe(true);
    await call(t.app, reader, 'GET', `/notifications/${first.id}`);
    const after = await unread();
    expect(after.total).toBe(before.total - 1);
    expect(after.items.map((i: { id: string }) => i.id)).not.toContain(first.id);
    expect((await call(t.app, reader, 'GET', `/notifications?box=inbox&unread=true&q=${encodeURIComponent('孔雀石綠')}`)).json().items.map((i: { id: string }) => i.id)).not.toContain(first.id);
  });

  it('does not e-mail the officer who took the step, only the others it concerns', async () => {
    const both = await buildUser(t.ctx, { unit: 'hk-fhb', roles: ['officer', 'approver'] });
    await t.ctx.db.update(users).set({ email: 'both@fhb.example' }).where(eq(users.id, both.id));
    const cookie = await logInAs(t.app, both.username);
    await t.ctx.db.delete(mailOutbox);
    const n = (await call(t.app, cookie, 'POST', '/notifications', draftBody(fsco))).json();
    expect((await call(t.app, cookie, 'POST', `/notifications/${n.id}/submit`)).statusCode).toBe(200);
    const to = (await t.ctx.db.select({ to: mailOutbox.to }).from(mailOutbox)).map((m) => m.to);
    expect(to).toEqual(['approver@fhb.example']);
    await t.ctx.db.update(users).set({ email: null }).where(eq(users.id, both.id));
  });

  it('e-mails the officers it concerns through SMTP, each in their language', async () => {
    const received: { to: string; data: string }[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        let data = '';
        stream.on('data', (chunk) => (data += chunk));
        stream.on('end', () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), data });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.server.address() as { port: number }).port;
    try {
      await t.ctx.db.delete(mailOutbox);
      await send();
      const result = await dispatchMail(t.ctx.db, smtpMailer(`smtp://127.0.0.1:${port}`, 'Liaison <liaison@test>'), () => t.clock.now());
      expect(result).toEqual({ sent: 2, failed: 0 });
      const toApprover = received.find((m) => m.to === 'approver@fhb.example')!;
      const toGd = received.find((m) => m.to === 'officer@fsco.example')!;
      expect(toApprover.data).toContain('Subject: =?UTF-8?');
      expect(decodeMail(toApprover.data)).toContain('待你批核的通報');
      expect(decodeMail(toGd.data)).toContain('贵单位的新通报');
      expect(decodeMail(toGd.data)).toMatch(/HK-FS-\d{4}-\d{4}/);
      // Each names the unit it was sent to, in the reader's language, with nothing of the template left.
      const unitName = async (code: string) => (await t.ctx.db.select({ name: units.name }).from(units).where(eq(units.code, code)))[0].name;
      expect(decodeMail(toGd.data)).toContain((await unitName('gd-fsco'))['zh-Hans']);
      expect(decodeMail(toApprover.data)).toContain((await unitName('hk-fhb'))['zh-Hant']);
      expect(decodeMail(toGd.data) + decodeMail(toApprover.data)).not.toContain('\u0001');
      expect((await dispatchMail(t.ctx.db, smtpMailer(`smtp://127.0.0.1:${port}`, 'x@test'), () => t.clock.now())).sent).toBe(0);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

/** The readable text of a MIME message: encoded-word headers and a base64 or quoted-printable body decoded. */
function decodeMail(raw: string): string {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  const qp = (text: string) => Buffer.from(text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
  const headers = head
    .replace(/\r?\n\s+/g, ' ')
    .replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=\s*/gi, (_, enc: string, text: string) => (enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : qp(text.replace(/_/g, ' '))));
  const encoding = /content-transfer-encoding:\s*(\S+)/i.exec(head)?.[1]?.toLowerCase();
  const text = encoding === 'base64' ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8') : encoding === 'quoted-printable' ? qp(body) : body;
  return `${headers}\n\n${text}`;
}
