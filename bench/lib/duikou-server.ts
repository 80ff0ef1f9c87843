import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ChildProcess } from 'node:child_process';
import { freePort, spawnTracked, stopProcess, waitFor200, runToCompletion } from './processes.ts';

export const REPO = path.resolve(import.meta.dirname, '..', '..');

export interface Target {
  engine: 'pglite' | 'postgres';
  dataDir: string;
  databaseUrl?: string;
}

const tempDirs = new Set<string>();

export function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `duikou-bench-${prefix}-`));
  tempDirs.add(dir);
  return dir;
}

export function removeDir(dir: string) {
  fs.rmSync(dir, { recursive: true, force: true });
  tempDirs.delete(dir);
}

/** For the exit path: whatever temp directories are still there. */
export function removeAllTempDirs() {
  for (const dir of tempDirs) removeDir(dir);
}

/** The environment the real server and the CLI get: only loopback, quiet logs. */
export function serverEnv(target: Target, port?: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: target.dataDir, LOG_LEVEL: 'warn', HOST: '127.0.0.1' };
  // The bench measures throughput from a few accounts on one address: the rate limits and the administrator's
  // second factor (issue 9) would measure refusals instead; they have their own tests.
  Object.assign(env, {
    RATE_LIMIT_API_PER_MINUTE: '0',
    RATE_LIMIT_PUBLIC_PER_MINUTE: '0',
    LOGIN_ADDRESS_MAX_PER_MINUTE: '0',
    TOTP_REQUIRED_ROLES: 'none',
  });
  delete env.DATABASE_URL;
  delete env.DATABASE_REPLICA_URLS;
  delete env.WORKERS;
  delete env.AUDIT_HMAC_KEY;
  // The bench measures capacity, not the limits that protect it: many users sign in from one address, each
  // makes more requests a minute than a person would, and the set-up administrator has no second factor.
  env.LOGIN_ADDRESS_MAX_PER_MINUTE = '0';
  env.RATE_LIMIT_API_PER_MINUTE = '0';
  env.TOTP_REQUIRED_ROLES = 'none';
  if (port !== undefined) env.PORT = String(port);
  if (target.databaseUrl) env.DATABASE_URL = target.databaseUrl;
  return env;
}

export interface RunningDuikou {
  child: ChildProcess;
  baseUrl: string;
  /** Milliseconds from spawn to the first 200 from GET /api/health. */
  startupMs: number;
  output: () => string;
  stop: () => Promise<void>;
}

/** `node --import tsx src/server/main.ts`, exactly as an operator would run it, timed to its first 200. */
export async function startDuikou(
  target: Target,
  opts: { timeoutMs?: number; nodeArgs?: string[]; env?: NodeJS.ProcessEnv } = {},
): Promise<RunningDuikou> {
  const timeoutMs = opts.timeoutMs ?? 120_000;
  const port = await freePort();
  const t0 = performance.now();
  const args = [...(opts.nodeArgs ?? []), '--import', 'tsx', 'src/server/main.ts'];
  const { child, output } = spawnTracked(process.execPath, args, {
    cwd: REPO,
    env: { ...serverEnv(target, port), ...opts.env },
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    const t1 = await waitFor200(`${baseUrl}/api/health`, child, output, timeoutMs);
    return { child, baseUrl, startupMs: t1 - t0, output, stop: () => stopProcess(child) };
  } catch (err) {
    await stopProcess(child, 5000);
    throw err;
  }
}

/** The scripted-install path: `echo "$PW" | node bin/duikou.js admin create --username NAME`. */
export async function createAdminWithCli(target: Target, username: string, password: string) {
  await runToCompletion(process.execPath, ['bin/duikou.js', 'admin', 'create', '--username', username], {
    cwd: REPO,
    env: serverEnv(target),
    input: `${password}\n`,
    timeoutMs: 180_000,
  });
}

/** A separate minimal Fastify 5 process answering {hello:'world'}: the ceiling for this machine and client. */
export async function startBareFastify(): Promise<RunningDuikou> {
  const port = await freePort();
  const t0 = performance.now();
  const { child, output } = spawnTracked(process.execPath, ['bench/bare-fastify.mjs'], {
    cwd: REPO,
    env: { ...process.env, PORT: String(port) },
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const t1 = await waitFor200(`${baseUrl}/hello`, child, output, 30_000);
  return { child, baseUrl, startupMs: t1 - t0, output, stop: () => stopProcess(child) };
}
