import type {
  CreateOrganisationBody,
  OrganisationItem,
  OrganisationList,
  OrganisationListParams,
  UpdateOrganisationBody,
} from '../../../../common/api/organisations.ts';
import { api } from '../../../app/api-client.ts';

const organisationPath = (id: string) => `/api/organisations/${encodeURIComponent(id)}`;

export const organisationsApi = {
  list: (params: OrganisationListParams, signal?: AbortSignal) =>
    api.get<OrganisationList>('/api/organisations', params, { signal }),
  create: (input: CreateOrganisationBody) => api.post<OrganisationItem>('/api/organisations', input),
  update: (id: string, input: UpdateOrganisationBody) => api.patch<OrganisationItem>(organisationPath(id), input),
};
