import type { RegionDetail, RegionList, RegionListParams } from '../../../common/api/regions.ts';
import { api } from '../../app/api-client.ts';

export const regionsApi = {
  list: (params: RegionListParams, signal?: AbortSignal) => api.get<RegionList>('/api/regions', params, { signal }),
  get: (code: string, signal?: AbortSignal) =>
    api.get<RegionDetail>(`/api/regions/${encodeURIComponent(code)}`, undefined, { signal }),
};
