import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams } from '../../../common/api/common.ts';
import { taskDetail, taskListQuery, taskListResponse, updateTaskInput } from '../../../common/api/tasks.ts';
import { notFound } from '../../http/app-error.ts';
import type { AuthedContext } from '../../http/context.ts';
import { listTasks, findTask } from './tasks.repository.ts';
import { presentTaskDetail, presentTaskSummaries } from './tasks.presenter.ts';
import { updateTask } from './tasks.service.ts';
import { chinaToday } from '../../kernel/dates.ts';

async function loadDetail(ctx: AuthedContext, id: string) {
  const row = await findTask(ctx.db, ctx.actor, id, chinaToday());
  if (!row) throw notFound();
  return presentTaskDetail(ctx.db, ctx.actor, row);
}

export function registerTaskRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/tasks',
    {
      config: { access: 'task.read', cacheable: true },
      schema: { tags: ['tasks'], querystring: taskListQuery, response: { 200: taskListResponse } },
    },
    async (req) => {
      const { items, total, lights } = await listTasks(req.ctx.db, req.actor!, req.query, chinaToday());
      return {
        items: await presentTaskSummaries(req.ctx.db, items),
        total,
        lights,
        page: req.query.page,
        pageSize: req.query.pageSize,
      };
    },
  );
  r.get(
    '/api/tasks/:id',
    { config: { access: 'task.read' }, schema: { tags: ['tasks'], params: idParams, response: { 200: taskDetail } } },
    async (req) => loadDetail(req.ctx as AuthedContext, req.params.id),
  );
  r.patch(
    '/api/tasks/:id',
    {
      config: { access: 'task.update' },
      schema: { tags: ['tasks'], params: idParams, body: updateTaskInput, response: { 200: taskDetail } },
    },
    async (req) => {
      await updateTask(req.ctx as AuthedContext, req.params.id, req.body);
      return loadDetail(req.ctx as AuthedContext, req.params.id);
    },
  );
}
