import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import multipart from '@fastify/multipart';
import { idParams } from '../../../common/api/common.ts';
import { projectDetail } from '../../../common/api/projects.ts';
import { uploadedFile } from '../../http/upload.ts';
import type { AuthedContext } from '../../http/context.ts';
import { MAX_ATTACHMENT_BYTES } from '../../kernel/attachments/attachment-type.ts';
import { attachmentParams, attachmentUpload, sendAttachment } from '../reporting/attachments.routes.ts';
import {
  deleteProjectAttachment,
  downloadProjectAttachment,
  uploadProjectAttachment,
} from './project-attachments.service.ts';
import { presentDetail } from './projects.presenter.ts';
import { projectDetail as loadProjectDetail } from './projects.service.ts';

export function registerProjectAttachmentRoutes(app: FastifyInstance) {
  // Multipart bodies are parsed in this scope only, with the attachments' own size limit.
  app.register(async (scope) => {
    await scope.register(multipart, {
      limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 2, parts: 3, fieldSize: 1024 },
    });
    const r = scope.withTypeProvider<ZodTypeProvider>();
    r.post(
      '/api/projects/:id/attachments',
      {
        config: { access: 'project.manage' },
        schema: {
          tags: ['projects'],
          consumes: ['multipart/form-data'],
          params: idParams,
          response: { 201: projectDetail },
        },
      },
      async (req, reply) => {
        const ctx = req.ctx as AuthedContext;
        await uploadProjectAttachment(ctx, req.params.id, await uploadedFile(req, attachmentUpload));
        return reply.status(201).send(presentDetail(await loadProjectDetail(ctx, req.params.id)));
      },
    );
    r.get(
      '/api/projects/:id/attachments/:attachmentId',
      { config: { access: 'project.read' }, schema: { tags: ['projects'], params: attachmentParams } },
      async (req, reply) =>
        sendAttachment(
          reply,
          await downloadProjectAttachment(req.ctx as AuthedContext, req.params.id, req.params.attachmentId),
        ),
    );
    r.delete(
      '/api/projects/:id/attachments/:attachmentId',
      {
        config: { access: 'project.manage' },
        schema: { tags: ['projects'], params: attachmentParams, response: { 200: projectDetail } },
      },
      async (req) => {
        await deleteProjectAttachment(req.ctx as AuthedContext, req.params.id, req.params.attachmentId);
        return presentDetail(await loadProjectDetail(req.ctx as AuthedContext, req.params.id));
      },
    );
  });
}
