import { api } from '../../app/api-client.ts';
import type { RegionDetail, RegionList } from '../../app/api-types.ts';

export const regionsApi = {
  list: (
    query: { q?: string; level?: string; parentCode?: string; page?: number; pageSize?: number },
    signal?: AbortSignal,
  ) => api.get<RegionList>('/api/regions', query, { signal }),
  get: (code: string, signal?: AbortSignal) =>
    api.get<RegionDetail>(`/api/regions/${encodeURIComponent(code)}`, undefined, { signal }),
};
