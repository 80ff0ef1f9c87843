import type { FastifyInstance, InjectOptions } from 'fastify';
import { loadConfig } from '../config.ts';
import { buildApp } from '../app.ts';
import { nodeCryptoProvider } from '../security/crypto-provider.ts';
import type { AppDeps, RequestContext } from '../http/context.ts';
import { openTestDatabase } from './test-database.ts';
import { totpClock, totpCodeAt } from '../security/totp.ts';
import type { Engine } from './test-engines.ts';
import type { Database } from '../db/database.ts';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  deps: AppDeps;
  /** A context acting as the system (no user), for seeding through services. */
  systemCtx: RequestContext;
  client: () => TestClient;
  close: () => Promise<void>;
}

export async function createTestApp(engine: Engine, env: Record<string, string> = {}): Promise<TestApp> {
  const database = await openTestDatabase(engine);
  const config = loadConfig({
    DATA_DIR: database.dataDir,
    PASSWORD_KDF_ITERATIONS: '1000',
    // Tests fire requests faster than any person; the limits have their own tests, which set them.
    RATE_LIMIT_API_PER_MINUTE: '0',
    RATE_LIMIT_OPEN_DATA_PER_MINUTE: '0',
    RATE_LIMIT_PUBLIC_PER_MINUTE: '0',
    LOGIN_ADDRESS_MAX_PER_MINUTE: '0',
    LOG_LEVEL: 'silent',
    ...env,
  });
  const deps: AppDeps = { db: database.db, config, crypto: nodeCryptoProvider, auditKey: Buffer.alloc(32, 7) };
  const app = await buildApp(deps, { logger: false, serveWeb: false });
  await app.ready();
  const systemCtx: RequestContext = { db: database.db, actor: null, requestId: 'test', ip: '127.0.0.1', deps };
  return {
    app,
    database,
    deps,
    systemCtx,
    client: () => new TestClient(app),
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/**
 * The authenticator app of the test users who have one. TOTP codes are checked against a clock that moves one
 * 30-second step per code made here, so a test can sign the same user in many times without waiting (a code, like a
 * step, is accepted once). Tests register a user's key when they enrol it.
 */
const testTime = { ms: Date.now() };
totpClock.nowMs = () => testTime.ms;
export const testAuthenticator = {
  secrets: new Map<string, string>(),
  /** The code the user's phone would show after the next step. */
  async nextCode(username: string): Promise<string> {
    testTime.ms += 30_000;
    return totpCodeAt(this.secrets.get(username.toLowerCase())!, testTime.ms);
  },
  /** The code of the step now (for a test that checks replay). */
  currentCode(username: string): Promise<string> {
    return totpCodeAt(this.secrets.get(username.toLowerCase())!, testTime.ms);
  },
};

/** A browser-like client: keeps the session cookie and sends the CSRF token the server handed out. */
export class TestClient {
  cookie = '';
  csrf = '';
  constructor(private app: FastifyInstance) {}

  async request(method: InjectOptions['method'], url: string, body?: unknown, headers: Record<string, string> = {}) {
    const res = await this.app.inject({
      method,
      url,
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(method !== 'GET' ? { 'x-csrf-token': this.csrf || 'anonymous' } : {}),
        ...(body !== undefined && typeof body !== 'string' ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      payload: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const set = res.headers['set-cookie'];
    for (const c of [set].flat()) {
      if (!c) continue;
      const [pair] = c.split(';');
      this.cookie = pair!.endsWith('=') ? '' : pair!;
    }
    return res;
  }

  get = (url: string, headers?: Record<string, string>) => this.request('GET', url, undefined, headers);
  post = (url: string, body?: unknown, headers?: Record<string, string>) =>
    this.request('POST', url, body ?? {}, headers);
  patch = (url: string, body?: unknown, headers?: Record<string, string>) =>
    this.request('PATCH', url, body ?? {}, headers);
  delete = (url: string, headers?: Record<string, string>) => this.request('DELETE', url, undefined, headers);

  /** Signs in; for a user whose authenticator the tests hold, answers the second-factor step as the user would. */
  async login(username: string, password: string) {
    let res = await this.post('/api/auth/login', { username, password });
    if (
      res.statusCode === 401 &&
      res.json().error.code === 'totp_required' &&
      testAuthenticator.secrets.has(username.toLowerCase())
    )
      res = await this.post('/api/auth/login', {
        username,
        password,
        totpCode: await testAuthenticator.nextCode(username),
      });
    if (res.statusCode === 200) this.csrf = res.json().csrfToken;
    return res;
  }

  /** Sets up TOTP for the signed-in user through the API and keeps the key as the user's phone would. */
  async enrolTotp(username: string, password: string): Promise<string[]> {
    const started = await this.post('/api/auth/totp/enrolment', { currentPassword: password });
    if (started.statusCode !== 200) throw new Error(`TOTP enrolment: ${started.statusCode} ${started.body}`);
    testAuthenticator.secrets.set(username.toLowerCase(), started.json().secret);
    const confirmed = await this.post('/api/auth/totp/confirm', { code: await testAuthenticator.nextCode(username) });
    if (confirmed.statusCode !== 200) throw new Error(`TOTP confirmation: ${confirmed.statusCode} ${confirmed.body}`);
    return confirmed.json().recoveryCodes;
  }
}
