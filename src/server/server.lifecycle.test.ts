import { describe, it, expect } from 'vitest';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import pg from 'pg';
import { repoPath } from './repo-path.ts';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

/** Starts `src/server/main.ts` as `npm start` does and collects what it prints. */
function launch(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', repoPath('src/server/main.ts')], {
    cwd: repoPath(),
    env: { ...process.env, LOG_LEVEL: 'warn', PASSWORD_KDF_ITERATIONS: '1000', ...env },
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (out.includes('已启动 / running at')) {
        clearInterval(timer);
        resolve();
      }
    }, 50);
    exited.then(() => {
      clearInterval(timer);
      reject(new Error(`server exited before it was ready:\n${out}`));
    });
  });
  ready.catch(() => undefined); // a server expected to refuse never becomes ready
  return { child, ready, exited, output: () => out };
}

// Each case starts real server processes (first start loads the programme and its plans): slow on 2 busy cores.
describe('the embedded database directory', { timeout: 240_000 }, () => {
  it('refuses a second server on the same data directory at once, shuts down cleanly on SIGTERM, and keeps its data', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'duikou-life-'));
    try {
      const first = launch({ DATA_DIR: dataDir, PORT: String(await freePort()) });
      await first.ready;
      expect(first.output()).toMatch(/setup\?token=[\w-]{20,}/);
      expect(fs.existsSync(path.join(dataDir, 'duikou.lock'))).toBe(true);

      const second = launch({ DATA_DIR: dataDir, PORT: String(await freePort()) });
      expect(await second.exited).toBe(1);
      expect(second.output()).toMatch(/正被另一个 Duikou 进程使用（pid \d+ @/);
      expect(second.output()).toMatch(/in use by another Duikou process \(pid \d+ @/);

      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);
      // The lock file stays (it is never deleted: docs/DECISIONS.md); the exit released its flock, so a third starts.

      const port = await freePort();
      const third = launch({ DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'info' });
      await third.ready;
      // Nothing was loaded twice: the programme is already there.
      expect(third.output()).not.toMatch(/Loaded:/);
      expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
      third.child.kill('SIGINT');
      expect(await third.exited).toBe(0);
      // The request's log lines (written as the destination drains) are all out by the time the process has exited.
      expect(third.output()).toMatch(/"msg":"incoming request"/);
      expect(third.output()).toMatch(/"res":\{"statusCode":200\}[^\n]*"msg":"request completed"/);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)('runs the same on PostgreSQL through DATABASE_URL', async () => {
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    const name = `duikou_life_${Date.now()}`;
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${name}`;
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'duikou-life-'));
    try {
      const server = launch({ DATA_DIR: dataDir, DATABASE_URL: url.toString(), PORT: String(await freePort()) });
      await server.ready;
      expect(server.output()).toMatch(/\(postgres\)/);
      expect(server.output()).toMatch(/8 pairings, \d+ sub-pairs/);
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
