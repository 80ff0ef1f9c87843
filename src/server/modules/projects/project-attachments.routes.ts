import type { FastifyInstance } from 'fastify';
import { idParams } from '../../../common/api/common.ts';
import { projectDetail } from '../../../common/api/projects.ts';
import { uploadedFile } from '../../http/upload.ts';
import {
  attachmentParams,
  attachmentRoutes,
  attachmentUpload,
  sendAttachment,
} from '../../kernel/attachments/attachment-routes.ts';
import {
  deleteProjectAttachment,
  downloadProjectAttachment,
  uploadProjectAttachment,
} from './project-attachments.service.ts';
import { presentDetail } from './projects.presenter.ts';
import { projectDetail as loadProjectDetail } from './projects.service.ts';

export function registerProjectAttachmentRoutes(app: FastifyInstance) {
  attachmentRoutes(app, 'projects', (r) => {
    r.post(
      '/api/projects/:id/attachments',
      {
        access: 'project.manage',
        params: idParams,
        consumes: ['multipart/form-data'],
        response: projectDetail,
        status: 201,
      },
      async ({ ctx, params, req }) => {
        await uploadProjectAttachment(ctx, params.id, await uploadedFile(req, attachmentUpload));
        return presentDetail(await loadProjectDetail(ctx, params.id));
      },
    );
    r.get(
      '/api/projects/:id/attachments/:attachmentId',
      { access: 'project.read', params: attachmentParams },
      async ({ ctx, params, reply }) =>
        sendAttachment(reply, await downloadProjectAttachment(ctx, params.id, params.attachmentId)),
    );
    r.delete(
      '/api/projects/:id/attachments/:attachmentId',
      { access: 'project.manage', params: attachmentParams, response: projectDetail },
      async ({ ctx, params }) => {
        await deleteProjectAttachment(ctx, params.id, params.attachmentId);
        return presentDetail(await loadProjectDetail(ctx, params.id));
      },
    );
  });
}
