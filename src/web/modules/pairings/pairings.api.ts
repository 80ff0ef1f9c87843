import { api, type Query } from '../../app/api-client.ts';
import type {
  CreatePairingInput,
  PairingDetail,
  PairingList,
  PairingSummary,
  ProgrammeList,
  UpdatePairingInput,
} from '../../app/api-types.ts';

export interface PairingListParams extends Query {
  programmeId?: string;
  parentId?: string;
  level?: PairingSummary['level'];
  status?: PairingSummary['status'];
  regionCode?: string;
  q?: string;
  sort?: 'name' | 'level' | 'startedOn' | 'createdAt';
  order?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
}

export const pairingsApi = {
  list: (params: PairingListParams, signal?: AbortSignal) => api.get<PairingList>('/api/pairings', params, { signal }),
  get: (id: string, signal?: AbortSignal) =>
    api.get<PairingDetail>(`/api/pairings/${encodeURIComponent(id)}`, undefined, { signal }),
  create: (input: CreatePairingInput) => api.post<PairingDetail>('/api/pairings', input),
  update: (id: string, input: UpdatePairingInput) =>
    api.patch<PairingDetail>(`/api/pairings/${encodeURIComponent(id)}`, input),
  programmes: (signal?: AbortSignal) => api.get<ProgrammeList>('/api/programmes', undefined, { signal }),
};
