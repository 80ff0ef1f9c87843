import type { Workbench } from '../../../common/api/workbench.ts';
import { api } from '../../app/api-client.ts';

export const workbenchApi = {
  get: (signal?: AbortSignal) => api.get<Workbench>('/api/workbench', undefined, { signal }),
};
