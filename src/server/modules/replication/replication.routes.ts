import type { FastifyInstance } from 'fastify';
import { idParams } from '../../../common/api/common.ts';
import {
  advanceStageInput,
  createAdoptionInput,
  createPracticeInput,
  practiceDetail,
  practiceListQuery,
  practiceListResponse,
  replicationFigures,
  replicationFiguresQuery,
  updateAdoptionInput,
  updatePracticeInput,
  withdrawStageInput,
} from '../../../common/api/replication.ts';
import { moduleRoutes } from '../../http/route.ts';
import type { AuthedContext } from '../../http/context.ts';
import { publishedFigureRoutes } from '../../kernel/published-figures/published-figure-routes.ts';
import { sendXlsx } from '../../xlsx/list-workbook.ts';
import { exportPracticeList } from './practice-list-export.ts';
import { presentPracticeDetail, presentPracticeSummary } from './replication.presenter.ts';
import {
  advanceStage,
  createAdoption,
  createPractice,
  practiceDetail as loadPracticeDetail,
  practicePage,
  replicationFigures as computeFigures,
  updateAdoption,
  updatePractice,
  withdrawStage,
} from './replication.service.ts';
import { registerStageAttachmentRoutes } from './stage-attachments.routes.ts';

/** An export holds at most this many practices (a register has tens to hundreds). */

const practiceAnswer = async (ctx: AuthedContext, id: string) =>
  presentPracticeDetail(await loadPracticeDetail(ctx, id), ctx.actor);

export function registerReplicationRoutes(app: FastifyInstance) {
  const r = moduleRoutes(app, 'replication');
  r.get(
    '/api/replication/practices',
    { access: 'replication.read', query: practiceListQuery, response: practiceListResponse, cacheable: true },
    async ({ ctx, query }) => {
      const page = await practicePage(ctx, query);
      return { ...page, items: page.items.map(presentPracticeSummary) };
    },
  );
  r.get(
    '/api/replication/practices/export.xlsx',
    { access: 'replication.read', query: practiceListQuery.omit({ page: true, pageSize: true }) },
    async ({ ctx, query, reply }) => {
      const { fileName, file } = await exportPracticeList(ctx, query);
      return sendXlsx(reply, fileName, file);
    },
  );
  r.get(
    '/api/replication/figures',
    { access: 'replication.read', query: replicationFiguresQuery, response: replicationFigures, cacheable: true },
    ({ ctx, query }) => computeFigures(ctx, query),
  );
  r.get(
    '/api/replication/practices/:id',
    { access: 'replication.read', params: idParams, response: practiceDetail },
    ({ ctx, params }) => practiceAnswer(ctx, params.id),
  );
  r.post(
    '/api/replication/practices',
    { access: 'replication.manage', body: createPracticeInput, response: practiceDetail, status: 201 },
    async ({ ctx, body }) => practiceAnswer(ctx, await createPractice(ctx, body)),
  );
  r.patch(
    '/api/replication/practices/:id',
    { access: 'replication.manage', params: idParams, body: updatePracticeInput, response: practiceDetail },
    async ({ ctx, params, body }) => {
      await updatePractice(ctx, params.id, body);
      return practiceAnswer(ctx, params.id);
    },
  );
  r.post(
    '/api/replication/practices/:id/adoptions',
    { access: 'replication.adopt', params: idParams, body: createAdoptionInput, response: practiceDetail, status: 201 },
    async ({ ctx, params, body }) => {
      await createAdoption(ctx, params.id, body);
      return practiceAnswer(ctx, params.id);
    },
  );
  r.patch(
    '/api/replication/adoptions/:id',
    { access: 'replication.adopt', params: idParams, body: updateAdoptionInput, response: practiceDetail },
    async ({ ctx, params, body }) => practiceAnswer(ctx, await updateAdoption(ctx, params.id, body)),
  );
  r.post(
    '/api/replication/adoptions/:id/stages',
    { access: 'replication.adopt', params: idParams, body: advanceStageInput, response: practiceDetail, status: 201 },
    async ({ ctx, params, body }) => practiceAnswer(ctx, await advanceStage(ctx, params.id, body)),
  );
  r.post(
    '/api/replication/adoptions/:id/stages/withdraw',
    { access: 'replication.adopt', params: idParams, body: withdrawStageInput, response: practiceDetail },
    async ({ ctx, params, body }) => practiceAnswer(ctx, await withdrawStage(ctx, params.id, body)),
  );
  publishedFigureRoutes(app, {
    topic: 'replication',
    base: '/api/replication/published-figures',
    tag: 'replication',
    read: 'replication.read',
    manage: 'replication.figures',
  });
  registerStageAttachmentRoutes(app);
}
