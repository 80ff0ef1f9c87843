import type { Shape } from '../shape.ts';
import type { attachmentsUi as zh } from '../zh-CN/ui-attachments.ts';

export const attachmentsUi: Shape<typeof zh> = {
  title: 'Attachments',
  noAttachments: 'No attachments',
  upload: 'Upload a file',
  uploadHint: 'PDF, Word (.docx), Excel (.xlsx), JPG or PNG, up to {mb} MB each',
  uploaded: '"{name}" uploaded',
  uploadRefused: '"{name}" was not uploaded: {reason}',
  fileTooLarge: 'The file is larger than {mb} MB',
  fileTypeNotAllowed: 'Only PDF, Word (.docx), Excel (.xlsx), JPG or PNG files can be uploaded',
  removeAttachment: 'Delete',
  removeAttachmentConfirm: 'Delete the attachment "{name}"?',
  attachmentRemoved: 'Attachment deleted',
};
