import { MAX_ATTACHMENT_BYTES, attachmentTypes } from '../../../../shared/attachments.ts';

/** What the server takes as an attachment (shared/attachments.ts): the picker offers only these. */
export const attachmentAccept = ['.pdf', '.png', '.jpg', '.jpeg', '.csv', '.txt', '.xlsx', '.docx', ...attachmentTypes].join(',');

/** Why a file picked would be refused by the server, told at once rather than at the save. */
export const refusalOf = (file: File): 'tooLarge' | 'fileType' | null =>
  file.size > MAX_ATTACHMENT_BYTES ? 'tooLarge' : attachmentTypes.includes(file.type) ? null : 'fileType';
