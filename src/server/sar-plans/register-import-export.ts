import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Locale } from '../../shared/i18n.ts';
import type { Context, Viewer } from '../platform/context.ts';
import { forbidden, type FieldError } from '../platform/errors.ts';
import { presentImportPreview, readImportFile, refuseUnlessAllGood, rowErrorsOf, writeTabularFile, type CheckedRow, type TabularFormat } from '../platform/tabular-files.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { sarPolicy, type SarActor } from './policy.ts';
import { companiesByIds, companiesByRegistrationNos, listCompanyRows, listShipRows, shipsByImoNumbers, type CompanyRow, type ShipRow } from './queries.ts';
import { actorOf, applyCompanyChange, applyShipChange, changedFields, insertCompany, insertShip, requireSarActor, shipFieldErrors } from './register.ts';
import { companyBody, shipBody } from './schemas.ts';

// The register of ships and companies as CSV or XLSX (M23): every row checked as the form checks
// it, a preview of each row's errors, then all rows or none. Idempotent on the IMO number and
// the company's registration number. Lists (routes) are separated by semicolons.

export type RegisterKind = 'ships' | 'companies';
const MAX_ROWS = 5_000;

export const companyColumns = ['registration_no', 'place', 'name_zh', 'name_en', 'address', 'contact_name', 'contact_phone', 'contact_email'] as const;
export const shipColumns = ['imo_number', 'mmsi', 'call_sign', 'name_zh', 'name_en', 'place', 'port_of_registry', 'ship_type', 'passenger_capacity', 'company_registration_no', 'routes'] as const;

const orNull = (text: string | undefined) => (text?.trim() ? text.trim() : null);
const trimmed = (text: string | undefined) => text?.trim() ?? '';

const companyColumnOf: Record<string, string> = { registrationNo: 'registration_no', place: 'place', nameZh: 'name_zh', nameEn: 'name_en', address: 'address', contactName: 'contact_name', contactPhone: 'contact_phone', contactEmail: 'contact_email' };
const shipColumnOf: Record<string, string> = {
  imoNumber: 'imo_number', mmsi: 'mmsi', callSign: 'call_sign', nameZh: 'name_zh', nameEn: 'name_en', place: 'place', portOfRegistry: 'port_of_registry', shipType: 'ship_type', passengerCapacity: 'passenger_capacity', companyId: 'company_registration_no', routes: 'routes', from: 'routes', to: 'routes',
};

/** "HK-SW>MO-OH; MO-OH>HK-SW" as routes. */
const routesOf = (text: string | undefined) =>
  (text ?? '')
    .split(/[;；]/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const [from, to] = s.split('>').map((p) => p.trim().toUpperCase());
      return { from: from ?? '', to: to ?? '' };
    });
const routesText = (routes: { from: string; to: string }[]) => routes.map((r) => `${r.from}>${r.to}`).join('; ');

type CheckedCompany = CheckedRow & { input?: z.infer<typeof companyBody>; existing?: CompanyRow };
type CheckedShip = CheckedRow & { input?: z.infer<typeof shipBody>; existing?: ShipRow };

/** Errors every register row shares: of another place than the viewer's, of a sample record, moved to another place. */
function placeErrors(actor: SarActor, row: number, place: string | undefined, existing: { place: string; isSample: boolean } | undefined, keyColumn: string): FieldError[] {
  const errors: FieldError[] = [];
  if (place && !sarPolicy.keepRegister(actor, place)) errors.push({ field: `rows.${row}.place`, code: 'not_your_place' });
  if (existing && place && existing.place !== place) errors.push({ field: `rows.${row}.place`, code: 'other_place' });
  if (existing?.isSample) errors.push({ field: `rows.${row}.${keyColumn}`, code: 'sample_key' });
  return errors;
}

async function checkCompanies(ctx: Context, actor: SarActor, records: Record<string, string>[]): Promise<CheckedCompany[]> {
  const existing = await companiesByRegistrationNos(ctx.db, records.map((r) => trimmed(r.registration_no)).filter(Boolean));
  const seen = new Set<string>();
  return records.map((record, index) => {
    const row = index + 2;
    const raw = { registrationNo: trimmed(record.registration_no), place: trimmed(record.place).toUpperCase(), nameZh: record.name_zh ?? '', nameEn: record.name_en ?? '', address: orNull(record.address), contactName: record.contact_name ?? '', contactPhone: trimmed(record.contact_phone), contactEmail: orNull(record.contact_email) };
    const parsed = companyBody.safeParse(raw);
    const errors = parsed.success ? [] : rowErrorsOf(parsed.error.issues, { row, input: raw, columnOfField: companyColumnOf, fallbackColumn: 'registration_no' });
    const key = raw.registrationNo || null;
    if (key && seen.has(key)) errors.push({ field: `rows.${row}.registration_no`, code: 'duplicate_in_file' });
    if (key) seen.add(key);
    const found = key ? existing.get(key) : undefined;
    errors.push(...placeErrors(actor, row, parsed.success ? parsed.data.place : undefined, found, 'registration_no'));
    if (errors.length || !parsed.success) return { row, key, action: 'error', errors };
    const { registrationNo: _r, place: _p, ...change } = parsed.data;
    const action = !found ? 'create' : Object.keys(changedFields(found, { ...change, address: change.address ?? null, contactEmail: change.contactEmail ?? null })).length ? 'update' : 'unchanged';
    return { row, key, action, errors, input: parsed.data, existing: found };
  });
}

async function checkShips(ctx: Context, actor: SarActor, records: Record<string, string>[]): Promise<CheckedShip[]> {
  const existing = await shipsByImoNumbers(ctx.db, records.map((r) => trimmed(r.imo_number)).filter(Boolean));
  const companies = await companiesByRegistrationNos(ctx.db, records.map((r) => trimmed(r.company_registration_no)).filter(Boolean));
  const seen = new Set<string>();
  return records.map((record, index) => {
    const row = index + 2;
    const company = companies.get(trimmed(record.company_registration_no));
    const capacity = trimmed(record.passenger_capacity);
    const raw = {
      imoNumber: trimmed(record.imo_number),
      mmsi: trimmed(record.mmsi),
      callSign: trimmed(record.call_sign),
      nameZh: record.name_zh ?? '',
      nameEn: record.name_en ?? '',
      place: trimmed(record.place).toUpperCase(),
      portOfRegistry: record.port_of_registry ?? '',
      shipType: trimmed(record.ship_type).toLowerCase(),
      passengerCapacity: /^\d+$/.test(capacity) ? Number(capacity) : capacity,
      companyId: company?.id ?? '00000000-0000-4000-8000-000000000000',
      routes: routesOf(record.routes),
    };
    const parsed = shipBody.safeParse(raw);
    const errors = parsed.success ? [] : rowErrorsOf(parsed.error.issues, { row, input: raw, columnOfField: shipColumnOf, fallbackColumn: 'imo_number' });
    const has = (column: string) => errors.some((e) => e.field === `rows.${row}.${column}`);
    if (!company && !has('company_registration_no')) errors.push({ field: `rows.${row}.company_registration_no`, code: trimmed(record.company_registration_no) ? 'unknown_company' : 'required' });
    for (const e of shipFieldErrors(raw, `rows.${row}.`)) {
      const column = e.field.endsWith('imoNumber') ? 'imo_number' : 'routes';
      if (!has(column)) errors.push({ ...e, field: `rows.${row}.${column}` });
    }
    const key = raw.imoNumber || null;
    if (key && seen.has(key)) errors.push({ field: `rows.${row}.imo_number`, code: 'duplicate_in_file' });
    if (key) seen.add(key);
    const found = key ? existing.get(key) : undefined;
    errors.push(...placeErrors(actor, row, parsed.success ? parsed.data.place : undefined, found, 'imo_number'));
    const unique = errors.filter((e, i) => errors.findIndex((o) => o.field === e.field) === i);
    if (unique.length || !parsed.success) return { row, key, action: 'error', errors: unique };
    const { imoNumber: _i, place: _p, ...change } = parsed.data;
    const action = !found ? 'create' : Object.keys(changedFields(found, { ...change, callSign: change.callSign.toUpperCase() })).length ? 'update' : 'unchanged';
    return { row, key, action, errors: unique, input: parsed.data, existing: found };
  });
}

async function checkFile(ctx: Context, options: { viewer: Viewer; kind: RegisterKind; format: TabularFormat; content: string }) {
  const actor = await requireSarActor(ctx, options.viewer);
  if (!actor.place || !sarPolicy.keepRegister(actor, actor.place)) throw forbidden('only an agency’s officers import its place’s register');
  const records = await readImportFile(options.format, options.content, MAX_ROWS);
  return options.kind === 'ships' ? checkShips(ctx, actor, records) : checkCompanies(ctx, actor, records);
}

/** What an import would do, row by row, with each row's errors in the reader's language. Writes nothing. */
export async function previewRegisterImport(ctx: Context, options: { viewer: Viewer; kind: RegisterKind; format: TabularFormat; content: string; locale: Locale }) {
  return presentImportPreview(await checkFile(ctx, options), options.locale, 'sar-plans');
}

/** Imports the file: all of it or, if any row is wrong, nothing (the answer names every wrong row's field). */
export async function importRegister(ctx: Context, options: { viewer: Viewer; kind: RegisterKind; format: TabularFormat; content: string }) {
  const { viewer } = options;
  const checked = await checkFile(ctx, options);
  refuseUnlessAllGood(checked);
  const importId = randomUUID();
  return ctx.db.transaction(async (tx) => {
    const counts = { create: 0, update: 0, unchanged: 0, error: 0 };
    for (const c of checked) {
      counts[c.action]++;
      if (c.action === 'unchanged') continue;
      if (options.kind === 'ships') {
        const s = c as CheckedShip;
        if (s.action === 'create') await insertShip(tx, ctx, viewer, s.input!, { importId });
        else {
          const { imoNumber: _i, place: _p, ...change } = s.input!;
          await applyShipChange(tx, ctx, viewer, s.existing!, change, { importId });
        }
      } else {
        const k = c as CheckedCompany;
        if (k.action === 'create') await insertCompany(tx, ctx, viewer, k.input!, { importId });
        else {
          const { registrationNo: _r, place: _p, ...change } = k.input!;
          await applyCompanyChange(tx, ctx, viewer, k.existing!, { ...change, address: change.address ?? null, contactEmail: change.contactEmail ?? null }, { importId });
        }
      }
    }
    await recordAudit(tx, ctx.clock, { actor: actorOf(viewer), action: 'sar_register.imported', entityType: options.kind === 'ships' ? 'sar_ship' : 'sar_company', entityId: importId, unitId: viewer.unitId, data: { format: options.format, kind: options.kind, ...counts } });
    return counts;
  });
}

/** A place's register as a file in the import's own columns (an export imports back unchanged). Sample records are left out. */
export async function exportRegister(ctx: Context, options: { viewer: Viewer; kind: RegisterKind; format: TabularFormat; place?: string }) {
  const actor = await requireSarActor(ctx, options.viewer);
  const place = options.place ?? actor.place!;
  if (options.kind === 'companies') {
    const rows = (await listCompanyRows(ctx.db, { place })).filter((r) => !r.isSample);
    const records = rows.map((r) => ({ registration_no: r.registrationNo, place: r.place, name_zh: r.nameZh, name_en: r.nameEn, address: r.address ?? '', contact_name: r.contactName, contact_phone: r.contactPhone, contact_email: r.contactEmail ?? '' }));
    return writeTabularFile({ format: options.format, columns: companyColumns, records, name: `sar-companies-${place}` });
  }
  const rows = (await listShipRows(ctx.db, { place })).filter((r) => !r.isSample);
  const companies = await companiesByIds(ctx.db, rows.map((r) => r.companyId));
  const records = rows.map((r) => ({
    imo_number: r.imoNumber,
    mmsi: r.mmsi,
    call_sign: r.callSign,
    name_zh: r.nameZh,
    name_en: r.nameEn,
    place: r.place,
    port_of_registry: r.portOfRegistry,
    ship_type: r.shipType,
    passenger_capacity: String(r.passengerCapacity),
    company_registration_no: companies.get(r.companyId)?.registrationNo ?? '',
    routes: routesText(r.routes),
  }));
  return writeTabularFile({ format: options.format, columns: shipColumns, records, name: `sar-ships-${place}` });
}
