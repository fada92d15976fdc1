/**
 * What a notification takes as an attachment — lab reports and photos: PDF, images,
 * spreadsheets, Word documents and text, at most 10 MB each. The server refuses anything else
 * (and checks that the content agrees with the type); the web's picker refuses it at once.
 */
export const attachmentTypes: readonly string[] = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'text/csv',
  // How Windows browsers name a .csv file: taken as text when it is text.
  'application/vnd.ms-excel',
  'text/plain',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
];
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
