import type { FastifyInstance } from 'fastify';
import { dashboardResponse } from '../../../common/api/dashboard.ts';
import { moduleRoutes } from '../../http/route.ts';
import { presentDashboard } from './dashboard.presenter.ts';
import { dashboard } from './dashboard.service.ts';

export function registerDashboardRoutes(app: FastifyInstance) {
  const r = moduleRoutes(app, 'dashboard');
  r.get('/api/dashboard', { access: 'dashboard.read', response: dashboardResponse, cacheable: true }, async ({ ctx }) =>
    presentDashboard(await dashboard(ctx)),
  );
}
