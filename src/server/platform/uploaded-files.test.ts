import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { contentMatchesType, fileNameForType, rfc5987, safeFileName } from './uploaded-files.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

describe('uploaded files', () => {
  it('tells an Office document by the parts inside its ZIP where asked, and by the ZIP signature alone as notifications always did', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('s').addRow(['a']);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const bareZip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]);
    expect(contentMatchesType(XLSX, xlsx, { officeParts: true })).toBe(true);
    expect(contentMatchesType(DOCX, xlsx, { officeParts: true })).toBe(false);
    expect(contentMatchesType(XLSX, bareZip, { officeParts: true })).toBe(false);
    expect(contentMatchesType(XLSX, bareZip)).toBe(true);
    expect(contentMatchesType('application/zip', xlsx)).toBe(false);
  });

  it('tells a WebP photo from another RIFF file', () => {
    expect(contentMatchesType('image/webp', Buffer.from('RIFF\u0024\u0000\u0000\u0000WEBPVP8 '))).toBe(true);
    expect(contentMatchesType('image/webp', Buffer.from('RIFF\u0024\u0000\u0000\u0000WAVEfmt '))).toBe(false);
  });

  it('names a file as kept, and one handed to the other side by what it holds', () => {
    expect(safeFileName('a\u0000b\u001f.pdf')).toBe('ab.pdf');
    expect(safeFileName('\u0007')).toBe('file');
    expect(fileNameForType('photo\u202egpj.exe', 'image/png')).toBe('photogpj.exe.png');
    expect(fileNameForType('photo.', 'image/png')).toBe('photo.png');
    expect(fileNameForType('  ', 'image/png')).toBe('file.png');
    expect(fileNameForType('相片.JPG', 'image/jpeg')).toBe('相片.JPG');
    expect(fileNameForType('x'.repeat(300), 'application/pdf')).toHaveLength(194);
  });

  it('writes a filename for Content-Disposition as RFC 5987 does', () => {
    expect(rfc5987("活動 (1)'s*.png")).toBe(`UTF-8''${encodeURIComponent('活動')}%20%281%29%27s%2A.png`);
  });
});
