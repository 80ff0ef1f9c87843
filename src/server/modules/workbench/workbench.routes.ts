import type { FastifyInstance } from 'fastify';
import { workbenchResponse } from '../../../common/api/workbench.ts';
import { moduleRoutes } from '../../http/route.ts';
import { presentWorkbench } from './workbench.presenter.ts';
import { workbench } from './workbench.service.ts';

/** 工作台: the signed-in user's to-dos, pairings and what the other side did lately, in one request. */
export function registerWorkbenchRoutes(app: FastifyInstance) {
  const r = moduleRoutes(app, 'workbench');
  r.get('/api/workbench', { access: 'workbench.read', response: workbenchResponse }, async ({ ctx }) =>
    presentWorkbench(await workbench(ctx)),
  );
}
