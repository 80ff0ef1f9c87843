import type { FastifyInstance } from 'fastify';
import { idParams } from '../../../common/api/common.ts';
import {
  addSlotsResponse,
  approveCycleInput,
  createCycleInput,
  cycleDetail,
  cycleListQuery,
  cycleListResponse,
  notReportedResponse,
  openReportInput,
  reportDetail,
  unlockCycleInput,
} from '../../../common/api/reporting.ts';
import { moduleRoutes } from '../../http/route.ts';
import { sendXlsx } from '../../xlsx/list-workbook.ts';
import { exportCycleList, exportPeriodSummary } from './cycle-exports.service.ts';
import {
  addMissingSlots,
  approveCycle,
  createCycle,
  cycleDetail as loadCycleDetail,
  listCyclePage,
  unlockCycle,
  unreportedSlots,
} from './cycles.service.ts';
import { openReport, reportDetail as loadReportDetail } from './reports.service.ts';
import { presentCycle, presentCycleDetail, presentNotReported, presentReportDetail } from './reporting.presenter.ts';

export function registerCycleRoutes(app: FastifyInstance) {
  const r = moduleRoutes(app, 'reporting');
  r.get(
    '/api/cycles',
    { access: 'report.read', query: cycleListQuery, response: cycleListResponse },
    async ({ ctx, query }) => {
      const { today, ...page } = await listCyclePage(ctx, query);
      return { ...page, items: page.items.map((c) => presentCycle(c, today)) };
    },
  );
  r.get(
    '/api/cycles/export.xlsx',
    { access: 'report.read', query: cycleListQuery.omit({ page: true, pageSize: true }) },
    async ({ ctx, query, reply }) => {
      const { fileName, file } = await exportCycleList(ctx, query);
      return sendXlsx(reply, fileName, file);
    },
  );
  r.get('/api/cycles/:id/summary.xlsx', { access: 'report.read', params: idParams }, async ({ ctx, params, reply }) => {
    const { fileName, file } = await exportPeriodSummary(ctx, params.id);
    return sendXlsx(reply, fileName, file);
  });
  r.post(
    '/api/cycles',
    { access: 'cycle.manage', body: createCycleInput, response: cycleDetail, status: 201 },
    async ({ ctx, body }) => presentCycleDetail(await loadCycleDetail(ctx, await createCycle(ctx, body))),
  );
  r.get(
    '/api/cycles/:id',
    { access: 'report.read', params: idParams, response: cycleDetail },
    async ({ ctx, params }) => presentCycleDetail(await loadCycleDetail(ctx, params.id)),
  );
  r.get(
    '/api/cycles/:id/not-reported',
    { access: 'report.read', params: idParams, response: notReportedResponse },
    async ({ ctx, params }) => presentNotReported(await unreportedSlots(ctx, params.id)),
  );
  r.post(
    '/api/cycles/:id/approve',
    { access: 'report.review', params: idParams, body: approveCycleInput, response: cycleDetail },
    async ({ ctx, params, body }) => {
      await approveCycle(ctx, params.id, body);
      return presentCycleDetail(await loadCycleDetail(ctx, params.id));
    },
  );
  r.post(
    '/api/cycles/:id/unlock',
    { access: 'cycle.manage', params: idParams, body: unlockCycleInput, response: cycleDetail },
    async ({ ctx, params, body }) => {
      await unlockCycle(ctx, params.id, body);
      return presentCycleDetail(await loadCycleDetail(ctx, params.id));
    },
  );
  r.post(
    '/api/cycles/:id/slots',
    { access: 'cycle.manage', params: idParams, response: addSlotsResponse },
    async ({ ctx, params }) => {
      const added = await addMissingSlots(ctx, params.id);
      return { added, cycle: presentCycleDetail(await loadCycleDetail(ctx, params.id)) };
    },
  );
  r.post(
    '/api/cycles/:id/reports',
    { access: 'report.fill', params: idParams, body: openReportInput, response: reportDetail },
    async ({ ctx, params, body }) =>
      presentReportDetail(await loadReportDetail(ctx, await openReport(ctx, params.id, body.taskId))),
  );
}
