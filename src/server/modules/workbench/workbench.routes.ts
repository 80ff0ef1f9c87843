import type { FastifyInstance } from 'fastify';
import { firstRunResponse, workbenchResponse } from '../../../common/api/workbench.ts';
import { moduleRoutes } from '../../http/route.ts';
import { firstRunChecklist } from './first-run.service.ts';
import { presentFirstRun, presentWorkbench } from './workbench.presenter.ts';
import { workbench } from './workbench.service.ts';

/** 工作台: the signed-in user's to-dos, pairings and what the other side did lately, in one request. */
export function registerWorkbenchRoutes(app: FastifyInstance) {
  const r = moduleRoutes(app, 'workbench');
  r.get('/api/workbench', { access: 'workbench.read', response: workbenchResponse }, async ({ ctx }) =>
    presentWorkbench(await workbench(ctx)),
  );
  // The administrator's to-do after setup: who must exist before anyone sees data.
  r.get('/api/workbench/first-run', { access: 'organisation.manage', response: firstRunResponse }, async ({ ctx }) =>
    presentFirstRun(await firstRunChecklist(ctx)),
  );
}
