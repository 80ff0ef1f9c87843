import type { FastifyInstance } from 'fastify';
import { idParams } from '../../../common/api/common.ts';
import { listingSummary } from '../../../common/api/listings.ts';
import type { AuthedContext } from '../../http/context.ts';
import { uploadedFile } from '../../http/upload.ts';
import {
  attachmentParams,
  attachmentRoutes,
  attachmentUpload,
  sendAttachment,
} from '../../kernel/attachments/attachment-routes.ts';
import type { ListingSummary } from '../../../common/api/listings.ts';
import {
  deleteListingAttachment,
  downloadListingAttachment,
  uploadListingAttachment,
} from './listing-attachments.service.ts';

/** A listing's files: its publisher (or a moderator) adds and removes them, whoever sees the listing downloads them. */
export function registerListingAttachmentRoutes(
  app: FastifyInstance,
  shown: (ctx: AuthedContext, id: string) => Promise<ListingSummary>,
) {
  attachmentRoutes(app, 'listings', (r) => {
    r.post(
      '/api/listings/:id/attachments',
      {
        access: 'listing.publish',
        params: idParams,
        consumes: ['multipart/form-data'],
        response: listingSummary,
        status: 201,
      },
      async ({ ctx, params, req }) => {
        await uploadListingAttachment(ctx, params.id, await uploadedFile(req, attachmentUpload));
        return shown(ctx, params.id);
      },
    );
    r.get(
      '/api/listings/:id/attachments/:attachmentId',
      { access: 'listing.read', params: attachmentParams },
      async ({ ctx, params, reply }) =>
        sendAttachment(reply, await downloadListingAttachment(ctx, params.id, params.attachmentId)),
    );
    r.delete(
      '/api/listings/:id/attachments/:attachmentId',
      { access: 'listing.publish', params: attachmentParams, response: listingSummary },
      async ({ ctx, params }) => {
        await deleteListingAttachment(ctx, params.id, params.attachmentId);
        return shown(ctx, params.id);
      },
    );
  });
}
