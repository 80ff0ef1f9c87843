import type { FastifyInstance } from 'fastify';
import { dashboardQuery, dashboardResponse } from '../../../common/api/dashboard.ts';
import { moduleRoutes } from '../../http/route.ts';
import { presentDashboard } from './dashboard.presenter.ts';
import { dashboard } from './dashboard.service.ts';
import { workStatusQuery, workStatusResponse } from '../../../common/api/dashboard-work.ts';
import { presentWorkStatus } from './work-status.presenter.ts';
import { workStatus } from './work-status.service.ts';

export function registerDashboardRoutes(app: FastifyInstance) {
  const r = moduleRoutes(app, 'dashboard');
  r.get(
    '/api/dashboard',
    {
      access: 'dashboard.read',
      query: dashboardQuery,
      response: dashboardResponse,
      cacheable: true,
      sharedAnswer: true,
      choosesProgramme: true,
    },
    async ({ ctx, query }) => presentDashboard(await dashboard(ctx, query.programmeId)),
  );
  // Task lights and who has not reported, for a year: for those who follow tasks (not the public).
  r.get(
    '/api/dashboard/work-status',
    { access: 'task.read', query: workStatusQuery, response: workStatusResponse },
    async ({ ctx, query }) => presentWorkStatus(await workStatus(ctx, query.year, query.pairingId)),
  );
}
