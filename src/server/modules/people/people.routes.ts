import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { idParams } from '../../../common/api/common.ts';
import {
  createExchangeInput,
  createSecondmentInput,
  createTrainingInput,
  exchangeListQuery,
  exchangeListResponse,
  exchangeSummary,
  peopleFigures as peopleFiguresResponse,
  peopleFiguresQuery,
  revealed,
  revealInput,
  rosterImportQuery,
  rosterImportResult,
  secondmentDetail,
  secondmentListQuery,
  secondmentListResponse,
  targetProgressQuery,
  targetProgressResponse,
  trainingDetail,
  trainingListQuery,
  trainingListResponse,
  updateExchangeInput,
  updateSecondmentInput,
  updateTrainingInput,
} from '../../../common/api/people.ts';
import { moduleRoutes } from '../../http/route.ts';
import { type UploadRules, uploadedFile } from '../../http/upload.ts';
import { DEFAULT_SHEET_LIMITS } from '../../kernel/sheet/sheet-file-guard.ts';
import { SheetFileError } from '../../kernel/sheet/sheet-file-error.ts';
import { createExchange, exchangeDetail, listExchangePage, updateExchange } from './exchanges.service.ts';
import { peopleFigures } from './people-figures.service.ts';
import {
  presentExchange,
  presentSecondmentDetail,
  presentSecondmentSummary,
  presentTrainingDetail,
  presentTrainingSummary,
} from './people.presenter.ts';
import { importRoster, rosterSheetRefusal, rosterTemplate } from './roster-import.service.ts';
import { buildRosterExport } from './roster-sheet.ts';
import {
  createSecondment,
  listSecondmentPage,
  revealField,
  secondmentDetail as loadSecondmentDetail,
  secondmentExportRows,
  updateSecondment,
} from './secondments.service.ts';
import { buildTrainingLedger } from './training-sheet.ts';
import { sideTextsByPairing, sideTextsInView } from '../programmes/programmes.service.ts';
import {
  createTraining,
  listTrainingPage,
  targetProgressOf,
  trainingDetail as loadTrainingDetail,
  trainingLedgerRows,
  updateTraining,
} from './trainings.service.ts';
import { translate } from '../../../common/i18n/messages.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const attachment = (fileName: string) =>
  `attachment; filename="download.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
/** When an export was made, China time, to the minute (its watermark). */
const exportedAt = () => new Date().toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 16);

const rosterUpload: UploadRules = {
  requiredCode: 'roster_upload_required',
  defaultName: 'roster.xlsx',
  maxBytes: DEFAULT_SHEET_LIMITS.maxBytes,
  tooLarge: (limit) => rosterSheetRefusal(new SheetFileError('too_large', { limit })),
};

export function registerPeopleRoutes(app: FastifyInstance) {
  app.register(async (scope) => {
    // Only the roster import parses multipart bodies, with the sheet's own size limit.
    await scope.register(multipart, {
      limits: { fileSize: DEFAULT_SHEET_LIMITS.maxBytes, files: 1, fields: 2, parts: 3, fieldSize: 200 },
    });
    secondmentRoutes(scope);
  });
  trainingRoutes(app);
}

function secondmentRoutes(app: FastifyInstance) {
  const r = moduleRoutes(app, 'people');
  r.get(
    '/api/secondments',
    { access: 'cadre.readNames', query: secondmentListQuery, response: secondmentListResponse, cacheable: true },
    async ({ ctx, query }) => {
      const page = await listSecondmentPage(ctx, query);
      return { ...page, items: page.items.map(presentSecondmentSummary) };
    },
  );
  r.get(
    '/api/secondments/export.xlsx',
    { access: 'cadre.readNames', query: secondmentListQuery },
    async ({ ctx, query, reply }) => {
      const { page: _p, pageSize: _s, ...filter } = query;
      const rows = (await secondmentExportRows(ctx, filter)).map(presentSecondmentSummary);
      const at = exportedAt();
      const file = await buildRosterExport(
        rows,
        { name: ctx.actor.displayName, organisation: ctx.actor.organisationName, at },
        await sideTextsByPairing(
          ctx.db,
          'zh-CN',
          rows.map((r) => r.pairingId),
        ),
      );
      return reply
        .header('content-type', XLSX)
        .header(
          'content-disposition',
          attachment(`${translate('zh-CN', 'ui.output.files.secondments')}-${at.slice(0, 10)}.xlsx`),
        )
        .send(file);
    },
  );
  r.get('/api/secondments/template.xlsx', { access: 'cadre.manage' }, async ({ reply }) =>
    reply
      .header('content-type', XLSX)
      .header('content-disposition', attachment(`${translate('zh-CN', 'ui.output.files.rosterTemplate')}.xlsx`))
      .send(await rosterTemplate()),
  );
  r.post(
    '/api/secondments/import',
    {
      access: 'cadre.manage',
      query: rosterImportQuery,
      consumes: ['multipart/form-data'],
      response: rosterImportResult,
    },
    async ({ ctx, query, req }) => importRoster(ctx, query.pairingId, () => uploadedFile(req, rosterUpload)),
  );
  r.get(
    '/api/secondments/:id',
    { access: 'cadre.readNames', params: idParams, response: secondmentDetail },
    async ({ ctx, params }) => presentSecondmentDetail(await loadSecondmentDetail(ctx, params.id)),
  );
  r.post(
    '/api/secondments',
    { access: 'cadre.manage', body: createSecondmentInput, response: secondmentDetail, status: 201 },
    async ({ ctx, body }) =>
      presentSecondmentDetail(await loadSecondmentDetail(ctx, await createSecondment(ctx, body))),
  );
  r.patch(
    '/api/secondments/:id',
    { access: 'cadre.manage', params: idParams, body: updateSecondmentInput, response: secondmentDetail },
    async ({ ctx, params, body }) => {
      await updateSecondment(ctx, params.id, body);
      return presentSecondmentDetail(await loadSecondmentDetail(ctx, params.id));
    },
  );
  r.post(
    '/api/secondments/:id/reveal',
    { access: 'cadre.readNames', params: idParams, body: revealInput, response: revealed },
    async ({ ctx, params, body, reply }) => {
      // A revealed number is for this answer only: no browser or proxy keeps it.
      reply.header('cache-control', 'no-store');
      return { field: body.field, value: await revealField(ctx, params.id, body) };
    },
  );
  r.get(
    '/api/people/figures',
    { access: 'cadre.read', query: peopleFiguresQuery, response: peopleFiguresResponse, cacheable: true },
    ({ ctx, query }) => peopleFigures(ctx, query),
  );
}

function trainingRoutes(app: FastifyInstance) {
  const r = moduleRoutes(app, 'people');
  r.get(
    '/api/trainings',
    { access: 'training.read', query: trainingListQuery, response: trainingListResponse, cacheable: true },
    async ({ ctx, query }) => {
      const page = await listTrainingPage(ctx, query);
      return { ...page, items: page.items.map(presentTrainingSummary) };
    },
  );
  r.get(
    '/api/trainings/export.xlsx',
    { access: 'training.read', query: trainingListQuery },
    async ({ ctx, query, reply }) => {
      const rows = (await trainingLedgerRows(ctx, query)).map(presentTrainingSummary);
      const at = exportedAt();
      const sides = {
        all: await sideTextsInView(ctx, 'zh-CN', query.pairingId),
        of: await sideTextsByPairing(
          ctx.db,
          'zh-CN',
          rows.map((r) => r.pairingId),
        ),
      };
      return reply
        .header('content-type', XLSX)
        .header(
          'content-disposition',
          attachment(`${translate('zh-CN', 'ui.output.files.trainings')}-${at.slice(0, 10)}.xlsx`),
        )
        .send(await buildTrainingLedger(rows, { name: ctx.actor.displayName, at }, sides));
    },
  );
  r.get(
    '/api/trainings/progress',
    { access: 'training.read', query: targetProgressQuery, response: targetProgressResponse },
    async ({ ctx, query }) => ({ items: await targetProgressOf(ctx, query.pairingId, query.year) }),
  );
  r.get(
    '/api/trainings/:id',
    { access: 'training.read', params: idParams, response: trainingDetail },
    async ({ ctx, params }) => presentTrainingDetail(await loadTrainingDetail(ctx, params.id)),
  );
  r.post(
    '/api/trainings',
    { access: 'training.manage', body: createTrainingInput, response: trainingDetail, status: 201 },
    async ({ ctx, body }) => presentTrainingDetail(await loadTrainingDetail(ctx, await createTraining(ctx, body))),
  );
  r.patch(
    '/api/trainings/:id',
    { access: 'training.manage', params: idParams, body: updateTrainingInput, response: trainingDetail },
    async ({ ctx, params, body }) => {
      await updateTraining(ctx, params.id, body);
      return presentTrainingDetail(await loadTrainingDetail(ctx, params.id));
    },
  );
  r.get(
    '/api/exchanges',
    { access: 'training.read', query: exchangeListQuery, response: exchangeListResponse, cacheable: true },
    async ({ ctx, query }) => {
      const page = await listExchangePage(ctx, query);
      return { ...page, items: page.items.map(presentExchange) };
    },
  );
  r.get(
    '/api/exchanges/:id',
    { access: 'training.read', params: idParams, response: exchangeSummary },
    async ({ ctx, params }) => presentExchange(await exchangeDetail(ctx, params.id)),
  );
  r.post(
    '/api/exchanges',
    { access: 'training.manage', body: createExchangeInput, response: exchangeSummary, status: 201 },
    async ({ ctx, body }) => presentExchange(await exchangeDetail(ctx, await createExchange(ctx, body))),
  );
  r.patch(
    '/api/exchanges/:id',
    { access: 'training.manage', params: idParams, body: updateExchangeInput, response: exchangeSummary },
    async ({ ctx, params, body }) => {
      await updateExchange(ctx, params.id, body);
      return presentExchange(await exchangeDetail(ctx, params.id));
    },
  );
}
