import { api, type Query } from '../../app/api-client.ts';
import type { TaskDetail, TaskList, TaskSummary, UpdateTaskInput } from '../../app/api-types.ts';

export interface TaskListParams extends Query {
  pairingId?: string;
  planId?: string;
  sectionId?: string;
  side?: 'a' | 'b';
  organisationId?: string;
  unit?: string;
  status?: TaskSummary['status'];
  light?: TaskSummary['light'];
  mine?: 'true' | 'false';
  q?: string;
  sort?: 'plan' | 'deadline' | 'status' | 'updatedAt';
  order?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
}

const taskPath = (id: string) => `/api/tasks/${encodeURIComponent(id)}`;

export const tasksApi = {
  list: (params: TaskListParams, signal?: AbortSignal) => api.get<TaskList>('/api/tasks', params, { signal }),
  get: (id: string, signal?: AbortSignal) => api.get<TaskDetail>(taskPath(id), undefined, { signal }),
  /** Changes a task as of the version the user read; a newer version on the server answers 409. */
  update: (id: string, input: UpdateTaskInput) => api.patch<TaskDetail>(taskPath(id), input),
};
