import type { FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';
import { idParams } from '../../../common/api/common.ts';
import {
  createPlanInput,
  planCreated,
  planDetail,
  planListQuery,
  planListResponse,
  planPreview,
  planSource,
} from '../../../common/api/plans.ts';
import { moduleRoutes } from '../../http/route.ts';
import { uploadedFile, type UploadRules } from '../../http/upload.ts';
import { PlanFileError } from './parser/plan-file-error.ts';
import { presentPlanDetail, presentPlanSource, presentPlanSummary } from './plans.presenter.ts';
import { planDetail as loadPlanDetail, planPage, planSource as loadPlanSource } from './plans.service.ts';
import { previewPlan, planFileRefusal, MAX_PLAN_FILE_BYTES } from './plan-preview.service.ts';
import { importPlan } from './plan-import.service.ts';
import { createAnnualPlan } from './annual-plan.service.ts';
import { exportLedger } from './ledger.service.ts';
import { requestLocale } from '../../http/request-locale.ts';
import { tasksSeenBy } from '../tasks/tasks.policy.ts';

const planUpload: UploadRules = {
  requiredCode: 'plan_upload_required',
  defaultName: 'plan',
  maxBytes: MAX_PLAN_FILE_BYTES,
  tooLarge: (limit) => planFileRefusal(new PlanFileError('too_large', { limit })),
};

/** The sources the preview returns and the confirmation sends back are larger than the API's 1 MB body limit. */
const CONFIRM_BODY_LIMIT = 8 * 1024 * 1024;

export function registerPlanRoutes(app: FastifyInstance) {
  // Uploads are accepted here only, so no other route parses multipart bodies.
  app.register(async (scope) => {
    await scope.register(multipart, {
      limits: { fileSize: MAX_PLAN_FILE_BYTES, files: 1, fields: 5, parts: 6, fieldSize: 1024 },
    });
    planRoutes(scope);
  });
}

function planRoutes(app: FastifyInstance) {
  const r = moduleRoutes(app, 'plans');
  r.post(
    '/api/plans/preview',
    { access: 'plan.import', consumes: ['multipart/form-data'], response: planPreview },
    async ({ ctx, req }) => previewPlan(ctx, await uploadedFile(req, planUpload)),
  );
  r.post(
    '/api/plans',
    {
      access: 'plan.import',
      bodyLimit: CONFIRM_BODY_LIMIT,
      body: createPlanInput,
      response: planCreated,
      status: 201,
      otherStatus: 200,
    },
    async ({ ctx, body, reply }) => {
      const created = body.kind === 'annual' ? await createAnnualPlan(ctx, body) : await importPlan(ctx, body);
      // Confirming the current version unchanged wrote nothing: 200, not 201.
      if (created.unchanged) reply.status(200);
      return created;
    },
  );
  r.get(
    '/api/plans',
    {
      access: 'plan.read',
      cacheable: true,
      sharedAnswer: tasksSeenBy,
      query: planListQuery,
      response: planListResponse,
    },
    async ({ ctx, query }) => {
      const page = await planPage(ctx, query);
      return { ...page, items: page.items.map(({ row, counts }) => presentPlanSummary(row, counts)) };
    },
  );
  r.get(
    '/api/plans/:id',
    { access: 'plan.read', cacheable: true, sharedAnswer: tasksSeenBy, params: idParams, response: planDetail },
    async ({ ctx, params }) => presentPlanDetail(await loadPlanDetail(ctx, params.id)),
  );
  r.get(
    '/api/plans/:id/source',
    { access: 'plan.read', params: idParams, response: planSource },
    async ({ ctx, params }) => presentPlanSource(await loadPlanSource(ctx, params.id)),
  );
  r.get(
    '/api/plans/:id/ledger.xlsx',
    { access: 'plan.read', params: idParams },
    async ({ ctx, params, req, reply }) => {
      const { fileName, buffer } = await exportLedger(ctx, params.id, requestLocale(req));
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'Content-Disposition',
          `attachment; filename="ledger.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
        )
        .send(buffer);
    },
  );
}
