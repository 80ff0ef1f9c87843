import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
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
import { notFound } from '../../http/app-error.ts';
import type { AuthedContext } from '../../http/context.ts';
import { findReport, listReports, owedBy } from './reports.repository.ts';
import { reviewReport, saveReport } from './reports.service.ts';
import { UNREPORTED_STATES } from './report-rules.ts';
import { presentInbox, presentReportDetail, presentReportSummary } from './reporting.presenter.ts';
import { chinaToday } from '../../kernel/dates.ts';

export async function loadReport(ctx: AuthedContext, id: string) {
  const row = await findReport(ctx.db, ctx.actor, id);
  if (!row) throw notFound();
  return presentReportDetail(ctx.db, row);
}

export function registerReportRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/reports',
    {
      config: { access: 'report.read' },
      schema: { tags: ['reporting'], querystring: reportListQuery, response: { 200: reportListResponse } },
    },
    async (req) => {
      const { items, total } = await listReports(req.ctx.db, req.actor!, req.query);
      return { items: items.map(presentReportSummary), total, page: req.query.page, pageSize: req.query.pageSize };
    },
  );
  // What the user's own organisation still owes in open periods: pending, drafts, and reports returned to it.
  r.get(
    '/api/reports/inbox',
    { config: { access: 'report.read' }, schema: { tags: ['reporting'], response: { 200: inboxResponse } } },
    async (req) => presentInbox(await owedBy(req.ctx.db, req.actor!, UNREPORTED_STATES), chinaToday()),
  );
  r.get(
    '/api/reports/:id',
    {
      config: { access: 'report.read' },
      schema: { tags: ['reporting'], params: idParams, response: { 200: reportDetail } },
    },
    async (req) => loadReport(req.ctx as AuthedContext, req.params.id),
  );
  r.patch(
    '/api/reports/:id',
    {
      config: { access: 'report.fill' },
      schema: { tags: ['reporting'], params: idParams, body: saveReportInput, response: { 200: reportDetail } },
    },
    async (req) => {
      await saveReport(req.ctx as AuthedContext, req.params.id, req.body, false);
      return loadReport(req.ctx as AuthedContext, req.params.id);
    },
  );
  r.post(
    '/api/reports/:id/submit',
    {
      config: { access: 'report.fill' },
      schema: { tags: ['reporting'], params: idParams, body: submitReportInput, response: { 200: reportDetail } },
    },
    async (req) => {
      await saveReport(req.ctx as AuthedContext, req.params.id, req.body, true);
      return loadReport(req.ctx as AuthedContext, req.params.id);
    },
  );
  r.post(
    '/api/reports/:id/return',
    {
      config: { access: 'report.review' },
      schema: { tags: ['reporting'], params: idParams, body: returnReportInput, response: { 200: reportDetail } },
    },
    async (req) => {
      await reviewReport(req.ctx as AuthedContext, req.params.id, 'return', req.body);
      return loadReport(req.ctx as AuthedContext, req.params.id);
    },
  );
  r.post(
    '/api/reports/:id/approve',
    {
      config: { access: 'report.review' },
      schema: { tags: ['reporting'], params: idParams, body: approveReportInput, response: { 200: reportDetail } },
    },
    async (req) => {
      await reviewReport(req.ctx as AuthedContext, req.params.id, 'approve', req.body);
      return loadReport(req.ctx as AuthedContext, req.params.id);
    },
  );
}
