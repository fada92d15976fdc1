import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import { MAX_ATTACHMENT_BYTES } from '../../shared/attachments.ts';
import { AppError } from './errors.ts';

/**
 * Files people upload — a notification's lab reports, the photos and scans of a sister-school
 * activity: read from a multipart request, checked by their bytes, named safely, given back as
 * a download. Each module keeps its own list of types and its own table; the content is kept in
 * the row (`bytea`, see db/columns.ts).
 */
export type UploadedFile = { filename: string; contentType: string; content: Buffer };

/** One file per request, at most MAX_ATTACHMENT_BYTES (10 MB): the limits of every upload route. */
export async function registerUploads(app: FastifyInstance) {
  await app.register(multipart, { limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 5 } });
}

/** The file of a multipart request (field "file"), whole; a file over the limit is refused with 413, naming the field. */
export async function readUploadedFile(request: FastifyRequest): Promise<UploadedFile> {
  if (!request.isMultipart()) throw new AppError('request.unsupported_media_type');
  const file = await request.file();
  if (!file) throw new AppError('validation.failed', { fields: [{ field: 'file', code: 'required' }] });
  const content = await file.toBuffer().catch((error: { code?: string }) => {
    throw error.code === 'FST_REQ_FILE_TOO_LARGE' ? new AppError('request.too_large', { fields: [{ field: 'file', code: 'file_too_large', params: { maximum: `${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB` } }] }) : error;
  });
  return { filename: file.filename, contentType: file.mimetype, content };
}

export const sha256Of = (content: Buffer) => createHash('sha256').update(content).digest('hex');

/** The three Office Open XML documents and the folder inside their ZIP that makes each what it is. */
const officeParts: Record<string, string> = {
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'word/',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xl/',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'ppt/',
};

/**
 * Whether the file's first bytes agree with its declared type: a text file named .pdf, or a
 * program renamed .jpg, is refused. Text may be in any encoding (Big5, GBK, UTF-8), but holds
 * no NUL byte. With `officeParts`, an Office document must also be a ZIP holding that
 * application's parts (a .xlsx is no Word document, an arbitrary archive no .docx); without it
 * (notifications, as they always were) the ZIP signature is enough.
 */
export function contentMatchesType(type: string, content: Buffer, options: { officeParts?: boolean } = {}): boolean {
  const startsWith = (...bytes: number[]) => bytes.every((b, i) => content[i] === b);
  switch (type) {
    case 'application/pdf':
      // Some producers put a few bytes before the header; readers look for it in the first kilobyte.
      return content.subarray(0, 1024).toString('latin1').includes('%PDF-');
    case 'image/png':
      return startsWith(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
    case 'image/jpeg':
      return startsWith(0xff, 0xd8, 0xff);
    case 'image/webp':
      // A RIFF container whose form type is WEBP.
      return startsWith(0x52, 0x49, 0x46, 0x46) && content.subarray(8, 12).toString('latin1') === 'WEBP';
    case 'text/csv':
    case 'text/plain':
    case 'application/vnd.ms-excel':
      // UTF-16 text (Notepad's "Unicode") is text too: it says so with its byte order mark.
      return startsWith(0xff, 0xfe) || startsWith(0xfe, 0xff) || !content.subarray(0, 64 * 1024).includes(0);
    default: {
      const folder = officeParts[type];
      // XLSX, DOCX and PPTX are ZIP archives.
      if (!folder || !startsWith(0x50, 0x4b, 0x03, 0x04)) return false;
      if (!options.officeParts) return true;
      const names = zipEntryNames(content);
      return !!names && names.includes('[Content_Types].xml') && names.some((n) => n.startsWith(folder));
    }
  }
}

/**
 * The names of a ZIP archive's entries, read from its central directory (at the end of the
 * file, after an optional comment of up to 64 KB); null when there is no readable directory.
 */
function zipEntryNames(content: Buffer): string[] | null {
  const endRecord = 22;
  for (let at = content.length - endRecord; at >= Math.max(0, content.length - endRecord - 0xffff); at--) {
    if (content.readUInt32LE(at) !== 0x06054b50) continue;
    const count = content.readUInt16LE(at + 10);
    let entry = content.readUInt32LE(at + 16);
    const names: string[] = [];
    for (let i = 0; i < count; i++) {
      if (entry + 46 > content.length || content.readUInt32LE(entry) !== 0x02014b50) return null;
      const [name, extra, comment] = [content.readUInt16LE(entry + 28), content.readUInt16LE(entry + 30), content.readUInt16LE(entry + 32)];
      names.push(content.toString('utf8', entry + 46, entry + 46 + name));
      entry += 46 + name + extra + comment;
    }
    return names;
  }
  return null;
}

/**
 * Refuses a file of a type not taken (`typeCode`, whose message lists the types), an empty
 * file, and one whose content is not what its type says, each naming the field "file".
 */
export function requireFileOfType(file: UploadedFile, options: { types: readonly string[]; typeCode?: string; officeParts?: boolean }) {
  const refuse = (code: string) => new AppError('validation.failed', { fields: [{ field: 'file', code }] });
  if (!options.types.includes(file.contentType)) throw refuse(options.typeCode ?? 'file_type');
  if (file.content.length === 0) throw refuse('empty_file');
  if (!contentMatchesType(file.contentType, file.content, { officeParts: options.officeParts })) throw refuse('file_content');
}

/** A file's name as kept: no control characters, at most 200 characters, never empty. */
export const safeFileName = (name: string) => name.replace(/[\u0000-\u001f]/g, '').slice(0, 200) || 'file';

const extensionsOf: Record<string, string[]> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/webp': ['webp'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['pptx'],
};

/**
 * The name of a file handed to the other side, who will open it: safe as above, without DEL,
 * C1 controls and the characters that turn text's direction (a right-to-left override before
 * "gpj.exe" shows "photoexe.jpg"), and ending in an extension of its checked type ("notes.html"
 * holding a PNG is kept as "notes.html.png"), so that the reader's computer opens it as what it is.
 */
export function fileNameForType(name: string, type: string): string {
  const cleaned = safeFileName(name.replace(/[\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').replace(/[.\s]+$/, '').trim()).slice(0, 190);
  const extensions = extensionsOf[type];
  if (!extensions) return cleaned;
  const extension = cleaned.includes('.') ? cleaned.split('.').pop()!.toLowerCase() : '';
  return extensions.includes(extension) ? cleaned : `${cleaned}.${extensions[0]}`;
}

/**
 * A filename for Content-Disposition as RFC 5987 (RFC 6266) writes it: UTF-8, percent-encoded,
 * including the ' ( ) * that encodeURIComponent leaves as they are and the header's grammar does not allow.
 */
export const rfc5987 = (name: string) => `UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;

/** A stored file as a download: never shown in place, never sniffed as another type. */
export function sendFile(reply: FastifyReply, file: { filename: string; contentType: string; content: Buffer }) {
  return reply.type(file.contentType).header('content-disposition', `attachment; filename*=${rfc5987(file.filename)}`).header('x-content-type-options', 'nosniff').send(file.content);
}
