import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { repoPath } from './repo-path.ts';
import { openTestDatabase } from './testing/test-database.ts';
import { testEngines } from './testing/test-engines.ts';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * The live app processes whose parent is `pid`: its workers run main.ts. tsx's esbuild service (esbuild --service)
 * is a child of the supervisor too once it has transformed a module asynchronously, and is not a worker (a full run
 * of the suite at load ~20 waited for 2 children among 'esbuild, worker, worker' until it timed out).
 */
function childrenOf(pid: number): number[] {
  const kids: number[] = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[1]) !== pid || fields[0] === 'Z') continue;
      if (fs.readFileSync(`/proc/${name}/cmdline`, 'utf8').includes('main.ts')) kids.push(Number(name));
    } catch {
      // gone meanwhile
    }
  }
  return kids;
}

async function until(check: () => boolean | Promise<boolean>, timeoutMs: number, what: () => string) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting: ${what()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

// Several app processes only run on PostgreSQL (PGlite's data directory is one process's).
describe.each(testEngines().filter((e) => e === 'postgres'))('WORKERS=2 on %s', { timeout: 240_000 }, (engine) => {
  it('serves one port from two processes, starts again one that dies, and stops them all on SIGTERM', async () => {
    const database = await openTestDatabase(engine);
    try {
      const url = (database.pool.options as { connectionString: string }).connectionString;
      const port = await freePort();
      const child = spawn(process.execPath, ['--import', 'tsx', repoPath('src/server/main.ts')], {
        cwd: repoPath(),
        env: {
          ...process.env,
          DATABASE_URL: url,
          DATA_DIR: database.dataDir,
          WORKERS: '2',
          PORT: String(port),
          HOST: '127.0.0.1',
          LOG_LEVEL: 'warn',
          PASSWORD_KDF_ITERATIONS: '1000',
        },
      });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (out += d));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      const supervisor = child.pid!;
      // The first process migrates and loads the seeds alone; the second starts once it listens.
      await until(
        () => out.includes('2 worker processes share the port'),
        180_000,
        () => out,
      );
      await until(
        () => childrenOf(supervisor).length === 2,
        60_000,
        () => `children ${childrenOf(supervisor)}`,
      );
      await until(
        async () => (await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => null))?.status === 200,
        60_000,
        () => out,
      );
      const [first, second] = childrenOf(supervisor);
      // Both answer on the one port, in turn: a few requests all succeed.
      for (let i = 0; i < 6; i++) expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);

      process.kill(first!, 'SIGKILL');
      await until(
        () => {
          const now = childrenOf(supervisor);
          return now.length === 2 && !now.includes(first!) && now.includes(second!);
        },
        120_000,
        () => `children ${childrenOf(supervisor)}\n${out}`,
      );
      expect(out).toMatch(/worker exited \(SIGKILL\); restarting/);

      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(childrenOf(supervisor)).toEqual([]);
    } finally {
      await database.close();
    }
  });
});
