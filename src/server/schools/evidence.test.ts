import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { auditLog } from '../db/schema.ts';
import { buildUser, engines, logInAs, startTestApp, type TestApp } from '../../../test/support/harness.ts';
import { api, buildCoordinator, buildSchool } from '../../../test/support/schools.ts';
import { MAX_ATTACHMENT_BYTES } from '../../shared/attachments.ts';

/** A real 1×1 PNG. */
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

async function spreadsheet(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('簽到').addRows([['姓名', '學校'], ['陳大文', '沙田']]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe.each(engines)('evidence files of sister-school activities on %s', (engine) => {
  let t: TestApp;
  let edb: string;
  let edbApprover: string;
  let gdEdu: string;
  let gdApprover: string;
  let fhb: string;

  beforeAll(async () => {
    t = await startTestApp({ engine });
    edb = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-edb', roles: ['officer'] })).username);
    edbApprover = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-edb', roles: ['approver'] })).username);
    gdEdu = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'gd-edu', roles: ['officer'] })).username);
    gdApprover = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'gd-edu', roles: ['approver'] })).username);
    fhb = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-fhb', roles: ['officer', 'approver'] })).username);
  });
  afterAll(() => t?.close());

  /** An active pair with one activity, held in the 2026/27 school year. */
  async function pairWithActivity() {
    const hk = await buildSchool(t.app, edb, 'HK');
    const gd = await buildSchool(t.app, gdEdu, 'GD');
    const hkC = (await buildCoordinator(t.app, edb, hk)).cookie;
    const gdC = (await buildCoordinator(t.app, gdEdu, gd)).cookie;
    const pair = (await api(t.app, hkC, 'POST', '/sister-pairs', { hkSchoolId: hk, gdSchoolId: gd })).json();
    await api(t.app, gdC, 'POST', `/sister-pairs/${pair.id}/consent`, {});
    await api(t.app, gdApprover, 'POST', `/sister-pairs/${pair.id}/endorse`, {});
    expect((await api(t.app, edbApprover, 'POST', `/sister-pairs/${pair.id}/endorse`, {})).json().status).toBe('active');
    const recorded = await api(t.app, hkC, 'POST', `/sister-pairs/${pair.id}/activities`, { kind: 'student_exchange', heldOn: '2026-11-20', participants: [{ group: 'students', side: 'HK', count: 30 }], description: '兩校學生龍舟交流' });
    const activityId: string = recorded.json().activities[0].id;
    return { id: pair.id as string, hk, gd, hkC, gdC, activityId, path: `/sister-pairs/${pair.id}/activities/${activityId}/evidence` };
  }

  const upload = (path: string, cookie: string, filename: string, type: string, content: Buffer, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1${path}`,
      headers: { cookie, 'content-type': 'multipart/form-data; boundary=b', ...headers },
      payload: Buffer.concat([Buffer.from(`--b\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`), content, Buffer.from('\r\n--b--\r\n')]),
    });
  const download = (path: string, cookie: string, evidenceId: string) => t.app.inject({ url: `/api/v1${path}/${evidenceId}`, headers: { cookie } });
  const audited = async (entityId: string) => (await t.ctx.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'activity_evidence'), eq(auditLog.entityId, entityId)))).map((a) => a.action);

  it('takes a photo and a sign-in sheet from the two schools and gives back the same bytes to both schools and both authorities', async () => {
    const pair = await pairWithActivity();
    const photo = await upload(pair.path, pair.hkC, '龍舟.png', 'image/png', png);
    expect(photo.statusCode, photo.body).toBe(201);
    expect(photo.json()).toMatchObject({ fileName: '龍舟.png', mediaType: 'image/png', size: png.length, sha256: createHash('sha256').update(png).digest('hex'), addedBy: { side: 'HK' }, canRemove: true });
    const sheet = await spreadsheet();
    t.clock.advance(60_000);
    const signIn = await upload(pair.path, pair.gdC, '签到表.xlsx', XLSX, sheet);
    expect(signIn.statusCode, signIn.body).toBe(201);
    expect(signIn.json()).toMatchObject({ mediaType: XLSX, addedBy: { side: 'GD' }, canRemove: true });

    // Listed with the activity, oldest first, and on its own; each school may remove only its own.
    const listed = (await api(t.app, pair.gdC, 'GET', pair.path)).json();
    expect(listed.map((f: { fileName: string; canRemove: boolean }) => [f.fileName, f.canRemove])).toEqual([['龍舟.png', false], ['签到表.xlsx', true]]);
    const detail = (await api(t.app, pair.hkC, 'GET', `/sister-pairs/${pair.id}`)).json();
    expect(detail.activities[0].evidenceFiles.map((f: { id: string }) => f.id)).toEqual([photo.json().id, signIn.json().id]);
    expect(detail.can.addEvidence).toBe(true);

    for (const reader of [pair.hkC, pair.gdC, edb, gdEdu]) {
      const back = await download(pair.path, reader, photo.json().id);
      expect(back.statusCode).toBe(200);
      expect(back.rawPayload.equals(png)).toBe(true);
      expect(back.headers['content-type']).toBe('image/png');
      expect(back.headers['content-disposition']).toBe(`attachment; filename*=UTF-8''${encodeURIComponent('龍舟.png')}`);
      expect(back.headers['x-content-type-options']).toBe('nosniff');
    }
    expect((await download(pair.path, gdEdu, signIn.json().id)).rawPayload.equals(sheet)).toBe(true);
    // The authorities read; they do not add the schools' evidence for them.
    expect((await upload(pair.path, edb, 'x.png', 'image/png', png)).statusCode).toBe(403);
    expect((await api(t.app, edb, 'GET', `/sister-pairs/${pair.id}`)).json().can.addEvidence).toBe(false);

    expect(await audited(photo.json().id)).toEqual(['activity_evidence.added']);
    const [entry] = await t.ctx.db.select().from(auditLog).where(eq(auditLog.entityId, signIn.json().id));
    expect(entry.data).toMatchObject({ pairId: pair.id, activityId: pair.activityId, fileName: '签到表.xlsx', mediaType: XLSX, size: sheet.length });
  });

  it('names a file safely: no control or direction characters, and an extension of what it holds; a retried upload adds it once', async () => {
    const pair = await pairWithActivity();
    const named = await upload(pair.path, pair.hkC, "活動\u0007相片\u202e(1)'s.html", 'image/png', png);
    expect(named.json().fileName).toBe("活動相片(1)'s.html.png");
    const back = await download(pair.path, pair.gdC, named.json().id);
    expect(back.headers['content-disposition']).toBe(`attachment; filename*=UTF-8''${encodeURIComponent('活動相片')}%281%29%27s.html.png`);

    const first = await upload(pair.path, pair.gdC, 'a.png', 'image/png', png, { 'idempotency-key': 'evidence-key-0001' });
    const again = await upload(pair.path, pair.gdC, 'a.png', 'image/png', png, { 'idempotency-key': 'evidence-key-0001' });
    expect(again.json().id).toBe(first.json().id);
    expect((await api(t.app, pair.gdC, 'GET', pair.path)).json()).toHaveLength(2);
  });

  it('is not found for another school’s coordinator nor for an officer of a unit outside the scheme, whatever they try', async () => {
    const pair = await pairWithActivity();
    const file = (await upload(pair.path, pair.hkC, 'p.png', 'image/png', png)).json();
    const strangerSchool = await buildSchool(t.app, edb, 'HK');
    const stranger = (await buildCoordinator(t.app, edb, strangerSchool)).cookie;
    for (const [who, cookie] of [['another school', stranger], ['a unit outside the scheme', fhb]] as const) {
      expect((await api(t.app, cookie, 'GET', pair.path)).statusCode, who).toBe(404);
      expect((await download(pair.path, cookie, file.id)).statusCode, who).toBe(404);
      expect((await upload(pair.path, cookie, 'q.png', 'image/png', png)).statusCode, who).toBe(404);
      expect((await api(t.app, cookie, 'DELETE', `${pair.path}/${file.id}`)).statusCode, who).toBe(404);
    }
    // An activity of another pair is not this pair's, nor a file of another activity this activity's.
    const other = await pairWithActivity();
    const otherFile = (await upload(other.path, other.hkC, 'o.png', 'image/png', png)).json();
    expect((await api(t.app, pair.hkC, 'GET', `/sister-pairs/${pair.id}/activities/${other.activityId}/evidence`)).statusCode).toBe(404);
    expect((await download(pair.path, pair.hkC, otherFile.id)).statusCode).toBe(404);
    expect((await api(t.app, other.hkC, 'DELETE', `${pair.path}/${file.id}`)).statusCode).toBe(404);
    expect((await download(pair.path, pair.hkC, file.id)).rawPayload.equals(png)).toBe(true);
    expect(await audited(file.id)).toEqual(['activity_evidence.added']);
  });

  it('refuses a file that is not what its type says, a type not taken, an empty file and one over 10 MB, naming the field in each language', async () => {
    const pair = await pairWithActivity();
    const refusal = async (filename: string, type: string, content: Buffer, lang = 'en') => {
      const response = await upload(pair.path, pair.hkC, filename, type, content, { 'accept-language': lang });
      return { status: response.statusCode, fields: response.json().error.fields };
    };
    const sheet = await spreadsheet();
    for (const [name, type, content] of [
      ['photo.png', 'image/png', Buffer.from('<html><script>alert(1)</script></html>')],
      ['photo.jpg', 'image/jpeg', png],
      ['photo.webp', 'image/webp', Buffer.from('RIFF\u0000\u0000\u0000\u0000WAVEfmt ')],
      ['scan.pdf', 'application/pdf', Buffer.from('MZ\u0090\u0000 not a pdf')],
      // A spreadsheet is no Word document, and a bare ZIP signature no spreadsheet.
      ['report.docx', DOCX, sheet],
      ['sheet.xlsx', XLSX, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00])],
    ] as const) {
      expect(await refusal(name, type, content), name).toMatchObject({ status: 400, fields: [{ field: 'file', code: 'file_content', message: expect.stringContaining('Evidence file') }] });
    }
    expect(await refusal('notes.txt', 'text/plain', Buffer.from('notes'))).toMatchObject({ status: 400, fields: [{ field: 'file', code: 'evidence_type', message: expect.stringContaining('WebP') }] });
    expect(await refusal('notes.txt', 'text/plain', Buffer.from('notes'), 'zh-Hant')).toMatchObject({ fields: [{ message: expect.stringMatching(/^「佐證檔案」須為相片/) }] });
    expect(await refusal('notes.txt', 'text/plain', Buffer.from('notes'), 'zh-Hans')).toMatchObject({ fields: [{ message: expect.stringMatching(/^“佐证文件”须为照片/) }] });
    expect(await refusal('empty.png', 'image/png', Buffer.alloc(0))).toMatchObject({ status: 400, fields: [{ field: 'file', code: 'empty_file' }] });
    const huge = Buffer.concat([png, Buffer.alloc(MAX_ATTACHMENT_BYTES + 1 - png.length)]);
    expect(await refusal('huge.png', 'image/png', huge, 'zh-Hant')).toMatchObject({ status: 413, fields: [{ field: 'file', code: 'file_too_large', message: '「佐證檔案」超過 10 MB。' }] });
    // Exactly at the limit is taken.
    expect((await upload(pair.path, pair.hkC, 'limit.png', 'image/png', huge.subarray(0, MAX_ATTACHMENT_BYTES))).statusCode).toBe(201);
    expect((await api(t.app, pair.hkC, 'GET', pair.path)).json().map((f: { fileName: string }) => f.fileName)).toEqual(['limit.png']);
  });

  it('lets only the school that added a file remove it, and only until the report of the activity’s school year is submitted', async () => {
    const pair = await pairWithActivity();
    const wrong = (await upload(pair.path, pair.hkC, 'wrong.png', 'image/png', png)).json();
    expect((await api(t.app, pair.gdC, 'DELETE', `${pair.path}/${wrong.id}`)).statusCode).toBe(403);
    expect((await api(t.app, edb, 'DELETE', `${pair.path}/${wrong.id}`)).statusCode).toBe(403);
    expect((await api(t.app, pair.hkC, 'DELETE', `${pair.path}/${wrong.id}`)).statusCode).toBe(204);
    expect((await download(pair.path, pair.hkC, wrong.id)).statusCode).toBe(404);
    expect((await api(t.app, pair.hkC, 'DELETE', `${pair.path}/${wrong.id}`)).statusCode).toBe(404);
    expect(await audited(wrong.id)).toEqual(['activity_evidence.added', 'activity_evidence.removed']);

    // Submitted, the 2026/27 report stands on its evidence as the authorities received it.
    const kept = (await upload(pair.path, pair.hkC, 'kept.png', 'image/png', png)).json();
    await api(t.app, pair.gdC, 'POST', `/sister-pairs/${pair.id}/documents/2026-27/report`, { body: '兩校學生龍舟交流，附相片。' });
    expect((await api(t.app, pair.gdC, 'POST', `/sister-pairs/${pair.id}/documents/2026-27/report/submit`)).statusCode).toBe(200);
    const refused = await api(t.app, pair.hkC, 'DELETE', `${pair.path}/${kept.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain('annual report');
    expect((await api(t.app, pair.hkC, 'GET', pair.path)).json()[0].canRemove).toBe(false);
    // Still added to (a photo the report mentions), not taken away.
    expect((await upload(pair.path, pair.gdC, 'more.png', 'image/png', png)).statusCode).toBe(201);
    // Returned for changes, the schools may change its evidence again.
    expect((await api(t.app, edb, 'POST', `/sister-pairs/${pair.id}/documents/2026-27/report/review`, { decision: 'return', comment: '請補充活動成效。' })).statusCode).toBe(200);
    expect((await api(t.app, pair.hkC, 'DELETE', `${pair.path}/${kept.id}`)).statusCode).toBe(204);
    expect(await audited(kept.id)).toEqual(['activity_evidence.added', 'activity_evidence.removed']);
  });
});
