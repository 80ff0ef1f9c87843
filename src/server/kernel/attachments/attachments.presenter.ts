import type { Attachment } from '../../../common/api/attachments.ts';
import type { AttachmentRow } from './attachments.repository.ts';

/** A kept file as the API shows it, on whatever record it is kept with. */
export function presentAttachment(a: AttachmentRow): Attachment {
  return {
    id: a.id,
    fileName: a.fileName,
    kind: a.kind,
    size: a.size,
    uploadedAt: a.uploadedAt.toISOString(),
    uploadedBy: a.uploadedByName,
  };
}
