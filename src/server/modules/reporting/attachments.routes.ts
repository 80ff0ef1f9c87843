import type { FastifyInstance } from 'fastify';
import { idParams } from '../../../common/api/common.ts';
import { reportDetail } from '../../../common/api/reporting.ts';
import { uploadedFile } from '../../http/upload.ts';
import {
  attachmentParams,
  attachmentRoutes,
  attachmentUpload,
  sendAttachment,
} from '../../kernel/attachments/attachment-routes.ts';
import { deleteAttachment, downloadAttachment, uploadAttachment } from './attachments.service.ts';
import { reportDetail as loadReportDetail } from './reports.service.ts';
import { presentReportDetail } from './reporting.presenter.ts';

export function registerAttachmentRoutes(app: FastifyInstance) {
  attachmentRoutes(app, 'reporting', (r) => {
    r.post(
      '/api/reports/:id/attachments',
      {
        access: 'report.fill',
        params: idParams,
        consumes: ['multipart/form-data'],
        response: reportDetail,
        status: 201,
      },
      async ({ ctx, params, req }) => {
        await uploadAttachment(ctx, params.id, await uploadedFile(req, attachmentUpload));
        return presentReportDetail(await loadReportDetail(ctx, params.id));
      },
    );
    r.get(
      '/api/reports/:id/attachments/:attachmentId',
      { access: 'report.read', params: attachmentParams },
      async ({ ctx, params, reply }) =>
        sendAttachment(reply, await downloadAttachment(ctx, params.id, params.attachmentId)),
    );
    r.delete(
      '/api/reports/:id/attachments/:attachmentId',
      { access: 'report.fill', params: attachmentParams, response: reportDetail },
      async ({ ctx, params }) => {
        await deleteAttachment(ctx, params.id, params.attachmentId);
        return presentReportDetail(await loadReportDetail(ctx, params.id));
      },
    );
  });
}
