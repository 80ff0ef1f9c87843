import { api } from '../../../app/api-client.ts';
import type {
  CreateOrganisationInput,
  OrganisationItem,
  OrganisationList,
  UpdateOrganisationInput,
} from '../../../app/api-types.ts';

export interface OrganisationQuery {
  q?: string;
  kind?: OrganisationItem['kind'];
  regionCode?: string;
  active?: 'true' | 'false';
  page?: number;
  pageSize?: number;
}

export const organisationsApi = {
  list: (query: OrganisationQuery, signal?: AbortSignal) =>
    api.get<OrganisationList>('/api/organisations', { ...query }, { signal }),
  get: (id: string, signal?: AbortSignal) =>
    api.get<OrganisationItem>(`/api/organisations/${encodeURIComponent(id)}`, undefined, { signal }),
  create: (input: CreateOrganisationInput) => api.post<OrganisationItem>('/api/organisations', input),
  update: (id: string, input: UpdateOrganisationInput) =>
    api.patch<OrganisationItem>(`/api/organisations/${encodeURIComponent(id)}`, input),
};
