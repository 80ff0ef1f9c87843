import type {
  ChangePasswordBody,
  LoginBody,
  Me,
  RecoveryCodes,
  SetupBody,
  SetupStatus,
  TotpConfirmBody,
  TotpDisableBody,
  TotpEnrolment,
  TotpEnrolmentBody,
} from '../../../common/api/auth.ts';
import type { Ok } from '../../../common/api/common.ts';
import { api } from '../../app/api-client.ts';

// Signing in and out and the session probe answer 401 themselves: they do not send the user to the login page.
const quiet = { quietUnauthorized: true };

export const authApi = {
  me: (signal?: AbortSignal) => api.get<Me>('/api/auth/me', undefined, { ...quiet, signal }),
  login: (input: LoginBody) => api.post<Me>('/api/auth/login', input, quiet),
  logout: () => api.post<Ok>('/api/auth/logout', {}, quiet),
  changePassword: (input: ChangePasswordBody) => api.post<Ok>('/api/auth/password', input),
  /** Whether the first administrator is still to be created, and the deployment's password policy. */
  setupStatus: (signal?: AbortSignal) => api.get<SetupStatus>('/api/setup/status', undefined, { signal }),
  setup: (input: SetupBody) => api.post<Ok>('/api/setup', input),
  /** Two-factor authentication (TOTP): start with the password, confirm with a code, turn off with the password. */
  startTotp: (input: TotpEnrolmentBody) => api.post<TotpEnrolment>('/api/auth/totp/enrolment', input),
  confirmTotp: (input: TotpConfirmBody) => api.post<RecoveryCodes>('/api/auth/totp/confirm', input),
  disableTotp: (input: TotpDisableBody) => api.post<Ok>('/api/auth/totp/disable', input),
};
