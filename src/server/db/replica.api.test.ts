import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import type { AppDeps } from '../http/context.ts';
import { systemContext } from '../http/system-actor.ts';
import { READ_YOUR_WRITES_COOKIE } from '../http/db-context.ts';
import { nodeCryptoProvider } from '../security/crypto-provider.ts';
import { buildOrgUser, DEMO_PASSWORD } from '../seed/builders.ts';
import { openTestDatabase } from '../testing/test-database.ts';
import { openDatabase, type Database } from './database.ts';
import { parseLsn } from './routing.ts';

/**
 * Reads routed to a streaming replica, with read-your-writes, across two app instances over one primary (each with
 * its own pools, caches and change listener, as two processes have). Needs a real replica of TEST_DATABASE_URL's
 * server: .ci/run makes one with `pg_basebackup -R` and sets TEST_REPLICA_URL; locally,
 * `.ci/pg-cluster.sh replica DIR PORT PRIMARY_PORT` makes one of a cluster started with `.ci/pg-cluster.sh start`.
 */
const replicaServer = process.env.TEST_REPLICA_URL;
if (process.env.CI && process.env.TEST_DATABASE_URL && !replicaServer)
  throw new Error('CI must run the replica test: .ci/run sets TEST_REPLICA_URL');
const reason = replicaServer ? '' : ' (skipped: TEST_REPLICA_URL is not set; .ci/run sets it)';

/** Until `fn` gives `want` (expect.poll only works inside a test, and set-up needs it too). */
async function until<T>(fn: () => Promise<T>, want: T, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const got = await fn();
    if (got === want) return;
    if (Date.now() > deadline) throw new Error(`still ${String(got)}, not ${String(want)}, after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A browser's cookie jar over app.inject: the session cookie and the read-your-writes one. */
class Browser {
  cookies = new Map<string, string>();
  csrf = '';
  async request(app: FastifyInstance, method: 'GET' | 'POST', url: string, body?: unknown) {
    const res = await app.inject({
      method,
      url,
      headers: {
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(method !== 'GET' ? { 'x-csrf-token': this.csrf || 'anonymous', 'content-type': 'application/json' } : {}),
      },
      payload: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const c of [res.headers['set-cookie']].flat()) {
      if (!c) continue;
      const [pair] = c.split(';');
      const [name, value] = pair!.split('=');
      if (value) this.cookies.set(name!, value);
      else this.cookies.delete(name!);
    }
    return res;
  }
  async login(app: FastifyInstance, username: string) {
    const res = await this.request(app, 'POST', '/api/auth/login', { username, password: DEMO_PASSWORD });
    expect(res.statusCode, res.body).toBe(200);
    this.csrf = res.json().csrfToken;
  }
}

describe.skipIf(!replicaServer)(`reads on a streaming replica, two app instances over one primary${reason}`, () => {
  let primary: Database & { dataDir: string };
  const instances: { database: Database; app: FastifyInstance; deps: AppDeps }[] = [];
  let replicaAdmin: pg.Client;
  let programmeId: string;
  const setDelay = async (value: string | null) => {
    await replicaAdmin.query(
      value === null
        ? 'ALTER SYSTEM RESET recovery_min_apply_delay'
        : `ALTER SYSTEM SET recovery_min_apply_delay = '${value}'`,
    );
    await replicaAdmin.query('SELECT pg_reload_conf()');
    await until(
      async () => (await replicaAdmin.query('SHOW recovery_min_apply_delay')).rows[0].recovery_min_apply_delay,
      value ?? '0',
      5_000,
    );
  };
  /** Until the replica has replayed everything the primary has written so far. */
  const replicaCaughtUp = async () => {
    const { rows } = await primary.pool.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
    expect(await instances[0]!.database.replicas!.waitFor(parseLsn(rows[0]!.lsn), 10_000)).toBe(true);
  };

  beforeAll(async () => {
    primary = await openTestDatabase('postgres');
    const url = (primary.pool.options as { connectionString: string }).connectionString;
    const replicaUrl = new URL(replicaServer!);
    replicaUrl.pathname = new URL(url).pathname;
    replicaAdmin = new pg.Client({ connectionString: replicaServer });
    await replicaAdmin.connect();
    await setDelay(null);
    // The new database reaches the replica with the WAL.
    const name = replicaUrl.pathname.slice(1);
    await until(
      async () =>
        (await replicaAdmin.query('SELECT count(*)::int AS n FROM pg_database WHERE datname = $1', [name])).rows[0].n,
      1,
      15_000,
    );
    for (let i = 0; i < 2; i++) {
      const database = await openDatabase({
        dataDir: primary.dataDir,
        databaseUrl: url,
        replicaUrls: [replicaUrl.toString()],
      });
      const config = loadConfig({ DATA_DIR: primary.dataDir, PASSWORD_KDF_ITERATIONS: '1000', LOG_LEVEL: 'silent' });
      const deps: AppDeps = { db: database.db, config, crypto: nodeCryptoProvider, auditKey: Buffer.alloc(32, 7) };
      const app = await buildApp(deps, { logger: false, serveWeb: false });
      await app.ready();
      instances.push({ database, app, deps });
    }
    for (const username of ['office-one', 'office-two'])
      await buildOrgUser(systemContext(instances[0]!.deps), {
        username,
        regionCode: '000000',
        roles: ['national_office'],
        kind: 'national_office',
      });
    programmeId = (
      await primary.pool.query<{ id: string }>(`INSERT INTO programmes (name) VALUES ('只读副本测试方案') RETURNING id`)
    ).rows[0]!.id;
  });

  afterAll(async () => {
    await setDelay(null).catch(() => undefined);
    await replicaAdmin?.end();
    for (const i of instances) {
      await i.app.close();
      await i.database.close();
    }
    await primary?.close();
  });

  it('shows a user their own write at once while other reads go to the replica', async () => {
    const [a, b] = instances as [(typeof instances)[0], (typeof instances)[0]];
    const writer = new Browser();
    const reader = new Browser();
    await writer.login(a.app, 'office-one');
    await reader.login(b.app, 'office-two');
    expect(writer.cookies.has(READ_YOUR_WRITES_COOKIE)).toBe(true);
    // The reader's session is on the replica once it has caught up; from then on its reads need not be pinned.
    await replicaCaughtUp();
    reader.cookies.delete(READ_YOUR_WRITES_COOKIE);
    const list = await reader.request(b.app, 'GET', '/api/pairings?pageSize=5');
    expect(list.statusCode, list.body).toBe(200);

    // The replica now applies each commit three seconds late: a read from it misses what was just written.
    await setDelay('3s');
    const sentAlone = vi.spyOn(a.database.pool, 'query');
    const created = await writer.request(a.app, 'POST', '/api/pairings', {
      programmeId,
      level: 'province',
      sideA: ['220000'],
      sideB: ['330000'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    // The WAL position, as the cookie carries it (URL-encoded: 0%2F16B3D40 is 0/16B3D40), came back with the
    // transaction's COMMIT: no statement of its own after the write.
    const pin = decodeURIComponent(writer.cookies.get(READ_YOUR_WRITES_COOKIE) ?? '');
    expect(pin).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);
    const texts = sentAlone.mock.calls.map(([q]) => (typeof q === 'string' ? q : (q as { text?: string }).text));
    sentAlone.mockRestore();
    expect(texts.filter((t) => t?.startsWith('SELECT pg_current_wal_lsn()'))).toEqual([]);
    // It is past the commit: once the replica has received the WAL up to it, it still holds the commit back (three
    // seconds) and so has not replayed up to it.
    const replica = async (fn: string) =>
      parseLsn((await replicaAdmin.query(`SELECT ${fn}()::text AS lsn`)).rows[0].lsn as string);
    await expect.poll(async () => (await replica('pg_last_wal_receive_lsn')) >= parseLsn(pin)).toBe(true);
    expect(await replica('pg_last_wal_replay_lsn')).toBeLessThan(parseLsn(pin));

    // The writer, on the other instance, sees the new pairing at once: its reads wait for a replica that has
    // replayed its write, and none has, so they go to the primary.
    const servedBefore = b.database.replicas!.served;
    const own = await writer.request(b.app, 'GET', `/api/pairings/${id}`);
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().id).toBe(id);
    expect(b.database.replicas!.served).toBe(servedBefore);

    // Another user's read goes to the replica, which has not replayed it yet.
    const other = await reader.request(b.app, 'GET', `/api/pairings/${id}`);
    expect(other.statusCode).toBe(404);
    expect(b.database.replicas!.served).toBeGreaterThan(servedBefore);

    // Once the replica has replayed the write, the other user sees it too, from the replica.
    await setDelay(null);
    await expect
      .poll(async () => (await reader.request(b.app, 'GET', `/api/pairings/${id}`)).statusCode, {
        timeout: 15_000,
        interval: 200,
      })
      .toBe(200);
  });

  // Last: the commit announced here is never replayed, so instance b stays behind for the rest of the file.
  it('keeps serving kept answers while a replica is behind a known commit, and keeps new ones as of before it', async () => {
    const [a, b] = instances as [(typeof instances)[0], (typeof instances)[0]];
    const writer = new Browser();
    const reader = new Browser();
    await writer.login(a.app, 'office-one');
    await reader.login(b.app, 'office-two');
    await replicaCaughtUp();
    reader.cookies.delete(READ_YOUR_WRITES_COOKIE);
    const get = (url: string) => reader.request(b.app, 'GET', url);
    const kept = '/api/pairings?pageSize=5';
    await expect.poll(async () => (await get(kept)).headers['x-cache'], { timeout: 10_000 }).toBe('hit');

    // Another process announces a commit (of a table these lists do not read) at a position no replica will reach.
    const other = new pg.Client({
      connectionString: (primary.pool.options as { connectionString: string }).connectionString,
    });
    await other.connect();
    await other.query(`SELECT pg_notify('duikou_data_changed', 'another process|unrelated_probe|FFFFFFFF/0')`);
    await other.end();
    await expect.poll(() => b.database.replicas!.caughtUp(), { timeout: 5_000 }).toBe(false);

    // What was kept still stands: nothing it read has changed.
    expect((await get(kept)).headers['x-cache']).toBe('hit');
    // A new answer, read from a replica that may lack that commit, is kept as of before it.
    const fresh = '/api/pairings?pageSize=6';
    const before = await get(fresh);
    expect(before.headers['x-cache']).not.toBe('hit');
    expect((await get(fresh)).headers['x-cache']).toBe('hit');

    // A new pairing, written through the other instance: once b hears of it, neither answer is kept any more, and
    // the list shows it as soon as the replica has replayed it.
    const created = await writer.request(a.app, 'POST', '/api/pairings', {
      programmeId,
      level: 'province',
      sideA: ['210000'],
      sideB: ['320000'],
    });
    expect(created.statusCode, created.body).toBe(201);
    await expect
      .poll(async () => (await get(fresh)).json().total, { timeout: 15_000, interval: 200 })
      .toBe(before.json().total + 1);
    expect((await get(kept)).json().total).toBe(before.json().total + 1);
  });
});
