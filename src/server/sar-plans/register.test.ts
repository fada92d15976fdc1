import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { auditLog } from '../db/schema.ts';
import { ADMIN_PASSWORD, buildUser, engines, logInAs, startTestApp, type TestApp } from '../../../test/support/harness.ts';
import { agencyOfficers, api, buildShip, companyInput, imoFrom, shipInput, type Agencies } from '../../../test/support/sar-plans.ts';
import { isValidImoNumber } from '../../shared/modules/sar-plans.ts';
import { companyColumns, shipColumns } from './register-import-export.ts';
import { sarCompanies, sarShips } from './schema.ts';

describe('the IMO number', () => {
  it('is seven digits whose last is the check digit of the first six weighted 7 to 2', () => {
    // 9*7 + 0*6 + 7*5 + 4*4 + 7*3 + 2*2 = 139: check digit 9.
    expect(isValidImoNumber('9074729')).toBe(true);
    expect(isValidImoNumber('9074728')).toBe(false);
    expect(isValidImoNumber('907472')).toBe(false);
    expect(isValidImoNumber('90747290')).toBe(false);
    expect(isValidImoNumber('907472a')).toBe(false);
    expect(isValidImoNumber(imoFrom(123456))).toBe(true);
  });
});

const csvOf = (columns: readonly string[], rows: Record<string, string>[]) => Papa.unparse({ fields: [...columns], data: rows.map((r) => columns.map((c) => r[c] ?? '')) });

describe.each(engines)('the register of ships and companies on %s', (engine) => {
  let t: TestApp;
  let agencies: Agencies;
  let fhb: string;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp({ engine });
    agencies = await agencyOfficers(t.app, t.ctx);
    fhb = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-fhb', roles: ['officer', 'approver'] })).username);
    admin = await logInAs(t.app, 'admin', ADMIN_PASSWORD);
  });
  afterAll(() => t?.close());

  it('refuses a ship whose IMO number fails its check digit, naming the field in the user’s language', async () => {
    const company = (await api(t.app, agencies.hk, 'POST', '/sar-plans/companies', companyInput('HK'))).json().id;
    const zh = await api(t.app, agencies.hk, 'POST', '/sar-plans/ships', shipInput('HK', company, { imoNumber: '9074728' }), { 'accept-language': 'zh-HK' });
    expect(zh.statusCode).toBe(400);
    expect(zh.json().error.fields[0]).toMatchObject({ field: 'imoNumber', code: 'imo_check_digit' });
    expect(zh.json().error.fields[0].message).toContain('IMO編號');
    const en = await api(t.app, agencies.hk, 'POST', '/sar-plans/ships', shipInput('HK', company, { mmsi: '12345' }), { 'accept-language': 'en' });
    expect(en.json().error.fields[0]).toMatchObject({ field: 'mmsi', code: 'invalid_format', message: 'MMSI is not in the right format.' });
    const sameBoth = await api(t.app, agencies.hk, 'POST', '/sar-plans/ships', shipInput('HK', company, { routes: [{ from: 'HK-SW', to: 'HK-TST' }] }), { 'accept-language': 'zh-CN' });
    expect(sameBoth.json().error.fields[0]).toMatchObject({ field: 'routes.0.to', code: 'route_cross_boundary' });
    expect(sameBoth.json().error.fields[0].message).toContain('到达码头');
    const input = shipInput('HK', company);
    expect((await api(t.app, agencies.hk, 'POST', '/sar-plans/ships', input)).statusCode).toBe(201);
    expect((await api(t.app, agencies.hk, 'POST', '/sar-plans/ships', input)).statusCode).toBe(409);
  });

  it('keeps each change of a ship in its history, audited', async () => {
    const { shipId } = await buildShip(t.app, agencies.mo, 'MO');
    const changed = await api(t.app, agencies.mo, 'PATCH', `/sar-plans/ships/${shipId}`, { passengerCapacity: 350, routes: [{ from: 'MO-OH', to: 'GD-SK' }] });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().history.map((h: { change: string }) => h.change)).toEqual(['updated', 'created']);
    expect(changed.json().history[0].fields).toMatchObject({ passengerCapacity: { from: 400, to: 350 } });
    expect((await t.ctx.db.select().from(auditLog).where(eq(auditLog.entityId, shipId))).map((e) => e.action)).toEqual(['sar_ship.created', 'sar_ship.updated']);
  });

  it('lets each agency keep only its own place’s register; every other unit and the administrator find nothing', async () => {
    const { shipId, companyId } = await buildShip(t.app, agencies.gd, 'GD');
    expect((await api(t.app, agencies.hk, 'PATCH', `/sar-plans/ships/${shipId}`, { passengerCapacity: 10 })).statusCode).toBe(403);
    expect((await api(t.app, agencies.hk, 'PATCH', `/sar-plans/companies/${companyId}`, { contactPhone: '+852 1111 1111' })).statusCode).toBe(403);
    expect((await api(t.app, agencies.hk, 'POST', '/sar-plans/companies', companyInput('GD'))).statusCode).toBe(403);
    // All three agencies read every ship.
    expect((await api(t.app, agencies.hk, 'GET', `/sar-plans/ships/${shipId}`)).json()).toMatchObject({ imoNumber: expect.any(String), mayEdit: false });
    expect((await api(t.app, agencies.mo, 'GET', '/sar-plans/ships?place=GD')).json().map((s: { id: string }) => s.id)).toContain(shipId);
    for (const outsider of [fhb, admin]) {
      expect((await api(t.app, outsider, 'GET', `/sar-plans/ships/${shipId}`)).statusCode).toBe(404);
      expect((await api(t.app, outsider, 'GET', '/sar-plans/ships')).statusCode).toBe(404);
      expect((await api(t.app, outsider, 'GET', '/sar-plans/companies')).statusCode).toBe(404);
      expect((await api(t.app, outsider, 'POST', '/sar-plans/companies', companyInput('HK'))).statusCode).toBe(404);
      expect((await api(t.app, outsider, 'GET', '/sar-plans/me')).json()).toMatchObject({ agency: null, mayEdit: false });
    }
  });

  it('previews an import row by row and writes nothing while any row is wrong', async () => {
    await api(t.app, agencies.hk, 'POST', '/sar-plans/register/companies/import', { format: 'csv', content: csvOf(companyColumns, [{ registration_no: 'HK-IMP-CO', place: 'HK', name_zh: '匯入測試客運公司', name_en: 'Import Test Ferries', contact_name: 'Duty officer', contact_phone: '+852 0000 0001' }]) });
    const good = { imo_number: imoFrom(800001), mmsi: '477800001', call_sign: 'VRIM1', name_zh: '匯入測試一號', name_en: 'Import Test One', place: 'HK', port_of_registry: 'Hong Kong', ship_type: 'catamaran', passenger_capacity: '300', company_registration_no: 'HK-IMP-CO', routes: 'HK-SW>MO-OH; MO-OH>HK-SW' };
    const rows = [
      good,
      { ...good, imo_number: '8000010', name_en: 'Bad Check Digit' },
      { ...good, imo_number: imoFrom(800003), company_registration_no: 'NO-SUCH-CO' },
      { ...good, imo_number: imoFrom(800004), place: 'MO' },
      { ...good, imo_number: imoFrom(800005), routes: 'HK-SW>HK-TST', ship_type: 'yacht' },
      good,
    ];
    const before = (await t.ctx.db.select().from(sarShips)).length;
    const content = csvOf(shipColumns, rows);
    const preview = await api(t.app, agencies.hk, 'POST', '/sar-plans/register/ships/import/preview', { format: 'csv', content }, { 'accept-language': 'en' });
    expect(preview.statusCode, preview.body).toBe(200);
    const checked = preview.json().rows;
    expect(checked.map((r: { action: string }) => r.action)).toEqual(['create', 'error', 'error', 'error', 'error', 'error']);
    expect(checked[1].errors[0]).toMatchObject({ field: 'rows.3.imo_number', code: 'imo_check_digit', message: expect.stringContaining('IMO number') });
    expect(checked[2].errors[0]).toMatchObject({ field: 'rows.4.company_registration_no', code: 'unknown_company' });
    expect(checked[3].errors[0]).toMatchObject({ field: 'rows.5.place', code: 'not_your_place' });
    expect(checked[4].errors.map((e: { field: string; code: string }) => [e.field, e.code]).sort()).toEqual([['rows.6.routes', 'route_cross_boundary'], ['rows.6.ship_type', 'invalid_value']]);
    expect(checked[5].errors[0]).toMatchObject({ field: 'rows.7.imo_number', code: 'duplicate_in_file' });
    const refused = await api(t.app, agencies.hk, 'POST', '/sar-plans/register/ships/import', { format: 'csv', content });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields.map((f: { field: string }) => f.field)).toContain('rows.3.imo_number');
    // Not even the good first row was written.
    expect((await t.ctx.db.select().from(sarShips)).length).toBe(before);
    expect((await api(t.app, agencies.gd, 'POST', '/sar-plans/register/ships/import', { format: 'csv', content: csvOf(shipColumns, [good]) })).json().error.fields[0]).toMatchObject({ field: 'rows.2.place', code: 'not_your_place' });
    expect((await api(t.app, fhb, 'POST', '/sar-plans/register/ships/import/preview', { format: 'csv', content })).statusCode).toBe(404);
  });

  it('imports CSV and XLSX idempotently on the IMO number, and exports what imports back unchanged', async () => {
    await api(t.app, agencies.mo, 'POST', '/sar-plans/register/companies/import', { format: 'csv', content: csvOf(companyColumns, [{ registration_no: 'MO-IMP-CO', place: 'MO', name_zh: '匯入測試澳門客運', name_en: 'Import Test Macao Ferries', contact_name: 'Duty officer', contact_phone: '+853 0000 0001' }]) });
    const ship = (n: number, extra: Record<string, string> = {}) => ({ imo_number: imoFrom(810000 + n), mmsi: String(453810000 + n), call_sign: `XXM${n}`, name_zh: `匯入澳門${n}號`, name_en: `Import Macao ${n}`, place: 'MO', port_of_registry: 'Macao', ship_type: 'jetfoil', passenger_capacity: '250', company_registration_no: 'MO-IMP-CO', routes: 'MO-OH>HK-SW', ...extra });
    const first = await api(t.app, agencies.mo, 'POST', '/sar-plans/register/ships/import', { format: 'csv', content: csvOf(shipColumns, [ship(1), ship(2)]) });
    expect(first.json(), first.body).toMatchObject({ create: 2, update: 0, unchanged: 0 });
    const again = await api(t.app, agencies.mo, 'POST', '/sar-plans/register/ships/import', { format: 'csv', content: csvOf(shipColumns, [ship(1), ship(2, { passenger_capacity: '260' })]) });
    expect(again.json()).toMatchObject({ create: 0, update: 1, unchanged: 1 });

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('ships');
    sheet.addRow([...shipColumns]);
    sheet.addRow(shipColumns.map((c) => ship(3)[c as keyof ReturnType<typeof ship>]));
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    expect((await api(t.app, agencies.mo, 'POST', '/sar-plans/register/ships/import', { format: 'xlsx', content: xlsx })).json()).toMatchObject({ create: 1 });
    expect((await api(t.app, agencies.mo, 'POST', '/sar-plans/register/ships/import', { format: 'xlsx', content: xlsx })).json()).toMatchObject({ create: 0, unchanged: 1 });

    const csv = await api(t.app, agencies.mo, 'GET', '/sar-plans/register/ships/export?format=csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    const parsed = Papa.parse<Record<string, string>>(csv.body.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
    expect(parsed.find((r) => r.imo_number === imoFrom(810002))).toMatchObject({ passenger_capacity: '260', routes: 'MO-OH>HK-SW', company_registration_no: 'MO-IMP-CO' });
    expect((await api(t.app, agencies.mo, 'POST', '/sar-plans/register/ships/import', { format: 'csv', content: csv.body })).json()).toMatchObject({ create: 0, update: 0 });
    const companies = await api(t.app, agencies.mo, 'GET', '/sar-plans/register/companies/export?format=xlsx');
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(companies.rawPayload as unknown as ArrayBuffer);
    expect(back.worksheets[0].getRow(1).getCell(1).text).toBe('registration_no');
    expect((await t.ctx.db.select().from(sarCompanies).where(eq(sarCompanies.registrationNo, 'MO-IMP-CO'))).length).toBe(1);
    expect((await t.ctx.db.select().from(auditLog).where(eq(auditLog.action, 'sar_register.imported'))).length).toBeGreaterThanOrEqual(4);
  });
});
