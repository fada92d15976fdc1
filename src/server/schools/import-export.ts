import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Locale } from '../../shared/i18n.ts';
import type { Context, Viewer } from '../platform/context.ts';
import { forbidden, type FieldError } from '../platform/errors.ts';
import { presentImportPreview, readImportFile, refuseUnlessAllGood, rowErrorsOf, writeTabularFile, type CheckedRow } from '../platform/tabular-files.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { schoolPolicy, type SchoolActor } from './policy.ts';
import { listSchoolRows, schoolsByCodes, type SchoolRow } from './queries.ts';
import { actorOf, requireSchoolActor, sectorsOfSide } from './registry.ts';
import { indexSchool } from './search-index.ts';
import { shareSchool } from './exchange.ts';
import { schools } from './schema.ts';
import { schoolBody } from './schemas.ts';

/** The columns of an import or export file, in order; lists are separated by semicolons. */
export const columns = ['code', 'side', 'name_zh', 'name_en', 'level', 'sector', 'district', 'address', 'features', 'contact_name', 'contact_email', 'contact_phone', 'pref_levels', 'pref_sectors', 'pref_districts', 'themes'] as const;
type Column = (typeof columns)[number];
const MAX_ROWS = 20_000;

const list = (text: string | undefined) => (text ?? '').split(/[;；]/).map((s) => s.trim()).filter(Boolean);
const orNull = (text: string | undefined) => (text?.trim() ? text.trim() : null);

/** Which column a field of schoolBody is read from, so that an error names the column. */
const columnOfField: Record<string, Column> = {
  code: 'code', side: 'side', nameZh: 'name_zh', nameEn: 'name_en', level: 'level', sector: 'sector', district: 'district', address: 'address', features: 'features',
  contactName: 'contact_name', contactEmail: 'contact_email', contactPhone: 'contact_phone', levels: 'pref_levels', sectors: 'pref_sectors', districts: 'pref_districts', themes: 'themes',
};

function toInput(record: Record<string, string>) {
  return {
    code: record.code?.trim() ?? '',
    side: record.side?.trim().toUpperCase() ?? '',
    nameZh: record.name_zh ?? '',
    nameEn: record.name_en ?? '',
    level: record.level?.trim().toLowerCase() ?? '',
    sector: record.sector?.trim().toLowerCase() ?? '',
    district: record.district ?? '',
    address: orNull(record.address),
    features: list(record.features),
    contactName: orNull(record.contact_name),
    contactEmail: orNull(record.contact_email),
    contactPhone: orNull(record.contact_phone),
    preferences: { levels: list(record.pref_levels).map((s) => s.toLowerCase()), sectors: list(record.pref_sectors).map((s) => s.toLowerCase()), districts: list(record.pref_districts), themes: list(record.themes) },
  };
}

type Checked = CheckedRow & { input?: z.infer<typeof schoolBody>; existing?: SchoolRow };

const same = (input: z.infer<typeof schoolBody>, row: SchoolRow) =>
  JSON.stringify([input.nameZh, input.nameEn, input.level, input.sector, input.district, input.address ?? null, input.features, input.contactName ?? null, input.contactEmail ?? null, input.contactPhone ?? null, input.preferences]) ===
  JSON.stringify([row.nameZh, row.nameEn, row.level, row.sector, row.district, row.address, row.features, row.contactName, row.contactEmail, row.contactPhone, { levels: row.preferences.levels, sectors: row.preferences.sectors, districts: row.preferences.districts, themes: row.preferences.themes }]);

/** Every row checked as the form would check it, against the registry and the rest of the file. */
async function checkRows(ctx: Context, actor: SchoolActor, format: 'csv' | 'xlsx', content: string): Promise<Checked[]> {
  const records = await readImportFile(format, content, MAX_ROWS);
  const existing = await schoolsByCodes(ctx.db, records.map((r) => r.code?.trim() ?? '').filter(Boolean));
  const seen = new Set<string>();
  return records.map((record, index) => {
    const row = index + 2;
    const raw = toInput(record);
    const parsed = schoolBody.safeParse(raw);
    const errors: FieldError[] = parsed.success ? [] : rowErrorsOf(parsed.error.issues, { row, input: raw, columnOfField, fallbackColumn: 'code' });
    const code = raw.code || null;
    if (code && seen.has(code)) errors.push({ field: `rows.${row}.code`, code: 'duplicate_in_file' });
    if (code) seen.add(code);
    if (parsed.success && !schoolPolicy.keepRegistry(actor, parsed.data.side)) errors.push({ field: `rows.${row}.side`, code: 'not_your_side' });
    if (parsed.success && !sectorsOfSide[parsed.data.side].includes(parsed.data.sector)) errors.push({ field: `rows.${row}.sector`, code: 'sector_of_side' });
    const found = code ? existing.get(code) : undefined;
    if (found && parsed.success && found.partyCode !== parsed.data.side) errors.push({ field: `rows.${row}.side`, code: 'other_side' });
    if (found?.isSample) errors.push({ field: `rows.${row}.code`, code: 'sample_code' });
    if (errors.length || !parsed.success) return { row, key: code, action: 'error', errors };
    return { row, key: code, action: !found ? 'create' : same(parsed.data, found) ? 'unchanged' : 'update', errors, input: parsed.data, existing: found };
  });
}

/** The preview: what an import would do, row by row, with each row's errors in the reader's language. Writes nothing. */
export async function previewImport(ctx: Context, options: { viewer: Viewer; format: 'csv' | 'xlsx'; content: string; locale: Locale }) {
  const actor = await requireSchoolActor(ctx, options.viewer);
  if (!actor.authority) throw forbidden('only an education authority imports schools');
  const checked = await checkRows(ctx, actor, options.format, options.content);
  const { counts, rows } = presentImportPreview(checked, options.locale, 'schools');
  return { counts, rows: rows.map(({ key, ...r }) => ({ ...r, code: key })) };
}

/**
 * Imports the file: all of it or, if any row is wrong, nothing (the answer names every wrong
 * row's field). Idempotent on the school's official code: a row already as registered changes nothing.
 */
export async function importSchools(ctx: Context, options: { viewer: Viewer; format: 'csv' | 'xlsx'; content: string }) {
  const { viewer } = options;
  const actor = await requireSchoolActor(ctx, viewer);
  if (!actor.authority) throw forbidden('only an education authority imports schools');
  const checked = await checkRows(ctx, actor, options.format, options.content);
  refuseUnlessAllGood(checked);
  const importId = randomUUID();
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const counts = { create: 0, update: 0, unchanged: 0, error: 0 };
    for (const c of checked) {
      counts[c.action]++;
      if (c.action === 'unchanged') continue;
      const { side, ...fields } = c.input!;
      const values = { ...fields, address: fields.address ?? null, contactName: fields.contactName ?? null, contactEmail: fields.contactEmail ?? null, contactPhone: fields.contactPhone ?? null, updatedAt: now };
      const [row] =
        c.action === 'create'
          ? await tx.insert(schools).values({ ...values, partyCode: side, isSample: false, createdAt: now }).returning()
          : await tx.update(schools).set(values).where(eq(schools.id, c.existing!.id)).returning();
      await recordAudit(tx, ctx.clock, { actor: actorOf(viewer), action: c.action === 'create' ? 'school.created' : 'school.updated', entityType: 'school', entityId: row.id, unitId: viewer.unitId, data: { code: row.code, importId } });
      await indexSchool(tx, ctx, row);
      await shareSchool(tx, ctx, row);
    }
    await recordAudit(tx, ctx.clock, { actor: actorOf(viewer), action: 'school.imported', entityType: 'school', entityId: importId, unitId: viewer.unitId, data: { format: options.format, ...counts } });
    return counts;
  });
}

const recordOf = (row: SchoolRow): Record<Column, string> => ({
  code: row.code,
  side: row.partyCode,
  name_zh: row.nameZh,
  name_en: row.nameEn,
  level: row.level,
  sector: row.sector,
  district: row.district,
  address: row.address ?? '',
  features: row.features.join('; '),
  contact_name: row.contactName ?? '',
  contact_email: row.contactEmail ?? '',
  contact_phone: row.contactPhone ?? '',
  pref_levels: row.preferences.levels.join('; '),
  pref_sectors: row.preferences.sectors.join('; '),
  pref_districts: row.preferences.districts.join('; '),
  themes: row.preferences.themes.join('; '),
});

/** The side's registry as a file in the import's own columns (so an export imports back unchanged). Sample schools are left out. */
export async function exportSchools(ctx: Context, options: { viewer: Viewer; format: 'csv' | 'xlsx'; side?: string }): Promise<{ body: Buffer | string; type: string; filename: string }> {
  const actor = await requireSchoolActor(ctx, options.viewer);
  const side = options.side ?? actor.side ?? '';
  if (!schoolPolicy.keepRegistry(actor, side)) throw forbidden('only the side’s education authority exports its registry');
  const rows: SchoolRow[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await listSchoolRows(ctx.db, { side, limit: 1000, offset });
    rows.push(...page.rows.filter((r) => !r.isSample));
    if (page.rows.length < 1000) break;
  }
  return writeTabularFile({ format: options.format, columns, records: rows.map(recordOf), name: `schools-${side}` });
}
