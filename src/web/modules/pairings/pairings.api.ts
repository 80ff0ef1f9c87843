import type {
  CreatePairingBody,
  PairingDetail,
  PairingList,
  PairingListParams,
  ProgrammeList,
  UpdatePairingBody,
} from '../../../common/api/pairings.ts';
import { api, requestFile, type Query } from '../../app/api-client.ts';
import { withoutPage } from '../../shared/list-export.ts';

const pairingPath = (id: string) => `/api/pairings/${encodeURIComponent(id)}`;

export const pairingsApi = {
  list: (params: PairingListParams, signal?: AbortSignal) => api.get<PairingList>('/api/pairings', params, { signal }),
  get: (id: string, signal?: AbortSignal) => api.get<PairingDetail>(pairingPath(id), undefined, { signal }),
  create: (input: CreatePairingBody) => api.post<PairingDetail>('/api/pairings', input),
  update: (id: string, input: UpdatePairingBody) => api.patch<PairingDetail>(pairingPath(id), input),
  /** The list as filtered, as an Excel workbook. */
  exportList: (params: PairingListParams) =>
    requestFile('/api/pairings/export.xlsx', { query: withoutPage(params) as Query }),
  programmes: (signal?: AbortSignal) => api.get<ProgrammeList>('/api/programmes', undefined, { signal }),
};
