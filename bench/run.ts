/**
 * `npm run bench`: measures Duikou and writes docs/BENCHMARKS.md. Never part of the tests.
 *
 *   1. cold start to the first 200 from GET /api/health, on an empty and on an existing database;
 *   2. throughput and p95 of GET /api/dashboard and GET /api/pairings?pageSize=20 at 64 connections, as ratios to a
 *      bare Fastify endpoint measured in the same run;
 *   3. the longest stall of a cheap request while a heavy query runs, PGlite in its worker against PGlite on the
 *      main thread;
 *   4. plans (issue 3): parse time of the seed plans (text, .docx, .pdf); a 40-task plan imported over HTTP (preview
 *      and confirm); the plan tree and the task list of a 5,000-task plan at 64 connections; (issue 15) precision
 *      and recall of sub-pairs and targets on the labelled corpus of plans never seen (also alone: BENCH_STAGES=corpus);
 *   5. projects (issue 4): a 10,000-row project sheet import (time, peak memory); the project ledger, a filtered
 *      ledger and the stats with 100,000 projects at 64 connections; the benefit-sharing statement of a park with
 *      1,000 enterprises over ten years (over HTTP and in the service).
 *
 * Each is done on PGlite and, when one is available, on PostgreSQL: BENCH_DATABASE_URL (a server the bench may
 * create and drop databases named duikou_bench_* on), else a throwaway PostgreSQL 15 cluster started with
 * .ci/pg-cluster.sh when /usr/lib/postgresql/15/bin exists, else the PostgreSQL rows are skipped with a note.
 *
 *   6. meetings and cadres (issue 11): ten roster imports of 2,000 rows over HTTP; meetings, tracked items and
 *      secondments list pages with 5,000 meetings, 50,000 decisions and 20,000 cadres at 64 connections, uncached.
 *   7. web (issue 14): the dashboard's first load in headless Chromium, signed in, empty cache: bytes transferred
 *      (from the browser's network log) and the time to the map drawn; the cost of compressing the API's JSON.
 *
 * Environment: BENCH_STAGES=mixed,cold,load,stall,plans,corpus,projects,listings,evaluations,cooperation,opendata,portal,web (default all), BENCH_RAW=FILE (also write the raw results
 * as JSON), BENCH_REPORT=FILE (write the report there instead of docs/BENCHMARKS.md), BENCH_SCALE=0.05 (stages 4
 * and 5 on a twentieth of the data, to check the bench itself; the report then says its figures are not results),
 * BENCH_LOAD_S=3 (shorter autocannon runs, likewise only for checking), BENCH_PG_PORT=55460 (the bench's own PostgreSQL
 * cluster on another port and directory, for two benches on one machine), BENCH_MIXED_RUNS=scale-out (the mix on
 * PostgreSQL alone, without its read-only run: the scale-out runs and the one-process run they are compared with).
 * `tsx bench/run.ts --from-raw FILE` re-renders the report from such a file without measuring. A check run (BENCH_SCALE
 * or BENCH_LOAD_S) never replaces docs/BENCHMARKS.md: without BENCH_REPORT its report goes to a temp file.
 * Example check of the new stages: BENCH_STAGES=plans,projects BENCH_SCALE=0.05 BENCH_LOAD_S=3 BENCH_REPORT=/tmp/b.md npm run bench
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { measureColdStart, type ColdStartResult } from './cold-start.ts';
import { measureThroughput, type ThroughputResult } from './throughput.ts';
import { measureStall, type StallResult } from './stall.ts';
import { measurePlanParsing, type ParseResult } from './plan-parse.ts';
import { measurePlanCorpus, type CorpusResult } from './plan-corpus.ts';
import { measurePlans, type PlansResult } from './plans.ts';
import { measureListings, type ListingsResult } from './listings.ts';
import { measureProjects, type ProjectsResult } from './projects.ts';
import { measureEvaluations, type EvaluationsResult } from './evaluations.ts';
import { measureCooperation, type CooperationResult } from './cooperation.ts';
import { measureOpenData, type OpenDataResult } from './opendata.ts';
import { measurePortal, type PortalResult } from './portal.ts';
import { measureMixed, scaleOutOnly, type MixedResult } from './mixed.ts';
import { measureFirstLoad, type FirstLoadResult } from './first-load.ts';
import { LOAD } from './lib/load.ts';
import { benchScale } from './lib/scale.ts';
import { REPO, removeAllTempDirs, removeDir, tempDir, type Target } from './lib/duikou-server.ts';
import { machineInfo, type MachineInfo } from './lib/machine.ts';
import {
  acquirePostgres,
  acquireReplica,
  createDatabase,
  databaseUrl,
  dropDatabase,
  serverVersion,
  stopOwnClusterSync,
  type PgServer,
} from './lib/pg-cluster.ts';
import { killAllChildren, runToCompletion } from './lib/processes.ts';
import { setQuietDeadline, type Quietly } from './lib/quiet.ts';
import { renderReport } from './report.ts';

export interface BenchResults {
  machine: MachineInfo;
  pgliteServer: string;
  postgres: { version: string | null; source: string; note?: string };
  cold: ColdStartResult[];
  throughput: ThroughputResult[];
  stall: Quietly<StallResult>[];
  /** Stage 4 (issue 3); absent in results written before it existed. */
  parse?: Quietly<ParseResult>;
  /** Stage 4 or corpus (issue 15): precision and recall of the parser on the labelled corpus. */
  corpus?: CorpusResult;
  plans?: PlansResult[];
  /** Stage 5 (issue 4). */
  projects?: ProjectsResult[];
  /** Stage listings (issue 16): search quality, matches and searches among 200,000 listings, import. */
  listings?: ListingsResult[];
  /** Stage opendata (issue 13): the open-data endpoints without an account at 64 connections. */
  openData?: OpenDataResult[];
  /** Stage portal (issue 13): a pairing's public page in headless Chromium, cold (PGlite). */
  portal?: PortalResult[];
  /** Stage 8 (issue 12): one evaluation round over the 10× data, against hand-written SQL. */
  evaluations?: EvaluationsResult[];
  /** Stage 6 (issue 11): meetings, decisions and cadre records. */
  cooperation?: CooperationResult[];
  /** Stage 7 (issue 14): the dashboard's first load in Chromium. */
  firstLoad?: FirstLoadResult[];
  /** Stage 0, the headline (issue 10): the realistic mix of many users. */
  mixed?: MixedResult[];
  /** The streaming replica the mix's scale-out rows used, when there was one. */
  replica?: { version: string | null; source: string; note?: string };
  /** BENCH_SCALE and the autocannon settings of this run. */
  settings?: { scale: number; load: typeof LOAD };
  stages: string[];
  /** Measurements that failed; the rest of the run goes on and the report lists these. */
  failures: string[];
  /** Said at the top of the report (e.g. that a section was measured in another run, merged with --from-raw). */
  notes?: string[];
  durationS: number;
}

const DOCS_REPORT = path.join(REPO, 'docs/BENCHMARKS.md');
const REPORT = process.env.BENCH_REPORT ? path.resolve(process.env.BENCH_REPORT) : DOCS_REPORT;

/** A check run (smaller data or shorter windows) never replaces the figures in docs/BENCHMARKS.md. */
function writeReport(results: BenchResults) {
  const s = results.settings;
  const check = !!s && (s.scale !== 1 || s.load.durationS !== 10);
  const file =
    check && REPORT === DOCS_REPORT ? path.join(os.tmpdir(), `duikou-bench-check-${process.pid}.md`) : REPORT;
  if (file !== REPORT)
    log(
      `BENCH_SCALE=${s!.scale}, ${s!.load.durationS} s windows: a check run does not replace ${path.relative(REPO, DOCS_REPORT)}`,
    );
  fs.writeFileSync(file, renderReport(results));
  return file;
}
const WATCHDOG_MS = 75 * 60_000;
/** Waiting for a quiet machine and repeating disturbed measurements stop this long after the start. */
const QUIET_BUDGET_MS = 6 * 60_000;
const log = (line: string) => console.log(line);

async function pgliteServerVersion(): Promise<string> {
  const db = await PGlite.create();
  try {
    const { rows } = await db.query<{ v: string }>('SELECT version() AS v');
    return rows[0].v;
  } finally {
    await db.close();
  }
}

async function main(): Promise<void> {
  const fromRaw = process.argv.indexOf('--from-raw');
  if (fromRaw > 0) {
    const results = JSON.parse(fs.readFileSync(process.argv[fromRaw + 1], 'utf8')) as BenchResults;
    log(`wrote ${writeReport(results)}`);
    return;
  }

  const started = performance.now();
  setQuietDeadline(started + QUIET_BUDGET_MS);
  const stages = (
    process.env.BENCH_STAGES ?? 'mixed,cold,load,stall,plans,projects,listings,cooperation,opendata,portal,web'
  )
    .split(',')
    .map((s) => s.trim());
  const scale = benchScale();
  const machine = machineInfo();
  log(`Duikou bench — ${machine.cpu}, ${machine.cores} cores, ${machine.ramGiB} GiB, Node ${machine.node}`);

  let pg: PgServer | null = null;
  let pgNote: string | undefined;
  try {
    pg = await acquirePostgres();
    ownCluster = !!pg?.own;
    if (!pg)
      pgNote = 'PostgreSQL rows skipped: BENCH_DATABASE_URL is unset and /usr/lib/postgresql/15/bin does not exist.';
  } catch (err) {
    pgNote = `PostgreSQL rows skipped: could not start the throwaway cluster (${(err as Error).message.split('\n')[0]}).`;
  }
  if (pgNote) log(pgNote);

  let versions: { pglite: string; postgres: string | null };
  try {
    versions = { pglite: await pgliteServerVersion(), postgres: pg ? await serverVersion(pg.url) : null };
  } catch (err) {
    await pg?.stop();
    throw err;
  }
  const results: BenchResults = {
    machine,
    pgliteServer: versions.pglite,
    postgres: {
      version: versions.postgres,
      source: pg
        ? pg.own
          ? 'throwaway cluster from .ci/pg-cluster.sh (fsync=off), TCP on 127.0.0.1'
          : 'BENCH_DATABASE_URL'
        : 'none',
      note: pgNote,
    },
    cold: [],
    throughput: [],
    stall: [],
    plans: [],
    projects: [],
    listings: [],
    cooperation: [],
    openData: [],
    mixed: [],
    firstLoad: [],
    settings: { scale, load: LOAD },
    stages,
    failures: [],
    durationS: 0,
  };
  /** One measurement; a failure is logged and recorded, and the bench goes on with the next one. */
  const attempt = async (label: string, fn: () => Promise<void>) => {
    try {
      await fn();
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      console.error(`  FAILED: ${label}: ${message}`);
      results.failures.push(`${label}: ${message.split('\n')[0]}`);
      killAllChildren();
    }
  };
  const engines: Target['engine'][] = pg ? ['pglite', 'postgres'] : ['pglite'];
  /** A measurement on a new data directory (PGlite) or a new database (PostgreSQL), removed afterwards. */
  const onFreshDatabase = (stage: string, engine: Target['engine'], fn: (target: Target) => Promise<void>) =>
    attempt(`${stage} on ${engine}`, async () => {
      const dataDir = tempDir(`${stage}-${engine}`);
      const dbName = `duikou_bench_${stage}_${process.pid}`;
      try {
        const databaseUrl = engine === 'postgres' ? await createDatabase(pg!.url, dbName) : undefined;
        await fn({ engine, dataDir, databaseUrl });
      } finally {
        removeDir(dataDir);
        if (engine === 'postgres') await dropDatabase(pg!.url, dbName);
      }
    });

  try {
    // tsx keeps a transform cache; one import of the server's module graph fills it so no timed start compiles.
    await runToCompletion(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', "await import('./src/server/server.ts')"],
      { cwd: REPO },
    );

    if (stages.includes('mixed')) {
      let replicaServer: string | null = null;
      if (pg?.own) {
        try {
          replicaServer = await acquireReplica();
          results.replica = {
            version: await serverVersion(replicaServer),
            source: 'streaming replica of the throwaway cluster (pg_basebackup -R, hot standby)',
          };
        } catch (err) {
          results.replica = {
            version: null,
            source: 'none',
            note: `no replica: ${(err as Error).message.split('\n')[0]}`,
          };
        }
      } else if (process.env.BENCH_REPLICA_URL) {
        replicaServer = process.env.BENCH_REPLICA_URL;
        results.replica = { version: await serverVersion(replicaServer), source: 'BENCH_REPLICA_URL' };
      }
      for (const engine of scaleOutOnly() ? engines.filter((e) => e === 'postgres') : engines) {
        log(`\n[0] the realistic mix on ${engine}`);
        await onFreshDatabase('mixed', engine, (target) =>
          measureMixed(target, log, {
            replicaUrl: replicaServer
              ? (primary) => databaseUrl(replicaServer!, new URL(primary).pathname.slice(1))
              : undefined,
          }).then((r) => void results.mixed!.push(r)),
        );
      }
    }
    if (stages.includes('cold')) {
      for (const engine of engines) {
        log(`\n[1] cold start on ${engine}`);
        await attempt(`cold start on ${engine}`, async () => {
          results.cold.push(await measureColdStart(engine, engine === 'postgres' ? pg!.url : undefined, log));
        });
      }
    }
    if (stages.includes('load')) {
      for (const engine of engines) {
        log(`\n[2] throughput on ${engine}`);
        const dataDir = tempDir(`load-${engine}`);
        const dbName = `duikou_bench_load_${process.pid}`;
        await attempt(`throughput on ${engine}`, async () => {
          try {
            const databaseUrl = engine === 'postgres' ? await createDatabase(pg!.url, dbName) : undefined;
            results.throughput.push(await measureThroughput({ engine, dataDir, databaseUrl }, log));
          } finally {
            removeDir(dataDir);
            if (engine === 'postgres') await dropDatabase(pg!.url, dbName);
          }
        });
      }
    }
    if (stages.includes('stall')) {
      for (const mode of ['worker', 'direct'] as const) {
        log(
          `\n[3] stall while a heavy query runs, PGlite ${mode === 'worker' ? 'in its worker (the app)' : 'on the main thread'}`,
        );
        await attempt(`stall with PGlite ${mode === 'worker' ? 'in its worker' : 'on the main thread'}`, async () => {
          const r = await measureStall(mode);
          const max = (xs: number[]) => xs.reduce((m, v) => Math.max(v, m), 0).toFixed(0);
          log(
            `  heavy query ${r.value.heavyMs.map((x) => x.toFixed(0)).join('/')} ms; worst cheap ${max(r.value.heavy.cheap)} ms, worst SELECT 1 ${max(r.value.heavy.select1)} ms (other processes: ${r.foreignCores.toFixed(2)} cores)`,
          );
          results.stall.push(r);
        });
      }
    }
    if (stages.includes('plans')) {
      log('\n[4] plans: parse time of the seed plans (in process)');
      await attempt('plan parse times', async () => {
        results.parse = await measurePlanParsing(log);
      });
      log('\n[4] plans never seen (issue 15): precision and recall on the labelled corpus');
      await attempt('plan corpus', async () => {
        results.corpus = await measurePlanCorpus(log);
      });
      for (const engine of engines) {
        log(`\n[4] plans on ${engine}: 40-task import over HTTP, plan tree and task list of a large plan`);
        await onFreshDatabase('plans', engine, (target) =>
          measurePlans(target, log).then((r) => void results.plans!.push(r)),
        );
      }
    }
    if (stages.includes('corpus') && !stages.includes('plans')) {
      log('\n[4] plans never seen (issue 15): precision and recall on the labelled corpus');
      await attempt('plan corpus', async () => {
        results.corpus = await measurePlanCorpus(log);
      });
    }
    if (stages.includes('listings')) {
      for (const engine of engines) {
        log(`\n[listings] on ${engine}: quality on the labelled set, 200,000 listings, matches, searches, import`);
        await onFreshDatabase('listings', engine, (target) =>
          measureListings(target, log).then((r) => void results.listings!.push(r)),
        );
      }
    }
    if (stages.includes('opendata')) {
      for (const engine of engines) {
        log(`\n[10] open data on ${engine}: published projects, 64 connections without an account`);
        await onFreshDatabase('opendata', engine, (target) =>
          measureOpenData(target, log).then((r) => void results.openData!.push(r)),
        );
      }
    }
    if (stages.includes('portal')) {
      log("\n[11] a pairing's public page in Chromium (PGlite): bytes by kind, first paint, cold");
      await onFreshDatabase('portal', 'pglite', (target) =>
        measurePortal(target, log).then((r) => void (results.portal ??= []).push(r)),
      );
    }
    if (stages.includes('projects')) {
      for (const engine of engines) {
        log(`\n[5] projects on ${engine}: sheet import, ledger and stats, benefit-sharing statement`);
        await onFreshDatabase('projects', engine, (target) =>
          measureProjects(target, log).then((r) => void results.projects!.push(r)),
        );
      }
    }
    // In every full run; alone with BENCH_STAGES=evaluations.
    if (stages.includes('evaluations') || !process.env.BENCH_STAGES) {
      for (const engine of engines) {
        log(
          `\n[8] one evaluation round on ${engine}: every built-in indicator, every pairing, against hand-written SQL`,
        );
        await onFreshDatabase('evaluations', engine, (target) =>
          measureEvaluations(target, log).then((r) => void (results.evaluations ??= []).push(r)),
        );
      }
    }
    if (stages.includes('cooperation')) {
      for (const engine of engines) {
        log(`\n[6] meetings, decisions and cadres on ${engine}: roster imports, list pages`);
        await onFreshDatabase('cooperation', engine, (target) =>
          measureCooperation(target, log).then((r) => void results.cooperation!.push(r)),
        );
      }
    }
    if (stages.includes('web')) {
      log('\n[7] first load of the dashboard in Chromium (PGlite): bytes transferred, map drawn');
      await onFreshDatabase('web', 'pglite', (target) =>
        measureFirstLoad(target, log).then((r) => void results.firstLoad!.push(r)),
      );
    }
  } finally {
    killAllChildren();
    await pg?.stop();
    ownCluster = false;
  }

  results.durationS = (performance.now() - started) / 1000;
  if (process.env.BENCH_RAW) fs.writeFileSync(process.env.BENCH_RAW, JSON.stringify(results));
  log(`\nwrote ${writeReport(results)} in ${results.durationS.toFixed(0)} s`);
  if (results.failures.length) {
    console.error(`${results.failures.length} measurement(s) failed; see the end of the report`);
    process.exitCode = 1;
  }
}

let ownCluster = false;
/** Interrupted (signal or watchdog): children, the throwaway cluster and temp directories, all synchronously. */
function abort(code: number) {
  killAllChildren();
  if (ownCluster) stopOwnClusterSync();
  removeAllTempDirs();
  process.exit(code);
}
const watchdog = setTimeout(() => {
  console.error(`bench: still running after ${WATCHDOG_MS / 60_000} minutes; stopping`);
  abort(1);
}, WATCHDOG_MS);
watchdog.unref();
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => abort(130));
process.on('exit', () => {
  killAllChildren();
  removeAllTempDirs();
});

try {
  await main();
} catch (err) {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exitCode = 1;
} finally {
  clearTimeout(watchdog);
}
