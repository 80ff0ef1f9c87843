import type { FastifyInstance } from 'fastify';
import { idParams } from '../../../common/api/common.ts';
import { itemDetail } from '../../../common/api/tracking.ts';
import { uploadedFile } from '../../http/upload.ts';
import {
  attachmentParams,
  attachmentRoutes,
  attachmentUpload,
  sendAttachment,
} from '../../kernel/attachments/attachment-routes.ts';
import { deleteItemAttachment, downloadItemAttachment, uploadItemAttachment } from './item-attachments.service.ts';
import { presentItemDetail } from './tracking.presenter.ts';
import { itemDetail as loadItemDetail } from './tracking.service.ts';

export function registerItemAttachmentRoutes(app: FastifyInstance) {
  attachmentRoutes(app, 'tracked-items', (r) => {
    r.post(
      '/api/tracked-items/:id/attachments',
      {
        access: 'item.progress',
        params: idParams,
        consumes: ['multipart/form-data'],
        response: itemDetail,
        status: 201,
      },
      async ({ ctx, params, req }) => {
        await uploadItemAttachment(ctx, params.id, await uploadedFile(req, attachmentUpload));
        return presentItemDetail(await loadItemDetail(ctx, params.id));
      },
    );
    r.get(
      '/api/tracked-items/:id/attachments/:attachmentId',
      { access: 'item.read', params: attachmentParams },
      async ({ ctx, params, reply }) =>
        sendAttachment(reply, await downloadItemAttachment(ctx, params.id, params.attachmentId)),
    );
    r.delete(
      '/api/tracked-items/:id/attachments/:attachmentId',
      { access: 'item.progress', params: attachmentParams, response: itemDetail },
      async ({ ctx, params }) => {
        await deleteItemAttachment(ctx, params.id, params.attachmentId);
        return presentItemDetail(await loadItemDetail(ctx, params.id));
      },
    );
  });
}
