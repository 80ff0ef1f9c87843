import type { Ok } from '../../../../common/api/common.ts';
import type {
  CreateUserBody,
  EmailSettings,
  EmailSettingsBody,
  ResetPasswordBody,
  UpdateUserBody,
  UserItem,
  UserList,
  UserListParams,
} from '../../../../common/api/users.ts';
import { api } from '../../../app/api-client.ts';

const userPath = (id: string) => `/api/users/${encodeURIComponent(id)}`;

export const usersApi = {
  list: (params: UserListParams, signal?: AbortSignal) => api.get<UserList>('/api/users', params, { signal }),
  create: (input: CreateUserBody) => api.post<UserItem>('/api/users', input),
  update: (id: string, input: UpdateUserBody) => api.patch<UserItem>(userPath(id), input),
  unlock: (id: string) => api.post<Ok>(`${userPath(id)}/unlock`, {}),
  /** For a lost authenticator: the user sets up a new one at the next sign-in. */
  resetTotp: (id: string) => api.post<Ok>(`${userPath(id)}/totp/reset`, {}),
  /** The full e-mail address; the server audits the reveal with its reason. */
  revealEmail: (id: string, reason: string) =>
    api.post<{ email: string | null }>(`${userPath(id)}/email/reveal`, { reason }),
  resetPassword: (id: string, password: string) =>
    api.post<Ok>(`${userPath(id)}/password`, { password } satisfies ResetPasswordBody),
};

/** The signed-in user's own account settings. */
export const accountApi = {
  emailSettings: (signal?: AbortSignal) => api.get<EmailSettings>('/api/account/email', undefined, { signal }),
  setEmailSettings: (input: EmailSettingsBody) => api.patch<EmailSettings>('/api/account/email', input),
};
