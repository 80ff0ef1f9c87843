import { ApiClient } from './api-client.ts';

// Throwaway credentials for a throwaway data directory; they satisfy the dengbao-l3 policy (≥ 8, 3 classes).
export const BENCH_ADMIN = { username: 'benchadmin', password: 'Bench-Admin-2026!' };
export const BENCH_NATIONAL = { username: 'benchnational', password: 'Bench-National-2026!' };
const ADMIN_SET_PASSWORD = 'Set-By-Admin-2026!';

/**
 * Signed in as the administrator made by `createAdminWithCli(target, BENCH_ADMIN…)`: a national-office
 * organisation and its user through the API, as an operator would; answers that user signed in, having replaced
 * the password the administrator set (the first sign-in asks for that before anything else).
 */
export async function signInNationalOffice(baseUrl: string): Promise<ApiClient> {
  const admin = new ApiClient(baseUrl);
  await admin.login(BENCH_ADMIN.username, BENCH_ADMIN.password);
  const org = await admin.ok<{ id: string }>('POST', '/api/organisations', {
    name: '基准测试国家对口合作办',
    kind: 'national_office',
    regionCode: '000000',
  });
  await admin.ok('POST', '/api/users', {
    username: BENCH_NATIONAL.username,
    displayName: '基准测试用户',
    organisationId: org.id,
    roles: ['national_office'],
    password: ADMIN_SET_PASSWORD,
  });
  const user = new ApiClient(baseUrl);
  await user.login(BENCH_NATIONAL.username, ADMIN_SET_PASSWORD);
  await user.ok('POST', '/api/auth/password', {
    currentPassword: ADMIN_SET_PASSWORD,
    newPassword: BENCH_NATIONAL.password,
  });
  return user;
}
