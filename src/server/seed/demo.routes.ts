import type { FastifyInstance } from 'fastify';
import { idParams } from '../../common/api/common.ts';
import { demoCounts, demoFillBody, demoJob, demoJobQuery, demoStatus } from '../../common/api/demo.ts';
import { moduleRoutes } from '../http/route.ts';
import { clearDemo } from './demo-data.ts';
import { demoFillJob, demoStatusOf, startDemoFill } from './demo.service.ts';

/**
 * Demo data from the web app, so the national office need not stop the server to run `duikou demo fill`: the same
 * fill and clear, as the signed-in user (every record audited as theirs). A fill makes a few hundred records
 * through the services, seconds on a quiet machine and a minute on a loaded one, so it runs as a background job
 * (kernel/jobs) that the page polls; a clear is one transaction and answers at once.
 */
export function registerDemoRoutes(app: FastifyInstance) {
  const r = moduleRoutes(app, 'demo');
  r.get('/api/demo', { access: 'demo.manage', response: demoStatus }, async ({ ctx }) => demoStatusOf(ctx));
  r.post(
    '/api/demo/fill',
    { access: 'demo.manage', body: demoFillBody, response: demoJob, status: 202 },
    async ({ ctx, body }) => startDemoFill(ctx, body),
  );
  r.get(
    '/api/demo/fill/:id',
    { access: 'demo.manage', params: idParams, query: demoJobQuery, response: demoJob },
    async ({ ctx, params, query }) => demoFillJob(ctx, params.id, query.wait === 'true'),
  );
  r.post('/api/demo/clear', { access: 'demo.manage', response: demoCounts }, async ({ ctx }) => ({
    counts: await clearDemo(ctx),
  }));
}
