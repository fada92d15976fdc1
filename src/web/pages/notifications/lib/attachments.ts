/** What the server takes as an attachment (notifications/around.ts): the picker offers only these. */
export const attachmentAccept = '.pdf,.png,.jpg,.jpeg,.csv,.txt,.xlsx,.docx,application/pdf,image/png,image/jpeg,text/csv,text/plain';
export const maxAttachmentBytes = 10 * 1024 * 1024;
const acceptedTypes = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'text/csv',
  // How Windows browsers name a .csv file.
  'application/vnd.ms-excel',
  'text/plain',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
];

/** Why a file picked would be refused by the server, told at once rather than at the save. */
export const refusalOf = (file: File): 'tooLarge' | 'fileType' | null =>
  file.size > maxAttachmentBytes ? 'tooLarge' : acceptedTypes.includes(file.type) ? null : 'fileType';

export const fileSize = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);
