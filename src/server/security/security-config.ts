import { z } from 'zod';
import { ADMIN_ROLES, ROLES, type Role } from '../../common/access/roles.ts';

/** Limits on sign-in and on the API, second-factor and session rules (README, configuration, lists them). */
const schema = z.object({
  /** Sign-in attempts one address may make per minute (0: no limit). */
  LOGIN_ADDRESS_MAX_PER_MINUTE: z.coerce.number().int().min(0).max(100_000).default(20),
  /** Failed sign-ins of one account, from addresses that never signed it in, after which such addresses are refused. */
  LOGIN_ACCOUNT_MAX_FAILURES: z.coerce.number().int().min(5).max(10_000).default(20),
  /** First wait, in seconds, after two failures of one account from one address; it doubles per failure (0: none). */
  LOGIN_BACKOFF_SECONDS: z.coerce.number().int().min(0).max(60).default(1),
  /** Requests per minute to the API per signed-in user, or per address before sign-in (0: no limit). */
  RATE_LIMIT_API_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).default(600),
  /** Requests per minute to the open-data API (/api/open/…) per address, signed in or not (0: no limit of its own). */
  RATE_LIMIT_OPEN_DATA_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).default(120),
  /** Requests per minute to the public portal's pages (/public…) per address (0: no limit). */
  RATE_LIMIT_PUBLIC_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).default(300),
  /** Password hashes computed at once (PBKDF2-SM3); further sign-ins wait their turn. */
  PASSWORD_KDF_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  /** Roles that must sign in with a second factor (TOTP); `none` for none. */
  TOTP_REQUIRED_ROLES: z
    .string()
    .default(ADMIN_ROLES.join(','))
    .transform((v) =>
      v.trim() === 'none'
        ? []
        : v
            .split(',')
            .map((r) => r.trim())
            .filter(Boolean),
    )
    .pipe(z.array(z.enum(ROLES))),
  /** Sessions one user may hold at once; signing in again ends the oldest. */
  SESSION_MAX_CONCURRENT: z.coerce.number().int().min(1).max(100).default(3),
});

export type SecurityConfig = ReturnType<typeof loadSecurityConfig>;

export function loadSecurityConfig(env: NodeJS.ProcessEnv) {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`配置无效 / Invalid configuration:\n${lines}`);
  }
  const e = parsed.data;
  return {
    login: {
      addressPerMinute: e.LOGIN_ADDRESS_MAX_PER_MINUTE,
      accountMaxFailures: e.LOGIN_ACCOUNT_MAX_FAILURES,
      backoffSeconds: e.LOGIN_BACKOFF_SECONDS,
    },
    apiPerMinute: e.RATE_LIMIT_API_PER_MINUTE,
    openDataPerMinute: e.RATE_LIMIT_OPEN_DATA_PER_MINUTE,
    publicPerMinute: e.RATE_LIMIT_PUBLIC_PER_MINUTE,
    kdfConcurrency: e.PASSWORD_KDF_CONCURRENCY,
    totpRequiredRoles: e.TOTP_REQUIRED_ROLES as Role[],
    maxSessions: e.SESSION_MAX_CONCURRENT,
  };
}
