import type { FirstRun, Workbench } from '../../../common/api/workbench.ts';
import { api } from '../../app/api-client.ts';

export const workbenchApi = {
  get: (signal?: AbortSignal) => api.get<Workbench>('/api/workbench', undefined, { signal }),
  firstRun: (signal?: AbortSignal) => api.get<FirstRun>('/api/workbench/first-run', undefined, { signal }),
};
