import type { ProgrammeItem, ProgrammeList } from '../../../common/api/pairings.ts';
import type {
  CreateProgrammeInput,
  ProgrammeGrantList,
  ProgrammeLoadReport,
  UpdateProgrammeInput,
} from '../../../common/api/programmes.ts';
import { api } from '../../app/api-client.ts';

const programmePath = (id: string) => `/api/programmes/${encodeURIComponent(id)}`;

export const programmesApi = {
  list: (signal?: AbortSignal) => api.get<ProgrammeList>('/api/programmes', undefined, { signal }),
  create: (input: CreateProgrammeInput) => api.post<ProgrammeItem>('/api/programmes', input),
  update: (id: string, input: UpdateProgrammeInput) => api.patch<ProgrammeItem>(programmePath(id), input),
  /** The file's JSON as is: the server checks it and names each refused entry. */
  load: (file: unknown) => api.post<ProgrammeLoadReport>('/api/programmes/load', file),
  grants: (id: string, signal?: AbortSignal) =>
    api.get<ProgrammeGrantList>(`${programmePath(id)}/grants`, undefined, { signal }),
  grant: (id: string, username: string) => api.post<ProgrammeGrantList>(`${programmePath(id)}/grants`, { username }),
  revoke: (id: string, userId: string, reason: string) =>
    api.post<ProgrammeGrantList>(`${programmePath(id)}/grants/${encodeURIComponent(userId)}/revoke`, { reason }),
};
