import type { Dashboard } from '../../../common/api/dashboard.ts';
import type { WorkStatus, WorkStatusParams } from '../../../common/api/dashboard-work.ts';
import { api } from '../../app/api-client.ts';

export const dashboardApi = {
  /** One programme's dashboard (undefined: the first the user works in). */
  get: (programmeId: string | undefined, signal?: AbortSignal) =>
    api.get<Dashboard>('/api/dashboard', programmeId ? { programmeId } : undefined, { signal }),
  workStatus: (params: WorkStatusParams, signal?: AbortSignal) =>
    api.get<WorkStatus>('/api/dashboard/work-status', params, { signal }),
};
