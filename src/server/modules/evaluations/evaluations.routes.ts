import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idParams, okResponse, uuid } from '../../../common/api/common.ts';
import {
  adjustInput,
  createRoundInput,
  latestRanking,
  praiseInput,
  rectificationInput,
  roundDetail,
  roundList,
  selfAssessmentInput,
  versionInput,
} from '../../../common/api/evaluations.ts';
import { moduleRoutes } from '../../http/route.ts';
import { uploadedFile } from '../../http/upload.ts';
import {
  attachmentParams,
  attachmentRoutes,
  attachmentUpload,
  sendAttachment,
} from '../../kernel/attachments/attachment-routes.ts';
import { deleteEvidence, downloadEvidence, uploadEvidence } from './evaluation-evidence.service.ts';
import { presentLatestRanking, presentRoundDetail, presentRoundSummary } from './evaluations.presenter.ts';
import {
  adjustScore,
  closeRound,
  latestPublished,
  openRound,
  orderRectification,
  praise,
  publishRound,
  roundDetail as loadRoundDetail,
  roundList as loadRoundList,
  writeSelfAssessment,
} from './evaluations.service.ts';

const roundOf = z.strictObject({ roundId: uuid, id: uuid });

export function registerEvaluationRoutes(app: FastifyInstance) {
  const r = moduleRoutes(app, 'evaluations');
  const detail = async (ctx: Parameters<typeof loadRoundDetail>[0], id: string) =>
    presentRoundDetail(await loadRoundDetail(ctx, id));
  r.get('/api/evaluations', { access: 'evaluation.read', response: roundList }, async ({ ctx }) => ({
    items: (await loadRoundList(ctx)).map(presentRoundSummary),
  }));
  r.get('/api/evaluations/latest-ranking', { access: 'evaluation.read', response: latestRanking }, async ({ ctx }) =>
    presentLatestRanking(await latestPublished(ctx)),
  );
  r.get(
    '/api/evaluations/:id',
    { access: 'evaluation.read', params: idParams, response: roundDetail },
    ({ ctx, params }) => detail(ctx, params.id),
  );
  r.post(
    '/api/evaluations',
    { access: 'evaluation.manage', body: createRoundInput, response: roundDetail, status: 201 },
    async ({ ctx, body }) => detail(ctx, await openRound(ctx, body)),
  );
  r.post(
    '/api/evaluations/:id/close',
    { access: 'evaluation.manage', params: idParams, body: versionInput, response: roundDetail },
    async ({ ctx, params, body }) => {
      await closeRound(ctx, params.id, body.version);
      return detail(ctx, params.id);
    },
  );
  r.post(
    '/api/evaluations/:id/publish',
    { access: 'evaluation.manage', params: idParams, body: versionInput, response: roundDetail },
    async ({ ctx, params, body }) => {
      await publishRound(ctx, params.id, body.version);
      return detail(ctx, params.id);
    },
  );
  r.put(
    '/api/evaluations/:roundId/subjects/:id/self-assessment',
    { access: 'evaluation.self', params: roundOf, body: selfAssessmentInput, response: roundDetail },
    async ({ ctx, params, body }) => {
      await writeSelfAssessment(ctx, params.id, body);
      return detail(ctx, params.roundId);
    },
  );
  r.post(
    '/api/evaluations/:roundId/subjects/:id/adjust',
    { access: 'evaluation.manage', params: roundOf, body: adjustInput, response: roundDetail },
    async ({ ctx, params, body }) => {
      await adjustScore(ctx, params.id, body);
      return detail(ctx, params.roundId);
    },
  );
  r.post(
    '/api/evaluations/:roundId/subjects/:id/praise',
    { access: 'evaluation.manage', params: roundOf, body: praiseInput, response: roundDetail, status: 201 },
    async ({ ctx, params, body }) => {
      await praise(ctx, params.id, body.text);
      return detail(ctx, params.roundId);
    },
  );
  r.post(
    '/api/evaluations/:roundId/subjects/:id/rectification',
    { access: 'evaluation.manage', params: roundOf, body: rectificationInput, response: roundDetail, status: 201 },
    async ({ ctx, params, body }) => {
      await orderRectification(ctx, params.id, body.items);
      return detail(ctx, params.roundId);
    },
  );
  attachmentRoutes(app, 'evaluations', (a) => {
    a.post(
      '/api/evaluation-subjects/:id/attachments',
      {
        access: 'evaluation.self',
        params: idParams,
        consumes: ['multipart/form-data'],
        response: okResponse,
        status: 201,
      },
      async ({ ctx, params, req }) => {
        await uploadEvidence(ctx, params.id, await uploadedFile(req, attachmentUpload));
        return { ok: true as const };
      },
    );
    a.get(
      '/api/evaluation-subjects/:id/attachments/:attachmentId',
      { access: 'evaluation.read', params: attachmentParams },
      async ({ ctx, params, reply }) =>
        sendAttachment(reply, await downloadEvidence(ctx, params.id, params.attachmentId)),
    );
    a.delete(
      '/api/evaluation-subjects/:id/attachments/:attachmentId',
      { access: 'evaluation.self', params: attachmentParams, response: okResponse },
      async ({ ctx, params }) => {
        await deleteEvidence(ctx, params.id, params.attachmentId);
        return { ok: true as const };
      },
    );
  });
}
