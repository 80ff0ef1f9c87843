import path from 'node:path';
import { z } from 'zod';
import { loadSecurityConfig } from './security/security-config.ts';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/**
 * Connections to the database server that the app's processes on one machine share by default (WORKERS divides
 * them): the processes, the client and PostgreSQL share the same cores, and more statements running at once than
 * that only queue on the cores, where a write's statements wait behind every read of every process instead of
 * going first for a connection (db/routing.ts, StatementSlots: a process's replica reads count among them too).
 */
const DATABASE_CONNECTIONS = 10;

/** Every setting comes from the environment; README.md lists them. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  /** Comma-separated streaming replicas of DATABASE_URL's server, for reads. */
  DATABASE_REPLICA_URLS: z
    .string()
    .optional()
    .transform((v) =>
      (v ?? '')
        .split(',')
        .map((u) => u.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().url())),
  /** App processes sharing the port (PostgreSQL only); 1 runs the server in this process. */
  WORKERS: z.coerce.number().int().min(1).max(64).default(1),
  /** Connections each app process opens to the primary (and to each replica); default: DATABASE_CONNECTIONS / WORKERS. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).optional(),
  PUBLIC_URL: z.string().url().optional(),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 7)
    .default(12),
  COOKIE_SECURE: bool.optional(),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(3).max(10).default(5),
  LOGIN_LOCK_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  PASSWORD_POLICY: z.enum(['dengbao-l3', 'asvs']).default('dengbao-l3'),
  PASSWORD_KDF_ITERATIONS: z.coerce.number().int().min(1000).default(200_000),
  SEED_PROGRAMME: bool.default(true),
  /** The mail server for e-mail notices (smtp:// or smtps://, user and password in the URL); unset, none are sent. */
  SMTP_URL: z.string().url().optional(),
  /** The sender of e-mail notices (default noreply at PUBLIC_URL's host). */
  SMTP_FROM: z.string().min(3).optional(),
  /**
   * The organisation identifier IATI files are reported under (org-id.guide, e.g. CN-USC-<统一社会信用代码>); it
   * prefixes every activity's iati-identifier, so set it once and keep it. The default marks an unregistered instance.
   */
  IATI_REPORTING_ORG_REF: z
    .string()
    .regex(/^[A-Za-z0-9-]{3,60}$/)
    .default('CN-DUIKOU-LOCAL'),
  /** The reporting organisation's name in IATI files (default: each programme's owner office). */
  IATI_REPORTING_ORG_NAME: z.string().min(2).max(200).optional(),
  /** IATI OrganisationType code of the reporting organisation (10: government). */
  IATI_REPORTING_ORG_TYPE: z
    .string()
    .regex(/^\d{2}$/)
    .default('10'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** Without SMTP_FROM, notices come from noreply at the public address's host. */
const smtpFrom = (from: string | undefined, publicUrl: string) =>
  from ?? `Duikou 对口 <noreply@${new URL(publicUrl).hostname}>`;

export type AppConfig = ReturnType<typeof loadConfig>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`配置无效 / Invalid configuration:\n${lines}`);
  }
  const e = parsed.data;
  const publicUrl = e.PUBLIC_URL ?? `http://localhost:${e.PORT}`;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    replicaUrls: e.DATABASE_REPLICA_URLS,
    workers: e.WORKERS,
    poolSize: e.DATABASE_POOL_SIZE ?? Math.max(2, Math.ceil(DATABASE_CONNECTIONS / e.WORKERS)),
    publicUrl,
    session: {
      idleMs: e.SESSION_IDLE_MINUTES * 60_000,
      absoluteMs: e.SESSION_ABSOLUTE_HOURS * 3_600_000,
      cookieSecure: e.COOKIE_SECURE ?? publicUrl.startsWith('https:'),
    },
    login: { maxFailures: e.LOGIN_MAX_FAILURES, lockMs: e.LOGIN_LOCK_MINUTES * 60_000 },
    passwordPolicy: e.PASSWORD_POLICY,
    kdfIterations: e.PASSWORD_KDF_ITERATIONS,
    seedProgramme: e.SEED_PROGRAMME,
    security: loadSecurityConfig(env),
    logLevel: e.LOG_LEVEL,
    smtp: e.SMTP_URL ? { url: e.SMTP_URL, from: smtpFrom(e.SMTP_FROM, publicUrl) } : null,
    iati: { orgRef: e.IATI_REPORTING_ORG_REF, orgName: e.IATI_REPORTING_ORG_NAME, orgType: e.IATI_REPORTING_ORG_TYPE },
  };
}
