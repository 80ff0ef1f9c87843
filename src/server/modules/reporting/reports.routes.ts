import type { FastifyInstance } from 'fastify';
import { idParams } from '../../../common/api/common.ts';
import {
  approveReportInput,
  inboxResponse,
  reportDetail,
  reportListQuery,
  reportListResponse,
  returnReportInput,
  saveReportInput,
  submitReportInput,
} from '../../../common/api/reporting.ts';
import { moduleRoutes } from '../../http/route.ts';
import {
  listReportPage,
  reportDetail as loadReportDetail,
  reportInbox,
  reviewReport,
  saveReport,
} from './reports.service.ts';
import { presentInbox, presentReportDetail, presentReportSummary } from './reporting.presenter.ts';
import { tasksSeenBy } from '../tasks/tasks.policy.ts';

export function registerReportRoutes(app: FastifyInstance) {
  const r = moduleRoutes(app, 'reporting');
  r.get(
    '/api/reports',
    {
      access: 'report.read',
      cacheable: true,
      sharedAnswer: tasksSeenBy,
      query: reportListQuery,
      response: reportListResponse,
    },
    async ({ ctx, query }) => {
      const page = await listReportPage(ctx, query);
      return { ...page, items: page.items.map(presentReportSummary) };
    },
  );
  // What the user's own organisation still owes in open periods: pending, drafts, and reports returned to it.
  r.get('/api/reports/inbox', { access: 'report.read', response: inboxResponse }, async ({ ctx }) =>
    presentInbox(await reportInbox(ctx)),
  );
  r.get(
    '/api/reports/:id',
    { access: 'report.read', params: idParams, response: reportDetail },
    async ({ ctx, params }) => presentReportDetail(await loadReportDetail(ctx, params.id)),
  );
  r.patch(
    '/api/reports/:id',
    { access: 'report.fill', params: idParams, body: saveReportInput, response: reportDetail },
    async ({ ctx, params, body }) => {
      await saveReport(ctx, params.id, body, false);
      return presentReportDetail(await loadReportDetail(ctx, params.id));
    },
  );
  r.post(
    '/api/reports/:id/submit',
    { access: 'report.fill', params: idParams, body: submitReportInput, response: reportDetail },
    async ({ ctx, params, body }) => {
      await saveReport(ctx, params.id, body, true);
      return presentReportDetail(await loadReportDetail(ctx, params.id));
    },
  );
  r.post(
    '/api/reports/:id/return',
    { access: 'report.review', params: idParams, body: returnReportInput, response: reportDetail },
    async ({ ctx, params, body }) => {
      await reviewReport(ctx, params.id, 'return', body);
      return presentReportDetail(await loadReportDetail(ctx, params.id));
    },
  );
  r.post(
    '/api/reports/:id/approve',
    { access: 'report.review', params: idParams, body: approveReportInput, response: reportDetail },
    async ({ ctx, params, body }) => {
      await reviewReport(ctx, params.id, 'approve', body);
      return presentReportDetail(await loadReportDetail(ctx, params.id));
    },
  );
}
