import type { TaskDetail, TaskList, TaskListParams, UpdateTaskBody } from '../../../common/api/tasks.ts';
import type { BulkUnitsInput, UnitSuggestions } from '../../../common/api/task-bulk.ts';
import { api } from '../../app/api-client.ts';

const taskPath = (id: string) => `/api/tasks/${encodeURIComponent(id)}`;

export const tasksApi = {
  list: (params: TaskListParams, signal?: AbortSignal) => api.get<TaskList>('/api/tasks', params, { signal }),
  get: (id: string, signal?: AbortSignal) => api.get<TaskDetail>(taskPath(id), undefined, { signal }),
  /** Changes a task as of the version the user read; a newer version on the server answers 409. */
  update: (id: string, input: UpdateTaskBody) => api.patch<TaskDetail>(taskPath(id), input),
  /** Adds the units to every task named (those a task has already are kept, not repeated). */
  addUnits: (input: BulkUnitsInput) => api.post<{ updated: number }>('/api/tasks/bulk-units', input),
  unitSuggestions: (planId: string, signal?: AbortSignal) =>
    api.get<UnitSuggestions>('/api/tasks/unit-suggestions', { planId }, { signal }),
};
