import type { Dashboard } from '../../../common/api/dashboard.ts';
import type { WorkStatus, WorkStatusParams } from '../../../common/api/dashboard-work.ts';
import { api } from '../../app/api-client.ts';

export const dashboardApi = {
  get: (signal?: AbortSignal) => api.get<Dashboard>('/api/dashboard', undefined, { signal }),
  workStatus: (params: WorkStatusParams, signal?: AbortSignal) =>
    api.get<WorkStatus>('/api/dashboard/work-status', params, { signal }),
};
