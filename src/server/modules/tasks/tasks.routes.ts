import type { FastifyInstance } from 'fastify';
import { idParams } from '../../../common/api/common.ts';
import { taskDetail, taskListQuery, taskListResponse, updateTaskInput } from '../../../common/api/tasks.ts';
import { moduleRoutes } from '../../http/route.ts';
import { presentTaskDetail, presentTaskSummary } from './tasks.presenter.ts';
import { listTaskPage, taskDetail as loadTaskDetail, updateTask } from './tasks.service.ts';
import {
  bulkUnitsInput,
  bulkUnitsResponse,
  unitSuggestionsQuery,
  unitSuggestionsResponse,
} from '../../../common/api/task-bulk.ts';
import { addUnitsToTasks, unitSuggestions } from './task-bulk.service.ts';
import { tasksSeenBy } from './tasks.policy.ts';

export function registerTaskRoutes(app: FastifyInstance) {
  const r = moduleRoutes(app, 'tasks');
  r.get(
    '/api/tasks',
    {
      access: 'task.read',
      query: taskListQuery,
      response: taskListResponse,
      cacheable: true,
      sharedAnswer: tasksSeenBy,
    },
    async ({ ctx, query }) => {
      const page = await listTaskPage(ctx, query);
      return { ...page, items: page.items.map(presentTaskSummary) };
    },
  );
  // Bulk work on a plan's tasks: units suggested from the clauses, and units added to many tasks at once.
  r.get(
    '/api/tasks/unit-suggestions',
    { access: 'task.update', query: unitSuggestionsQuery, response: unitSuggestionsResponse },
    async ({ ctx, query }) => unitSuggestions(ctx, query.planId),
  );
  r.post(
    '/api/tasks/bulk-units',
    { access: 'task.update', body: bulkUnitsInput, response: bulkUnitsResponse },
    async ({ ctx, body }) => ({ updated: await addUnitsToTasks(ctx, body) }),
  );
  r.get('/api/tasks/:id', { access: 'task.read', params: idParams, response: taskDetail }, async ({ ctx, params }) =>
    presentTaskDetail(await loadTaskDetail(ctx, params.id)),
  );
  r.patch(
    '/api/tasks/:id',
    { access: 'task.update', params: idParams, body: updateTaskInput, response: taskDetail },
    async ({ ctx, params, body }) => {
      await updateTask(ctx, params.id, body);
      return presentTaskDetail(await loadTaskDetail(ctx, params.id));
    },
  );
}
