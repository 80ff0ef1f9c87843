import type { FastifyInstance } from 'fastify';
import { idParams } from '../../../common/api/common.ts';
import { practiceDetail } from '../../../common/api/replication.ts';
import { uploadedFile } from '../../http/upload.ts';
import {
  attachmentParams,
  attachmentRoutes,
  attachmentUpload,
  sendAttachment,
} from '../../kernel/attachments/attachment-routes.ts';
import { presentPracticeDetail } from './replication.presenter.ts';
import { practiceDetail as loadPracticeDetail } from './replication.service.ts';
import { deleteStageAttachment, downloadStageAttachment, uploadStageAttachment } from './stage-attachments.service.ts';

/** The local documents of a stage: upload and remove answer the practice, whose page lists them. */
export function registerStageAttachmentRoutes(app: FastifyInstance) {
  attachmentRoutes(app, 'replication', (r) => {
    r.post(
      '/api/replication/stages/:id/attachments',
      {
        access: 'replication.adopt',
        params: idParams,
        consumes: ['multipart/form-data'],
        response: practiceDetail,
        status: 201,
      },
      async ({ ctx, params, req }) => {
        const practiceId = await uploadStageAttachment(ctx, params.id, await uploadedFile(req, attachmentUpload));
        return presentPracticeDetail(await loadPracticeDetail(ctx, practiceId), ctx.actor);
      },
    );
    r.get(
      '/api/replication/stages/:id/attachments/:attachmentId',
      { access: 'replication.read', params: attachmentParams },
      async ({ ctx, params, reply }) =>
        sendAttachment(reply, await downloadStageAttachment(ctx, params.id, params.attachmentId)),
    );
    r.delete(
      '/api/replication/stages/:id/attachments/:attachmentId',
      { access: 'replication.adopt', params: attachmentParams, response: practiceDetail },
      async ({ ctx, params }) => {
        const practiceId = await deleteStageAttachment(ctx, params.id, params.attachmentId);
        return presentPracticeDetail(await loadPracticeDetail(ctx, practiceId), ctx.actor);
      },
    );
  });
}
