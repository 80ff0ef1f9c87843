import fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import pg from 'pg';
import { runToCompletion } from './processes.ts';
import { REPO } from './duikou-server.ts';
import { addOwnRoot } from './cpu-meter.ts';

/** The postmaster of a cluster the bench started: its CPU is the bench's own work, not other load. */
function countAsOwn(dataDir: string) {
  try {
    addOwnRoot(Number(fs.readFileSync(`${dataDir}/postmaster.pid`, 'utf8').split('\n')[0]));
  } catch {
    // not readable: its CPU is then counted as other load
  }
}

const PG_BIN = '/usr/lib/postgresql/15/bin';
// BENCH_PG_PORT moves the cluster (and its replica, one port up) so two benches can run on one machine.
const CLUSTER_PORT = Number(process.env.BENCH_PG_PORT ?? 55440);
const CLUSTER_DIR = process.env.BENCH_PG_PORT ? `/tmp/bench-pg-${CLUSTER_PORT}` : '/tmp/bench-pg';
const REPLICA_PORT = CLUSTER_PORT + 1;
const REPLICA_DIR = `${CLUSTER_DIR}-replica`;

export interface PgServer {
  url: string;
  /** True when the bench started the cluster itself (and so stops it). */
  own: boolean;
  stop: () => Promise<void>;
}

/**
 * BENCH_DATABASE_URL when set; otherwise a throwaway PostgreSQL 15 cluster through .ci/pg-cluster.sh when the
 * binaries are installed; otherwise null (the PostgreSQL rows are skipped with a note).
 */
export async function acquirePostgres(): Promise<PgServer | null> {
  const given = process.env.BENCH_DATABASE_URL;
  if (given) return { url: given, own: false, stop: async () => {} };
  if (!fs.existsSync(PG_BIN)) return null;
  const script = `${REPO}/.ci/pg-cluster.sh`;
  if (fs.existsSync(CLUSTER_DIR)) {
    // Left over from an interrupted run.
    await runToCompletion(script, ['stop', CLUSTER_DIR], { cwd: REPO }).catch(() => {});
    fs.rmSync(CLUSTER_DIR, { recursive: true, force: true });
  }
  const out = await runToCompletion(script, ['start', CLUSTER_DIR, String(CLUSTER_PORT)], {
    cwd: REPO,
    timeoutMs: 60_000,
  });
  const url = out.trim().split('\n').pop()!.trim();
  countAsOwn(`${CLUSTER_DIR}/pgdata`);
  return {
    url,
    own: true,
    stop: async () => {
      await stopReplica();
      await runToCompletion(script, ['stop', CLUSTER_DIR], { cwd: REPO }).catch(() => {});
      fs.rmSync(CLUSTER_DIR, { recursive: true, force: true });
    },
  };
}

async function stopReplica() {
  if (!fs.existsSync(REPLICA_DIR)) return;
  await runToCompletion(`${REPO}/.ci/pg-cluster.sh`, ['stop', REPLICA_DIR], { cwd: REPO }).catch(() => {});
  fs.rmSync(REPLICA_DIR, { recursive: true, force: true });
}

/**
 * A streaming replica of the bench's own cluster (.ci/pg-cluster.sh replica: pg_basebackup -R, hot standby), on
 * the same machine; stopped with the cluster. Returns its server URL.
 */
export async function acquireReplica(): Promise<string> {
  await stopReplica();
  const out = await runToCompletion(
    `${REPO}/.ci/pg-cluster.sh`,
    ['replica', REPLICA_DIR, String(REPLICA_PORT), String(CLUSTER_PORT)],
    { cwd: REPO, timeoutMs: 120_000 },
  );
  countAsOwn(`${REPLICA_DIR}/pgdata`);
  return out.trim().split('\n').pop()!.trim();
}

/** For the exit path (signal, watchdog): stop the cluster the bench started, synchronously. */
export function stopOwnClusterSync() {
  if (fs.existsSync(`${REPLICA_DIR}/pgdata`)) {
    spawnSync(`${REPO}/.ci/pg-cluster.sh`, ['stop', REPLICA_DIR], { cwd: REPO, stdio: 'ignore', timeout: 30_000 });
    fs.rmSync(REPLICA_DIR, { recursive: true, force: true });
  }
  if (!fs.existsSync(`${CLUSTER_DIR}/pgdata`)) return;
  spawnSync(`${REPO}/.ci/pg-cluster.sh`, ['stop', CLUSTER_DIR], { cwd: REPO, stdio: 'ignore', timeout: 30_000 });
  fs.rmSync(CLUSTER_DIR, { recursive: true, force: true });
}

export function databaseUrl(serverUrl: string, database: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${database}`;
  return u.toString();
}

async function withAdmin<T>(serverUrl: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A fresh, empty database on the server, named with the bench's prefix so cleanup can find it. */
export async function createDatabase(serverUrl: string, name: string): Promise<string> {
  if (!/^duikou_bench_[a-z0-9_]+$/.test(name)) throw new Error(`bad database name ${name}`);
  await withAdmin(serverUrl, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${name}`);
  });
  return databaseUrl(serverUrl, name);
}

export async function dropDatabase(serverUrl: string, name: string) {
  if (!/^duikou_bench_[a-z0-9_]+$/.test(name)) throw new Error(`bad database name ${name}`);
  await withAdmin(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

export async function serverVersion(serverUrl: string): Promise<string> {
  return withAdmin(serverUrl, async (c) => {
    const { rows } = await c.query<{ v: string; s: string }>(`SELECT version() AS v, current_setting('fsync') AS s`);
    return `${rows[0].v.split(' on ')[0]} (fsync=${rows[0].s})`;
  });
}
