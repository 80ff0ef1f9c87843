import { removeDir, startDuikou, tempDir, type Target } from './lib/duikou-server.ts';
import { createDatabase, dropDatabase } from './lib/pg-cluster.ts';
import { median } from './lib/stats.ts';
import { quietly } from './lib/quiet.ts';

export const COLD_RUNS = 3;

export interface ColdStartResult {
  engine: Target['engine'];
  empty: number[];
  existing: number[];
  /** Other processes' CPU use during each kept run (both starts), in cores. */
  foreignCores: number[];
  /** Runs made in all, including those repeated because the machine was busy. */
  attempts: number;
  loaded: string;
}

let attemptNo = 0;

/** One run: a fresh data directory (and database) started empty, stopped, started again on what it left. */
async function oneRun(engine: Target['engine'], pgServerUrl: string | undefined) {
  const dataDir = tempDir(`cold-${engine}`);
  const dbName = `duikou_bench_cold_${process.pid}_${++attemptNo}`;
  try {
    const target: Target = {
      engine,
      dataDir,
      databaseUrl: pgServerUrl ? await createDatabase(pgServerUrl, dbName) : undefined,
    };
    const first = await startDuikou(target);
    await first.stop();
    const second = await startDuikou(target);
    await second.stop();
    const loaded = /Loaded: (.*)/.exec(first.output())?.[1];
    if (!loaded)
      throw new Error(
        `first start on an empty ${engine} database did not report loading the seeds:\n${first.output()}`,
      );
    if (/Loaded: /.test(second.output())) throw new Error('second start loaded the seeds again');
    return { empty: first.startupMs, existing: second.startupMs, loaded: loaded.trim() };
  } finally {
    removeDir(dataDir);
    if (pgServerUrl) await dropDatabase(pgServerUrl, dbName);
  }
}

/**
 * Stage 1 on one engine, three runs: a fresh data directory (and, on PostgreSQL, a fresh database) started once —
 * initdb on PGlite, migrations, 3,374 regions and the real programme from the seeds — then stopped and started
 * again on the data it left. Each time is spawn → first 200 from GET /api/health. A run that overlapped with more
 * than a quarter core of other work is repeated once on new data.
 */
export async function measureColdStart(
  engine: Target['engine'],
  pgServerUrl: string | undefined,
  log: (line: string) => void,
): Promise<ColdStartResult> {
  const result: ColdStartResult = { engine, empty: [], existing: [], foreignCores: [], attempts: 0, loaded: '' };
  for (let i = 1; i <= COLD_RUNS; i++) {
    const run = await quietly(() => oneRun(engine, pgServerUrl));
    result.empty.push(run.value.empty);
    result.existing.push(run.value.existing);
    result.foreignCores.push(run.foreignCores);
    result.attempts += run.attempts;
    result.loaded = run.value.loaded;
    log(
      `  run ${i}: empty ${(run.value.empty / 1000).toFixed(2)} s, existing ${(run.value.existing / 1000).toFixed(2)} s (other processes: ${run.foreignCores.toFixed(2)} cores, ${run.attempts} tries)`,
    );
  }
  log(
    `  median: empty ${(median(result.empty) / 1000).toFixed(2)} s, existing ${(median(result.existing) / 1000).toFixed(2)} s`,
  );
  return result;
}
