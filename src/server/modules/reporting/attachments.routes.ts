import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import multipart from '@fastify/multipart';
import { z } from 'zod';
import { uuid } from '../../../common/api/common.ts';
import { reportDetail, type AttachmentKind } from '../../../common/api/reporting.ts';
import { uploadedFile, type UploadRules } from '../../http/upload.ts';
import type { AuthedContext } from '../../http/context.ts';
import { deleteAttachment, downloadAttachment, uploadAttachment } from './attachments.service.ts';
import { attachmentRefusal } from '../../kernel/attachments/keep-attachment.ts';
import { CONTENT_TYPES, EXTENSIONS, MAX_ATTACHMENT_BYTES } from '../../kernel/attachments/attachment-type.ts';
import { loadReport } from './reports.routes.ts';

export const attachmentParams = z.strictObject({ id: uuid, attachmentId: uuid });

/** One file of an accepted kind, within the attachment size limit (reports and projects alike). */
export const attachmentUpload: UploadRules = {
  requiredCode: 'attachment_upload_required',
  defaultName: 'attachment',
  maxBytes: MAX_ATTACHMENT_BYTES,
  tooLarge: () => attachmentRefusal({ code: 'attachment_too_large' }),
};

/** Sends an attachment as a download, never rendered in the page: the ASCII fallback name carries only the detected extension. */
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

export function registerAttachmentRoutes(app: FastifyInstance) {
  // Multipart bodies are parsed in this scope only.
  app.register(async (scope) => {
    await scope.register(multipart, {
      limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 2, parts: 3, fieldSize: 1024 },
    });
    const r = scope.withTypeProvider<ZodTypeProvider>();
    r.post(
      '/api/reports/:id/attachments',
      {
        config: { access: 'report.fill' },
        schema: {
          tags: ['reporting'],
          consumes: ['multipart/form-data'],
          params: z.strictObject({ id: uuid }),
          response: { 201: reportDetail },
        },
      },
      async (req, reply) => {
        const ctx = req.ctx as AuthedContext;
        await uploadAttachment(ctx, req.params.id, await uploadedFile(req, attachmentUpload));
        return reply.status(201).send(await loadReport(ctx, req.params.id));
      },
    );
    r.get(
      '/api/reports/:id/attachments/:attachmentId',
      { config: { access: 'report.read' }, schema: { tags: ['reporting'], params: attachmentParams } },
      async (req, reply) => {
        return sendAttachment(
          reply,
          await downloadAttachment(req.ctx as AuthedContext, req.params.id, req.params.attachmentId),
        );
      },
    );
    r.delete(
      '/api/reports/:id/attachments/:attachmentId',
      {
        config: { access: 'report.fill' },
        schema: { tags: ['reporting'], params: attachmentParams, response: { 200: reportDetail } },
      },
      async (req) => {
        await deleteAttachment(req.ctx as AuthedContext, req.params.id, req.params.attachmentId);
        return loadReport(req.ctx as AuthedContext, req.params.id);
      },
    );
  });
}
