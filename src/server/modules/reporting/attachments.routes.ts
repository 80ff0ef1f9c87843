import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import multipart from '@fastify/multipart';
import { z } from 'zod';
import { uuid } from '../../../common/api/common.ts';
import { reportDetail } from '../../../common/api/reporting.ts';
import { AppError, fieldError } from '../../http/app-error.ts';
import type { AuthedContext } from '../../http/context.ts';
import { attachmentRefusal, deleteAttachment, downloadAttachment, uploadAttachment } from './attachments.service.ts';
import { CONTENT_TYPES, EXTENSIONS, MAX_ATTACHMENT_BYTES } from './attachment-type.ts';
import { loadReport } from './reports.routes.ts';

const attachmentParams = z.strictObject({ id: uuid, attachmentId: uuid });

/** The one file of a multipart upload, read within the attachment limit (the parser stops at the limit, not after). */
async function uploadedFile(req: FastifyRequest): Promise<{ buffer: Buffer; fileName: string }> {
  if (!req.isMultipart()) throw new AppError(400, 'attachment_upload_required', [fieldError('file', 'required')]);
  try {
    const part = await req.file();
    if (!part) throw new AppError(400, 'attachment_upload_required', [fieldError('file', 'required')]);
    return { buffer: await part.toBuffer(), fileName: part.filename || 'attachment' };
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw attachmentRefusal({ code: 'attachment_too_large' });
    throw err;
  }
}

export function registerAttachmentRoutes(app: FastifyInstance) {
  // Multipart bodies are parsed in this scope only.
  app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 2, parts: 3, fieldSize: 1024 } });
    const r = scope.withTypeProvider<ZodTypeProvider>();
    r.post('/api/reports/:id/attachments', {
      config: { access: 'report.fill' },
      schema: { tags: ['reporting'], consumes: ['multipart/form-data'], params: z.strictObject({ id: uuid }), response: { 201: reportDetail } },
    }, async (req, reply) => {
      const ctx = req.ctx as AuthedContext;
      await uploadAttachment(ctx, req.params.id, await uploadedFile(req));
      return reply.status(201).send(await loadReport(ctx, req.params.id));
    });
    r.get('/api/reports/:id/attachments/:attachmentId', { config: { access: 'report.read' }, schema: { tags: ['reporting'], params: attachmentParams } }, async (req, reply) => {
      const file = await downloadAttachment(req.ctx as AuthedContext, req.params.id, req.params.attachmentId);
      // Always a download, never rendered in the page: the ASCII fallback name carries only the detected extension.
      return reply
        .type(CONTENT_TYPES[file.kind])
        .header('Content-Disposition', `attachment; filename="attachment${EXTENSIONS[file.kind][0]}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .header('X-Content-Type-Options', 'nosniff')
        .send(file.buffer);
    });
    r.delete('/api/reports/:id/attachments/:attachmentId', { config: { access: 'report.fill' }, schema: { tags: ['reporting'], params: attachmentParams, response: { 200: reportDetail } } }, async (req) => {
      await deleteAttachment(req.ctx as AuthedContext, req.params.id, req.params.attachmentId);
      return loadReport(req.ctx as AuthedContext, req.params.id);
    });
  });
}
