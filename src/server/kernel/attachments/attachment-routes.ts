import type { FastifyInstance, FastifyReply } from 'fastify';
import multipart from '@fastify/multipart';
import { z } from 'zod';
import { uuid } from '../../../common/api/common.ts';
import type { AttachmentKind } from '../../../common/api/enums.ts';
import { moduleRoutes, type ModuleRoutes } from '../../http/route.ts';
import type { UploadRules } from '../../http/upload.ts';
import { attachmentRefusal, CONTENT_TYPES, EXTENSIONS, MAX_ATTACHMENT_BYTES } from './attachment-type.ts';

/** The address of one file of a record: /api/<records>/:id/attachments/:attachmentId. */
export const attachmentParams = z.strictObject({ id: uuid, attachmentId: uuid });

/** One file of an accepted kind, within the attachment size limit (whatever record it is kept with). */
export const attachmentUpload: UploadRules = {
  requiredCode: 'attachment_upload_required',
  defaultName: 'attachment',
  maxBytes: MAX_ATTACHMENT_BYTES,
  tooLarge: () => attachmentRefusal({ code: 'attachment_too_large' }),
};

/** Declares a record's attachment routes in a scope of their own, the only one that parses multipart bodies. */
export function attachmentRoutes(app: FastifyInstance, tag: string, declare: (r: ModuleRoutes) => void) {
  app.register(async (scope) => {
    await scope.register(multipart, {
      limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 2, parts: 3, fieldSize: 1024 },
    });
    declare(moduleRoutes(scope, tag));
  });
}

/** Sends a file as a download, never rendered in the page: the ASCII fallback name carries only the detected extension. */
export function sendAttachment(reply: FastifyReply, file: { buffer: Buffer; fileName: string; kind: AttachmentKind }) {
  return reply
    .type(CONTENT_TYPES[file.kind])
    .header(
      'Content-Disposition',
      `attachment; filename="attachment${EXTENSIONS[file.kind][0]}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    )
    .header('X-Content-Type-Options', 'nosniff')
    .send(file.buffer);
}
