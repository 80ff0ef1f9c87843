import type {
  OrganisationUserInput,
  Registration,
  RegistrationDecisionInput,
  RegistrationInput,
} from '../../../common/api/listings.ts';
import type { UserItem, UserList } from '../../../common/api/users.ts';
import { api } from '../../app/api-client.ts';

/** Self-registration (public), its review by a pairing office, and an approved organisation's own accounts. */
export const registrationsApi = {
  register: (input: RegistrationInput) => api.post<{ id: string; state: string }>('/api/registrations', input),
  list: (signal?: AbortSignal) => api.get<{ items: Registration[] }>('/api/registrations', undefined, { signal }),
  decide: (id: string, input: RegistrationDecisionInput) =>
    api.post<Registration>(`/api/registrations/${encodeURIComponent(id)}/decision`, input),
  users: (params: { page: number; pageSize: number }, signal?: AbortSignal) =>
    api.get<UserList>('/api/organisation-users', params, { signal }),
  invite: (input: OrganisationUserInput) => api.post<UserItem>('/api/organisation-users', input),
  setActive: (id: string, version: number, active: boolean) =>
    api.patch<UserItem>(`/api/organisation-users/${encodeURIComponent(id)}`, { version, active }),
};
