import type { FastifyInstance } from 'fastify';
import { idParams, okResponse } from '../../../common/api/common.ts';
import {
  createSummaryInput,
  exportQuery,
  receiptDecisionInput,
  receiptParams,
  sectionParams,
  summaryDetail,
  summaryList,
  summaryListQuery,
  unlockInput,
  updateHeaderInput,
  updateSectionInput,
  versionedInput,
} from '../../../common/api/summaries.ts';
import { moduleRoutes } from '../../http/route.ts';
import { sendXlsx } from '../../xlsx/list-workbook.ts';
import { presentSummaryDetail, presentSummaryItem } from './summaries.presenter.ts';
import {
  createSummary,
  decideReceipt,
  exportDocx,
  exportXlsx,
  listSummaries,
  refreshFigures,
  submitSummary,
  summaryDetail as loadDetail,
  unlockPairingYear,
  updateHeader,
  updateSection,
} from './summaries.service.ts';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function registerSummaryRoutes(app: FastifyInstance) {
  const r = moduleRoutes(app, 'summaries');
  r.get(
    '/api/summaries',
    { access: 'summary.read', query: summaryListQuery, response: summaryList },
    async ({ ctx, query }) => ({ items: (await listSummaries(ctx, query)).items.map(presentSummaryItem) }),
  );
  r.post(
    '/api/summaries',
    { access: 'summary.draft', body: createSummaryInput, response: summaryDetail, status: 201 },
    async ({ ctx, body }) => presentSummaryDetail(await loadDetail(ctx, await createSummary(ctx, body))),
  );
  r.post(
    '/api/summaries/unlock',
    { access: 'summary.unlock', body: unlockInput, response: okResponse },
    async ({ ctx, body }) => {
      await unlockPairingYear(ctx, body);
      return { ok: true as const };
    },
  );
  r.get(
    '/api/summaries/:id',
    { access: 'summary.read', params: idParams, response: summaryDetail },
    async ({ ctx, params }) => presentSummaryDetail(await loadDetail(ctx, params.id)),
  );
  r.patch(
    '/api/summaries/:id',
    { access: 'summary.draft', params: idParams, body: updateHeaderInput, response: summaryDetail },
    async ({ ctx, params, body }) => {
      await updateHeader(ctx, params.id, body);
      return presentSummaryDetail(await loadDetail(ctx, params.id));
    },
  );
  r.put(
    '/api/summaries/:id/sections/:key',
    { access: 'summary.draft', params: sectionParams, body: updateSectionInput, response: summaryDetail },
    async ({ ctx, params, body }) => {
      await updateSection(ctx, params.id, params.key, body);
      return presentSummaryDetail(await loadDetail(ctx, params.id));
    },
  );
  r.post(
    '/api/summaries/:id/refresh',
    { access: 'summary.draft', params: idParams, body: versionedInput, response: summaryDetail },
    async ({ ctx, params, body }) => {
      await refreshFigures(ctx, params.id, body);
      return presentSummaryDetail(await loadDetail(ctx, params.id));
    },
  );
  r.post(
    '/api/summaries/:id/submit',
    { access: 'summary.draft', params: idParams, body: versionedInput, response: summaryDetail },
    async ({ ctx, params, body }) => {
      await submitSummary(ctx, params.id, body);
      return presentSummaryDetail(await loadDetail(ctx, params.id));
    },
  );
  r.post(
    '/api/summaries/:id/receipts/:receiptId',
    { access: 'summary.receive', params: receiptParams, body: receiptDecisionInput, response: summaryDetail },
    async ({ ctx, params, body }) => {
      await decideReceipt(ctx, params.id, params.receiptId, body);
      return presentSummaryDetail(await loadDetail(ctx, params.id));
    },
  );
  r.get(
    '/api/summaries/:id/export.docx',
    { access: 'summary.read', params: idParams, query: exportQuery },
    async ({ ctx, params, query, reply }) => {
      const { file, fileName } = await exportDocx(ctx, params.id, query.versionNo);
      return reply
        .header('content-type', DOCX_TYPE)
        .header(
          'content-disposition',
          `attachment; filename="summary.docx"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
        )
        .send(file);
    },
  );
  r.get(
    '/api/summaries/:id/export.xlsx',
    { access: 'summary.read', params: idParams, query: exportQuery },
    async ({ ctx, params, query, reply }) => {
      const { file, fileName } = await exportXlsx(ctx, params.id, query.versionNo);
      return sendXlsx(reply, fileName, file);
    },
  );
}
