import type {
  CreatePairingBody,
  PairingDetail,
  PairingList,
  PairingListParams,
  ProgrammeList,
  UpdatePairingBody,
} from '../../../common/api/pairings.ts';
import { api } from '../../app/api-client.ts';

const pairingPath = (id: string) => `/api/pairings/${encodeURIComponent(id)}`;

export const pairingsApi = {
  list: (params: PairingListParams, signal?: AbortSignal) => api.get<PairingList>('/api/pairings', params, { signal }),
  get: (id: string, signal?: AbortSignal) => api.get<PairingDetail>(pairingPath(id), undefined, { signal }),
  create: (input: CreatePairingBody) => api.post<PairingDetail>('/api/pairings', input),
  update: (id: string, input: UpdatePairingBody) => api.patch<PairingDetail>(pairingPath(id), input),
  programmes: (signal?: AbortSignal) => api.get<ProgrammeList>('/api/programmes', undefined, { signal }),
};
