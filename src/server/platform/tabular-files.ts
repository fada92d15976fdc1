import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { z } from 'zod';
import type { Locale } from '../../shared/i18n.ts';
import { AppError, type FieldError } from './errors.ts';
import { presentError } from './errors-http.ts';

// Registries imported and exported as CSV or XLSX (schools, ships, companies): the file read into
// one record per row keyed by its header, each row checked as the form checks it, its errors
// named by the file's column, a preview before anything is written, and an export in the
// import's own columns so that it imports back unchanged.

export type TabularFormat = 'csv' | 'xlsx';

/** Reads the file with papaparse or exceljs into one record per row, keyed by the header's column names (trimmed, lower case). */
export async function readTabularRecords(format: TabularFormat, content: string): Promise<Record<string, string>[]> {
  if (format === 'csv') {
    const parsed = Papa.parse<Record<string, string>>(content.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy', transformHeader: (h) => h.trim().toLowerCase() });
    if (parsed.errors.some((e) => e.type === 'Delimiter' || e.type === 'Quotes')) throw new AppError('validation.failed', { fields: [{ field: 'content', code: 'file_content' }] });
    return parsed.data;
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(content, 'base64') as unknown as ArrayBuffer);
  } catch {
    throw new AppError('validation.failed', { fields: [{ field: 'content', code: 'file_content' }] });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const header = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? '').trim().toLowerCase());
  const records: Record<string, string>[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const record: Record<string, string> = {};
    header.forEach((name, index) => {
      if (name) record[name] = row.getCell(index).text ?? '';
    });
    if (Object.values(record).some((v) => v.trim())) records.push(record);
  });
  return records;
}

/** Reads the records and refuses an empty file or one of more rows than `maxRows`, naming the file. */
export async function readImportFile(format: TabularFormat, content: string, maxRows: number) {
  const records = await readTabularRecords(format, content);
  if (records.length === 0) throw new AppError('validation.failed', { fields: [{ field: 'content', code: 'empty_file' }] });
  if (records.length > maxRows) throw new AppError('validation.failed', { fields: [{ field: 'content', code: 'too_big', params: { maximum: String(maxRows) } }] });
  return records;
}

/**
 * A row's zod issues as field errors named by the file's column (`rows.<row>.<column>`, one per
 * column): a field left empty is "required", other issues keep their code.
 */
export function rowErrorsOf(issues: z.core.$ZodIssue[], options: { row: number; input: Record<string, unknown>; columnOfField: Record<string, string>; fallbackColumn: string }): FieldError[] {
  const errors: FieldError[] = [];
  for (const issue of issues) {
    const leaf = issue.path.filter((p) => typeof p === 'string').pop() as string | undefined;
    const column = options.columnOfField[leaf ?? ''] ?? options.fallbackColumn;
    const given = options.input[leaf ?? ''];
    const empty = given === '' || given === null || given === undefined;
    const code = empty || (issue.code === 'too_small' && (issue as { minimum?: unknown }).minimum === 1) ? 'required' : ['invalid_format', 'invalid_value', 'too_big', 'too_small'].includes(issue.code) ? issue.code : 'invalid';
    const params = issue.code === 'too_big' ? { maximum: String((issue as { maximum?: unknown }).maximum) } : undefined;
    if (!errors.some((e) => e.field === `rows.${options.row}.${column}`)) errors.push({ field: `rows.${options.row}.${column}`, code, params });
  }
  return errors;
}

export type CheckedRow = { row: number; key: string | null; action: 'create' | 'update' | 'unchanged' | 'error'; errors: FieldError[] };

/** The preview of an import: counts by action, and every row with its errors in the reader's language. */
export function presentImportPreview(checked: CheckedRow[], locale: Locale, resource: string) {
  const counts = { create: 0, update: 0, unchanged: 0, error: 0 };
  for (const c of checked) counts[c.action]++;
  return {
    counts,
    rows: checked.map((c) => ({
      row: c.row,
      key: c.key,
      action: c.action,
      errors: c.errors.length ? (presentError(new AppError('validation.failed', { fields: c.errors }), locale, resource).error.fields ?? []) : [],
    })),
  };
}

/** Refuses the whole import, naming every wrong row's field, when any row is wrong. */
export function refuseUnlessAllGood(checked: CheckedRow[]) {
  const errors = checked.flatMap((c) => c.errors);
  if (errors.length) throw new AppError('validation.failed', { fields: errors });
}

/** Records as a CSV (with a byte-order mark, so that Excel opens Chinese as UTF-8) or an XLSX workbook of one sheet. */
export async function writeTabularFile<C extends string>(options: { format: TabularFormat; columns: readonly C[]; records: Record<C, string>[]; name: string }): Promise<{ body: Buffer | string; type: string; filename: string }> {
  const { columns, records, name } = options;
  if (options.format === 'csv') {
    return { body: '\uFEFF' + Papa.unparse({ fields: [...columns], data: records.map((r) => columns.map((c) => r[c])) }), type: 'text/csv; charset=utf-8', filename: `${name}.csv` };
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(name.slice(0, 31));
  sheet.addRow([...columns]);
  for (const r of records) sheet.addRow(columns.map((c) => r[c]));
  return { body: Buffer.from(await workbook.xlsx.writeBuffer()), type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', filename: `${name}.xlsx` };
}
