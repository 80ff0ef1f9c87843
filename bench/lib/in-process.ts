import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../../src/server/db/database.ts';
import type { AppDeps, AuthedContext } from '../../src/server/http/context.ts';
import { REPO, removeDir, serverEnv, tempDir, type Target } from './duikou-server.ts';
import { spawnTracked } from './processes.ts';

/** What work done directly on the database gets: the system actor (scope: everything), as first start and the CLI use it. */
export interface InProcessApp {
  ctx: AuthedContext;
  deps: AppDeps;
  database: Database;
}

/**
 * Opens the target's database as the server would (same environment, same audit key from the data directory, so
 * the audit chain the server verifies stays whole), loads the seeds on an empty one, and runs `fn` as the system
 * actor. Only one process may have a PGlite data directory open: call this while no server runs on it.
 */
export async function withAppContext<T>(target: Target, fn: (app: InProcessApp) => Promise<T>): Promise<T> {
  const [
    { loadConfig },
    { openDatabase },
    { nodeCryptoProvider },
    { loadSecrets },
    { bootstrapData },
    { systemContext },
  ] = await Promise.all([
    import('../../src/server/config.ts'),
    import('../../src/server/db/database.ts'),
    import('../../src/server/security/crypto-provider.ts'),
    import('../../src/server/security/secrets.ts'),
    import('../../src/server/bootstrap.ts'),
    import('../../src/server/http/system-actor.ts'),
  ]);
  const env = serverEnv(target);
  const config = loadConfig(env);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const deps: AppDeps = {
      db: database.db,
      config,
      crypto: nodeCryptoProvider,
      auditKey: loadSecrets(config.dataDir, env).auditKey,
    };
    await bootstrapData(deps);
    return await fn({ ctx: systemContext(deps, 'bench'), deps, database });
  } finally {
    await database.close();
  }
}

export interface ChildJob {
  /** Module path relative to the repository, exporting `fn(app, args, log)`. */
  module: string;
  fn: string;
  target: Target;
  args: unknown;
  out: string;
}

/**
 * Runs `module.fn(app, args, log)` in a fresh Node process (bench/lib/child-entry.ts) with the database opened by
 * withAppContext: data set-up and service-level timings that need the database directly. A process of its own
 * keeps the peak-memory figures free of what the bench process has allocated, and closes PGlite completely
 * before the server opens the same data directory. Its log lines are passed on; its result comes back as JSON.
 */
export async function runInChild<T>(
  module: string,
  fn: string,
  target: Target,
  args: unknown,
  log: (line: string) => void,
  timeoutMs = 30 * 60_000,
): Promise<T> {
  const dir = tempDir('child');
  const job: ChildJob = { module, fn, target, args, out: path.join(dir, 'result.json') };
  try {
    const { child, output } = spawnTracked(process.execPath, ['--import', 'tsx', 'bench/lib/child-entry.ts'], {
      cwd: REPO,
      env: { ...process.env, BENCH_CHILD_JOB: JSON.stringify(job) },
    });
    child.stdin!.end();
    let pending = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) if (line.trim()) log(`  ${line}`);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
    clearTimeout(timer);
    if (code !== 0 || !fs.existsSync(job.out))
      throw new Error(`${module} ${fn} exited with ${code}:\n${output().split('\n').slice(-40).join('\n')}`);
    return JSON.parse(fs.readFileSync(job.out, 'utf8')) as T;
  } finally {
    removeDir(dir);
  }
}
