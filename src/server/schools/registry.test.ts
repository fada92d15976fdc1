import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { auditLog } from '../db/schema.ts';
import { ADMIN_PASSWORD, buildUser, engines, logInAs, startTestApp, type TestApp } from '../../../test/support/harness.ts';
import { api, buildCoordinator, buildSchool, schoolInput } from '../../../test/support/schools.ts';
import { schools } from './schema.ts';
import { columns } from './import-export.ts';

const csvOf = (rows: Record<string, string>[]) => Papa.unparse({ fields: [...columns], data: rows.map((r) => columns.map((c) => r[c] ?? '')) });
const row = (code: string, overrides: Record<string, string> = {}) => ({ code, side: 'HK', name_zh: `匯入測試學校${code}`, name_en: `Import Test School ${code}`, level: 'secondary', sector: 'dss', district: 'Tuen Mun', features: 'STEM; music', contact_email: `${code.toLowerCase()}@school.example`, pref_levels: 'secondary', themes: 'STEM', ...overrides });

describe.each(engines)('the school registry on %s', (engine) => {
  let t: TestApp;
  let edb: string;
  let gdEdu: string;
  let fhb: string;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp({ engine });
    edb = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-edb', roles: ['officer'] })).username);
    gdEdu = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'gd-edu', roles: ['officer'] })).username);
    fhb = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-fhb', roles: ['officer'] })).username);
    admin = await logInAs(t.app, 'admin', ADMIN_PASSWORD);
  });
  afterAll(() => t?.close());

  it('previews an import row by row with each bad row’s field and reason in the reader’s language, and writes nothing', async () => {
    const before = (await t.ctx.db.select().from(schools)).length;
    const content = csvOf([row('IMP-1'), row('IMP-2', { level: 'university', sector: '' }), row('IMP-1'), row('IMP-3', { side: 'GD' }), row('IMP-4', { sector: 'public' })]);
    const preview = await api(t.app, edb, 'POST', '/schools/import/preview', { format: 'csv', content }, { 'accept-language': 'zh-HK' });
    expect(preview.statusCode, preview.body).toBe(200);
    const rows = preview.json().rows;
    expect(rows.map((r: { action: string }) => r.action)).toEqual(['create', 'error', 'error', 'error', 'error']);
    expect(rows[1].errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([['rows.3.level', 'invalid_value'], ['rows.3.sector', 'required']]);
    expect(rows[1].errors[0].message).toContain('類別');
    expect(rows[2].errors[0]).toMatchObject({ field: 'rows.4.code', code: 'duplicate_in_file' });
    expect(rows[3].errors[0]).toMatchObject({ field: 'rows.5.side', code: 'not_your_side' });
    expect(rows[4].errors[0]).toMatchObject({ field: 'rows.6.sector', code: 'sector_of_side' });
    // The commit of the same file refuses it whole: not even the good first row is written.
    const refused = await api(t.app, edb, 'POST', '/schools/import', { format: 'csv', content }, { 'accept-language': 'en' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields.map((f: { field: string }) => f.field)).toContain('rows.3.level');
    expect((await t.ctx.db.select().from(schools)).length).toBe(before);
  });

  it('imports a CSV and an XLSX idempotently on the official code, and exports what reads back the same', async () => {
    const first = await api(t.app, edb, 'POST', '/schools/import', { format: 'csv', content: csvOf([row('IDEM-1'), row('IDEM-2')]) });
    expect(first.json()).toMatchObject({ create: 2, update: 0, unchanged: 0 });
    const again = await api(t.app, edb, 'POST', '/schools/import', { format: 'csv', content: csvOf([row('IDEM-1'), row('IDEM-2', { district: 'Yuen Long' })]) });
    expect(again.json()).toMatchObject({ create: 0, update: 1, unchanged: 1 });
    const [updated] = await t.ctx.db.select().from(schools).where(eq(schools.code, 'IDEM-2'));
    expect(updated.district).toBe('Yuen Long');
    expect(updated.features).toEqual(['STEM', 'music']);

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('schools');
    sheet.addRow([...columns]);
    sheet.addRow(columns.map((c) => row('XLSX-1')[c as keyof ReturnType<typeof row>] ?? ''));
    const content = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    expect((await api(t.app, edb, 'POST', '/schools/import', { format: 'xlsx', content })).json()).toMatchObject({ create: 1 });
    expect((await api(t.app, edb, 'POST', '/schools/import', { format: 'xlsx', content })).json()).toMatchObject({ create: 0, unchanged: 1 });

    const csv = await api(t.app, edb, 'GET', '/schools/export?format=csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    const parsed = Papa.parse<Record<string, string>>(csv.body.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
    expect(parsed.find((r) => r.code === 'IDEM-1')).toMatchObject({ name_zh: '匯入測試學校IDEM-1', features: 'STEM; music', side: 'HK' });
    expect(parsed.every((r) => r.side === 'HK')).toBe(true);
    // The export imports back without a change.
    expect((await api(t.app, edb, 'POST', '/schools/import', { format: 'csv', content: csv.body })).json()).toMatchObject({ create: 0, update: 0 });
    const xlsx = await api(t.app, edb, 'GET', '/schools/export?format=xlsx');
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(back.worksheets[0].getRow(1).getCell(1).text).toBe('code');
    expect(back.worksheets[0].rowCount).toBe(parsed.length + 1);
    // The other side's authority exports only its own side.
    expect((await api(t.app, gdEdu, 'GET', '/schools/export?format=csv&side=HK')).statusCode).toBe(403);
  });

  it('audits every change and indexes the school for both authorities, found in either script', async () => {
    const id = await buildSchool(t.app, gdEdu, 'GD', { nameZh: '广州实验学校样本', nameEn: 'Guangzhou Experimental School' });
    const entries = await t.ctx.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(entries.map((e) => e.action)).toEqual(['school.created']);
    const found = await api(t.app, edb, 'GET', `/search?q=${encodeURIComponent('廣州實驗')}`);
    expect(found.json().results.map((r: { kind: string; title: { en: string } }) => `${r.kind}:${r.title.en}`)).toContain('school:Guangzhou Experimental School');
    expect((await api(t.app, fhb, 'GET', `/search?q=${encodeURIComponent('廣州實驗')}`)).json().results).toEqual([]);
    // The registry's own filter finds it by its name in the other script, or by its code.
    const listed = await api(t.app, edb, 'GET', `/schools?q=${encodeURIComponent('廣州實驗')}`);
    expect(listed.json().schools.map((s: { id: string }) => s.id)).toEqual([id]);
    expect(listed.json().total).toBe(1);
  });

  it('shows the other side’s unpaired schools without their contacts; keeps out units and users outside the scheme', async () => {
    const gdSchool = await buildSchool(t.app, gdEdu, 'GD');
    const hkSchool = await buildSchool(t.app, edb, 'HK');
    const ofGd = await api(t.app, gdEdu, 'GET', `/schools/${gdSchool}`);
    expect(ofGd.json().contact.email).toMatch(/@school.example$/);
    expect(ofGd.json().name).toMatchObject({ asWritten: expect.stringContaining('深圳测试学校'), 'zh-Hant': expect.stringContaining('深圳測試學校') });
    const byEdb = await api(t.app, edb, 'GET', `/schools/${gdSchool}`);
    expect(byEdb.json()).toMatchObject({ level: 'primary', contact: null });
    const coordinator = await buildCoordinator(t.app, edb, hkSchool);
    expect((await api(t.app, coordinator.cookie, 'GET', `/schools/${gdSchool}`)).json().contact).toBeNull();
    expect((await api(t.app, coordinator.cookie, 'GET', `/schools/${hkSchool}`)).json().contact).not.toBeNull();
    for (const outsider of [fhb, admin]) {
      expect((await api(t.app, outsider, 'GET', '/schools/me')).json()).toMatchObject({ takesPart: false, schoolId: null, authority: false });
      expect((await api(t.app, outsider, 'GET', '/schools')).statusCode).toBe(403);
      expect((await api(t.app, outsider, 'GET', `/schools/${gdSchool}`)).statusCode).toBe(403);
      expect((await api(t.app, outsider, 'POST', '/schools', schoolInput('HK'))).statusCode).toBe(403);
    }
    // The coordinator acts for their school only, as no liaison unit.
    expect((await api(t.app, coordinator.cookie, 'GET', '/schools/me')).json()).toMatchObject({ takesPart: true, schoolId: hkSchool, side: 'HK', authority: false });
  });

  it('lets a coordinator keep only their own school, and an authority only its own side', async () => {
    const mine = await buildSchool(t.app, edb, 'HK');
    const other = await buildSchool(t.app, edb, 'HK');
    const { cookie } = await buildCoordinator(t.app, edb, mine);
    const kept = await api(t.app, cookie, 'PATCH', `/schools/${mine}`, { preferences: { levels: ['primary', 'special'], sectors: [], districts: ['广州'], themes: ['reading'] } });
    expect(kept.statusCode, kept.body).toBe(200);
    expect(kept.json().preferences.themes).toEqual(['reading']);
    expect((await api(t.app, cookie, 'PATCH', `/schools/${other}`, { district: 'Eastern' })).statusCode).toBe(403);
    expect((await api(t.app, cookie, 'POST', '/schools', schoolInput('HK'))).statusCode).toBe(403);
    expect((await api(t.app, cookie, 'POST', '/schools/import/preview', { format: 'csv', content: csvOf([row('COORD-1')]) })).statusCode).toBe(403);
    expect((await api(t.app, cookie, 'POST', '/schools/import', { format: 'csv', content: csvOf([row('COORD-1')]) })).statusCode).toBe(403);
    expect((await api(t.app, cookie, 'GET', '/schools/export?format=csv')).statusCode).toBe(403);
    expect((await api(t.app, gdEdu, 'PATCH', `/schools/${mine}`, { district: 'Eastern' })).statusCode).toBe(403);
    expect((await api(t.app, gdEdu, 'POST', `/schools/${mine}/coordinators`, { username: 'gd-for-hk', displayName: 'x', password: 'long-enough-password' })).statusCode).toBe(403);
    expect((await api(t.app, gdEdu, 'POST', '/schools', schoolInput('HK'))).statusCode).toBe(403);
  });

  it('names the bad field of a form in the user’s language', async () => {
    const bad = await api(t.app, edb, 'POST', '/schools', schoolInput('HK', { sector: 'minban' }), { 'accept-language': 'zh-CN' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0]).toMatchObject({ field: 'sector', code: 'sector_of_side' });
    expect(bad.json().error.fields[0].message).toContain('办学类型');
    const missing = await api(t.app, edb, 'POST', '/schools', { ...schoolInput('HK'), nameZh: '' }, { 'accept-language': 'en' });
    expect(missing.json().error.fields[0]).toMatchObject({ field: 'nameZh', code: 'required', message: 'Chinese name is required.' });
    const input = schoolInput('HK');
    await api(t.app, edb, 'POST', '/schools', input);
    expect((await api(t.app, edb, 'POST', '/schools', input)).statusCode).toBe(409);
  });
});
