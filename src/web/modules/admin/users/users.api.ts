import { api } from '../../../app/api-client.ts';
import type { CreateUserInput, UpdateUserInput, UserItem, UserList } from '../../../app/api-types.ts';

export interface UserQuery {
  q?: string;
  organisationId?: string;
  role?: UserItem['roles'][number];
  active?: 'true' | 'false';
  page?: number;
  pageSize?: number;
}

const path = (id: string) => `/api/users/${encodeURIComponent(id)}`;

export const usersApi = {
  list: (query: UserQuery, signal?: AbortSignal) => api.get<UserList>('/api/users', { ...query }, { signal }),
  create: (input: CreateUserInput) => api.post<UserItem>('/api/users', input),
  update: (id: string, input: UpdateUserInput) => api.patch<UserItem>(path(id), input),
  unlock: (id: string) => api.post<unknown>(`${path(id)}/unlock`, {}),
  resetPassword: (id: string, password: string) => api.post<unknown>(`${path(id)}/password`, { password }),
};
