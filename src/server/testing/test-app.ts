import type { FastifyInstance, InjectOptions } from 'fastify';
import { loadConfig } from '../config.ts';
import { buildApp } from '../app.ts';
import { nodeCryptoProvider } from '../security/crypto-provider.ts';
import type { AppDeps, RequestContext } from '../http/context.ts';
import { openTestDatabase } from './test-database.ts';
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

  async login(username: string, password: string) {
    const res = await this.post('/api/auth/login', { username, password });
    if (res.statusCode === 200) this.csrf = res.json().csrfToken;
    return res;
  }
}
