import type { Dashboard } from '../../../common/api/dashboard.ts';
import { api } from '../../app/api-client.ts';

export const dashboardApi = {
  get: (signal?: AbortSignal) => api.get<Dashboard>('/api/dashboard', undefined, { signal }),
};
