import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { lockDataDir } from './data-dir-lock.ts';
import { listenForChanges, loadImpliedWrites, trackWrites, type DataVersion } from './data-version.ts';
import { ReplicaSet, RoutingPool, StatementTurns } from './routing.ts';
import { registerTableUpkeep, TableUpkeep } from './table-upkeep.ts';
import { repoPath } from '../repo-path.ts';

/**
 * Queries name their tables themselves (the builder API), so the handle needs no schema: the database layer stays
 * free of the modules' tables, which src/server/schema.ts gathers for drizzle-kit.
 */
export type Db = NodePgDatabase;
/** A transaction handle has the same query surface as the database. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  /** The primary's pool (PostgreSQL) or the worker's (PGlite). */
  pool: pg.Pool;
  engine: 'pglite' | 'postgres';
  /** Streaming replicas that take reads (PostgreSQL with DATABASE_REPLICA_URLS); null otherwise. */
  replicas: ReplicaSet | null;
  version: DataVersion;
  close: () => Promise<void>;
}

export interface OpenOptions {
  databaseUrl?: string;
  /** Streaming replicas of databaseUrl's server (same database name), for reads (README, operation). */
  replicaUrls?: readonly string[];
  dataDir: string;
  poolSize?: number;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  const opened = opts.databaseUrl
    ? await openPostgres(opts.databaseUrl, opts.poolSize ?? 10, opts.replicaUrls ?? [])
    : await openPglite(opts.dataDir);
  try {
    await migrate(opened.db, { migrationsFolder: repoPath('drizzle') });
    // After the migrations, which may add foreign keys and triggers: what changes with what.
    await loadImpliedWrites(opened.pool, opened.version);
    await opened.replicas?.start();
  } catch (err) {
    await opened.close();
    throw err;
  }
  return opened;
}

async function openPostgres(url: string, max: number, replicaUrls: readonly string[]): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle client whose server connection drops (restart, failover) must not take the process down; the pool replaces it.
  pool.on('error', (err) => console.error(`数据库连接中断 / database connection lost: ${err.message}`));
  const replicas = replicaUrls.length ? new ReplicaSet(replicaUrls, max) : null;
  // Drizzle is given the routing pool: reads outside transactions may go to a replica (routing.ts).
  const routing = new RoutingPool(pool, replicas);
  const db = drizzle(routing as unknown as pg.Pool, { casing: 'snake_case' });
  const version = trackWrites(pool, db, { notify: true });
  version.replicas = replicas;
  if (replicas) replicas.afterPoll = () => version.seeReplicas();
  let stopListening: () => Promise<void>;
  try {
    stopListening = await listenForChanges(url, version);
  } catch (err) {
    await routing.end();
    throw err;
  }
  return {
    db,
    pool,
    engine: 'postgres',
    replicas,
    version,
    close: async () => {
      await stopListening();
      await routing.end();
    },
  };
}

/**
 * PGlite lives in a worker behind a private Unix socket (see pglite-worker.mjs), reached by two connections. PGlite
 * runs one statement at a time anyway, and the worker takes the connections' statements in turn (a transaction
 * keeps it to itself until it ends); the turns are decided here (StatementTurns). With one connection the worker sat
 * idle from each answer until the next statement came, since the main thread reads the answer and sends the next
 * only when its event loop gets there (under 64 requests, more than half the worker's time in a profile of the
 * meetings list); with two, the next one is already waiting there. Each connection prepares its own named
 * statements (routing.ts, StatementNames) in PGlite's one backend, so twice as many plans are kept.
 * (pglite-socket 0.2.17, which the worker used before, split connections' protocol messages around an open
 * transaction, so that a query could be answered with another query's rows: bench/pglite-socket-interleave.ts.)
 */
const PGLITE_CONNECTIONS = 2;

async function openPglite(dataDir: string): Promise<Database> {
  const max = PGLITE_CONNECTIONS;
  const lock = lockDataDir(dataDir);
  const dbDir = path.join(dataDir, 'pglite');
  fs.mkdirSync(dbDir, { recursive: true });
  // A short private directory: socket paths are limited to ~100 bytes and nobody else may connect.
  const socketDir = fs.mkdtempSync(path.join(os.tmpdir(), 'duikou-'));
  fs.chmodSync(socketDir, 0o700);
  const worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), {
    workerData: { dataDir: dbDir, socketPath: path.join(socketDir, '.s.PGSQL.5432'), maxConnections: max + 2 },
  });
  const cleanupFiles = () => {
    fs.rmSync(socketDir, { recursive: true, force: true });
    lock.release();
  };
  try {
    await new Promise<void>((resolve, reject) => {
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`PGlite worker exited with code ${code}`)));
      worker.on('message', (m: { type: string; message?: string }) => {
        if (m.type === 'ready') resolve();
        if (m.type === 'error') reject(new Error(`PGlite 启动失败 / PGlite failed to start: ${m.message}`));
      });
    });
  } catch (err) {
    await worker.terminate();
    cleanupFiles();
    throw err;
  }
  worker.removeAllListeners('exit');
  // The connections are kept for the process's life (no idle timeout): PGlite's one backend keeps each connection's
  // prepared statements (routing.ts, StatementNames) after it closes, so a new connection every idle spell would
  // pile them up.
  const pool = new pg.Pool({
    host: socketDir,
    port: 5432,
    user: 'postgres',
    database: 'postgres',
    max,
    idleTimeoutMillis: 0,
  });
  // Through the routing pool too, without replicas: it notes each statement's tables for the caches.
  // Statements take turns shortest expected first, so a heavy read does not hold up light ones.
  const db = drizzle(new RoutingPool(pool, null, new StatementTurns(max)) as unknown as pg.Pool, {
    casing: 'snake_case',
  });
  const version = trackWrites(pool, db, { notify: false });
  // PGlite runs no autovacuum: the app vacuums and analyzes (table-upkeep.ts, kernel/jobs/table-upkeep-job.ts).
  registerTableUpkeep(db, new TableUpkeep(pool));
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      await pool.end();
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 10_000);
        worker.on('message', (m: { type: string }) => {
          if (m.type === 'closed' || m.type === 'error') {
            clearTimeout(timer);
            resolve();
          }
        });
        worker.postMessage({ type: 'close' });
      });
      await worker.terminate();
      cleanupFiles();
    })());
  return { db, pool, engine: 'pglite', replicas: null, version, close };
}
