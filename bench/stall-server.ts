/**
 * Stage 3, run as its own process: `node --import tsx bench/stall-server.ts worker|direct [DIR]`.
 * worker: the app's real openDatabase() (PGlite in a worker thread behind a Unix socket, reached through pg).
 * direct: PGlite.create() on this very thread, as the plain library would be used.
 * A tiny Fastify app serves GET /cheap (no database) and GET /select1; a client in a child process fires both
 * every 5 ms while a heavy GROUP BY runs several times with a 1 s pause after each. Writes DIR/result.json with
 * every latency, split into the idle baseline and the heavy phase.
 */
import { fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import Fastify from 'fastify';
import { PGlite } from '@electric-sql/pglite';
import { openDatabase } from '../src/server/db/database.ts';
import { tempDir, removeDir, REPO } from './lib/duikou-server.ts';

export const HEAVY_SQL = 'SELECT g % 2400 AS k, count(*), sum(g) FROM generate_series(1, 1000000) g GROUP BY 1';
const HEAVY_RUNS = 5;
const IDLE_MS = 2000;
const GAP_MS = 1000;

interface Sample {
  path: string;
  sent: number;
  ms: number;
  status: number;
  error?: string;
}

const mode = process.argv[2];
if (mode !== 'worker' && mode !== 'direct') throw new Error('usage: stall-server.ts worker|direct');
const now = () => performance.timeOrigin + performance.now();

// The parent passes a directory it will remove even if this process is killed; run alone, make one.
const ownDir = !process.argv[3];
const dir = process.argv[3] ?? tempDir(`stall-${mode}`);
let query: (sql: string) => Promise<unknown>;
let close: () => Promise<void>;
let version = '';
if (mode === 'worker') {
  const database = await openDatabase({ dataDir: dir });
  query = (sql) => database.pool.query(sql);
  close = database.close;
  const { rows } = await database.pool.query<{ v: string }>('SELECT version() AS v');
  version = rows[0].v;
} else {
  const dbDir = path.join(dir, 'pglite');
  fs.mkdirSync(dbDir, { recursive: true });
  const pglite = await PGlite.create(dbDir);
  query = (sql) => pglite.query(sql);
  close = () => pglite.close();
  const { rows } = await pglite.query<{ v: string }>('SELECT version() AS v');
  version = rows[0].v;
}

const app = Fastify({ logger: false });
app.get('/cheap', async () => ({ ok: true }));
app.get('/select1', async () => {
  await query('SELECT 1');
  return { ok: true };
});
await app.listen({ port: 0, host: '127.0.0.1' });
const port = (app.server.address() as { port: number }).port;

const client = fork(path.join(REPO, 'bench/stall-client.mjs'), [`http://127.0.0.1:${port}`], {
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
});
const messages: { type: string; samples?: Sample[]; unfinished?: number }[] = [];
let wake: (() => void) | undefined;
client.on('message', (m: { type: string }) => {
  messages.push(m);
  wake?.();
});
async function waitMessage(type: string) {
  for (;;) {
    const i = messages.findIndex((m) => m.type === type);
    if (i >= 0) return messages.splice(i, 1)[0];
    await new Promise<void>((r) => (wake = r));
  }
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

try {
  await waitMessage('ready');
  // Warm both paths (JIT, pool connections) before anything is recorded.
  for (let i = 0; i < 50; i++)
    await Promise.all([fetch(`http://127.0.0.1:${port}/cheap`), fetch(`http://127.0.0.1:${port}/select1`)]);
  await query(HEAVY_SQL);
  await sleep(500);

  client.send('start');
  await waitMessage('started');
  await sleep(300);
  const idleFrom = now();
  await sleep(IDLE_MS);
  const idleTo = now();
  await sleep(200);

  const eld = monitorEventLoopDelay({ resolution: 1 });
  eld.enable();
  const windows: { from: number; to: number }[] = [];
  const phaseFrom = now();
  for (let i = 0; i < HEAVY_RUNS; i++) {
    const from = now();
    await query(HEAVY_SQL);
    windows.push({ from, to: now() });
    await sleep(GAP_MS);
  }
  eld.disable();
  const phaseTo = now();
  client.send('stop');
  const { samples = [], unfinished = 0 } = await waitMessage('samples');

  // Everything sent from the first heavy query's start to the end of the last gap: a request sent just after a
  // query ends still waits for the backlog the query left behind.
  const inPhase = (s: Sample) => s.sent >= phaseFrom && s.sent <= phaseTo;
  const pick = (p: string, pred: (s: Sample) => boolean) => samples.filter((s) => s.path === p && pred(s));
  const result = {
    mode,
    version,
    heavySql: HEAVY_SQL,
    heavyMs: windows.map((w) => w.to - w.from),
    phaseMs: phaseTo - phaseFrom,
    idle: {
      cheap: pick('/cheap', (s) => s.sent >= idleFrom && s.sent < idleTo).map((s) => s.ms),
      select1: pick('/select1', (s) => s.sent >= idleFrom && s.sent < idleTo).map((s) => s.ms),
    },
    heavy: {
      cheap: pick('/cheap', inPhase).map((s) => s.ms),
      select1: pick('/select1', inPhase).map((s) => s.ms),
    },
    errors: samples.filter((s) => s.status !== 200).length,
    unfinished,
    eventLoopDelay: { maxMs: eld.max / 1e6, p99Ms: eld.percentile(99) / 1e6 },
  };
  // Thousands of latencies: into a file in the directory, not through a pipe the parent truncates.
  fs.writeFileSync(path.join(dir, 'result.json'), JSON.stringify(result));
  process.stdout.write(`RESULT written to ${path.join(dir, 'result.json')}\n`);
} finally {
  client.kill('SIGKILL');
  await app.close();
  await close();
  if (ownDir) removeDir(dir);
}
