import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
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
import { notFound } from '../../http/app-error.ts';
import { uploadedFile, type UploadRules } from '../../http/upload.ts';
import type { AuthedContext } from '../../http/context.ts';
import { PlanFileError } from './parser/plan-file-error.ts';
import { listPlans, findPlan, planSourceText } from './plans.repository.ts';
import { presentPlanDetail, presentPlanSummary } from './plans.presenter.ts';
import { previewPlan, planFileRefusal, MAX_PLAN_FILE_BYTES } from './plan-preview.service.ts';
import { importPlan } from './plan-import.service.ts';
import { createAnnualPlan } from './annual-plan.service.ts';
import { exportLedger } from './ledger.service.ts';
import { chinaToday } from '../../kernel/dates.ts';

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
    const r = scope.withTypeProvider<ZodTypeProvider>();
    r.post(
      '/api/plans/preview',
      {
        config: { access: 'plan.import' },
        schema: { tags: ['plans'], consumes: ['multipart/form-data'], response: { 200: planPreview } },
      },
      async (req) => previewPlan(req.ctx as AuthedContext, await uploadedFile(req, planUpload)),
    );
    r.post(
      '/api/plans',
      {
        config: { access: 'plan.import' },
        bodyLimit: CONFIRM_BODY_LIMIT,
        schema: { tags: ['plans'], body: createPlanInput, response: { 200: planCreated, 201: planCreated } },
      },
      async (req, reply) => {
        const ctx = req.ctx as AuthedContext;
        const created =
          req.body.kind === 'annual' ? await createAnnualPlan(ctx, req.body) : await importPlan(ctx, req.body);
        return reply.status(created.unchanged ? 200 : 201).send(created);
      },
    );
    r.get(
      '/api/plans',
      {
        config: { access: 'plan.read', cacheable: true },
        schema: { tags: ['plans'], querystring: planListQuery, response: { 200: planListResponse } },
      },
      async (req) => {
        const { page, pageSize, ...filter } = req.query;
        const { items, total } = await listPlans(req.ctx.db, req.actor!, filter, page, pageSize, chinaToday());
        return { items: items.map(presentPlanSummary), total, page, pageSize };
      },
    );
    r.get(
      '/api/plans/:id',
      {
        config: { access: 'plan.read', cacheable: true },
        schema: { tags: ['plans'], params: idParams, response: { 200: planDetail } },
      },
      async (req) => {
        const today = chinaToday();
        const row = await findPlan(req.ctx.db, req.actor!, req.params.id, today);
        if (!row) throw notFound();
        return presentPlanDetail(req.ctx.db, req.actor!, row, today);
      },
    );
    r.get(
      '/api/plans/:id/source',
      { config: { access: 'plan.read' }, schema: { tags: ['plans'], params: idParams, response: { 200: planSource } } },
      async (req) => {
        const doc = await planSourceText(req.ctx.db, req.actor!, req.params.id);
        if (!doc) throw notFound();
        return {
          title: doc.title,
          fileName: doc.fileName,
          sha256: doc.sha256,
          lines: doc.body.split('\n').map((text, i) => ({ line: i + 1, text })),
        };
      },
    );
    r.get(
      '/api/plans/:id/ledger.xlsx',
      { config: { access: 'plan.read' }, schema: { tags: ['plans'], params: idParams } },
      async (req, reply) => {
        const { fileName, buffer } = await exportLedger(req.ctx as AuthedContext, req.params.id);
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header(
            'Content-Disposition',
            `attachment; filename="ledger.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
          )
          .send(buffer);
      },
    );
  });
}
