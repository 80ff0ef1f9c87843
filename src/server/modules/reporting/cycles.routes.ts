import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
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
import { notFound } from '../../http/app-error.ts';
import type { AuthedContext } from '../../http/context.ts';
import { findCycle, listCycles } from './cycles.repository.ts';
import { slotsOfCycle } from './reports.repository.ts';
import { addMissingSlots, approveCycle, createCycle, unlockCycle } from './cycles.service.ts';
import { openReport } from './reports.service.ts';
import { UNREPORTED_STATES } from './report-rules.ts';
import { presentCycleDetail, presentCycles, presentNotReported } from './reporting.presenter.ts';
import { loadReport } from './reports.routes.ts';
import { chinaToday } from '../../kernel/dates.ts';

async function loadCycle(ctx: AuthedContext, id: string) {
  const row = await findCycle(ctx.db, ctx.actor, id);
  if (!row) throw notFound();
  return presentCycleDetail(ctx.db, ctx.actor, row, chinaToday());
}

export function registerCycleRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/cycles',
    {
      config: { access: 'report.read' },
      schema: { tags: ['reporting'], querystring: cycleListQuery, response: { 200: cycleListResponse } },
    },
    async (req) => {
      const ctx = req.ctx as AuthedContext;
      const { items, total } = await listCycles(ctx.db, ctx.actor, req.query);
      return {
        items: await presentCycles(ctx.db, ctx.actor, items, chinaToday()),
        total,
        page: req.query.page,
        pageSize: req.query.pageSize,
      };
    },
  );
  r.post(
    '/api/cycles',
    {
      config: { access: 'cycle.manage' },
      schema: { tags: ['reporting'], body: createCycleInput, response: { 201: cycleDetail } },
    },
    async (req, reply) => {
      const ctx = req.ctx as AuthedContext;
      const id = await createCycle(ctx, req.body);
      return reply.status(201).send(await loadCycle(ctx, id));
    },
  );
  r.get(
    '/api/cycles/:id',
    {
      config: { access: 'report.read' },
      schema: { tags: ['reporting'], params: idParams, response: { 200: cycleDetail } },
    },
    async (req) => loadCycle(req.ctx as AuthedContext, req.params.id),
  );
  r.get(
    '/api/cycles/:id/not-reported',
    {
      config: { access: 'report.read' },
      schema: { tags: ['reporting'], params: idParams, response: { 200: notReportedResponse } },
    },
    async (req) => {
      const ctx = req.ctx as AuthedContext;
      const cycle = await findCycle(ctx.db, ctx.actor, req.params.id);
      if (!cycle) throw notFound();
      return presentNotReported(
        cycle,
        await slotsOfCycle(ctx.db, ctx.actor, cycle.id, UNREPORTED_STATES),
        chinaToday(),
      );
    },
  );
  r.post(
    '/api/cycles/:id/approve',
    {
      config: { access: 'report.review' },
      schema: { tags: ['reporting'], params: idParams, body: approveCycleInput, response: { 200: cycleDetail } },
    },
    async (req) => {
      await approveCycle(req.ctx as AuthedContext, req.params.id, req.body);
      return loadCycle(req.ctx as AuthedContext, req.params.id);
    },
  );
  r.post(
    '/api/cycles/:id/unlock',
    {
      config: { access: 'cycle.manage' },
      schema: { tags: ['reporting'], params: idParams, body: unlockCycleInput, response: { 200: cycleDetail } },
    },
    async (req) => {
      await unlockCycle(req.ctx as AuthedContext, req.params.id, req.body);
      return loadCycle(req.ctx as AuthedContext, req.params.id);
    },
  );
  r.post(
    '/api/cycles/:id/slots',
    {
      config: { access: 'cycle.manage' },
      schema: { tags: ['reporting'], params: idParams, response: { 200: addSlotsResponse } },
    },
    async (req) => {
      const ctx = req.ctx as AuthedContext;
      const added = await addMissingSlots(ctx, req.params.id);
      return { added, cycle: await loadCycle(ctx, req.params.id) };
    },
  );
  r.post(
    '/api/cycles/:id/reports',
    {
      config: { access: 'report.fill' },
      schema: { tags: ['reporting'], params: idParams, body: openReportInput, response: { 200: reportDetail } },
    },
    async (req) => {
      const ctx = req.ctx as AuthedContext;
      return loadReport(ctx, await openReport(ctx, req.params.id, req.body.taskId));
    },
  );
}
