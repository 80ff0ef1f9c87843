import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import { performance } from 'node:perf_hooks';

/** Every child the bench starts, so that an error or Ctrl-C never leaves a server running. */
const children = new Set<ChildProcess>();

export function track(child: ChildProcess): ChildProcess {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

export function killAllChildren() {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      try {
        process.kill(child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
  }
  children.clear();
}

export interface Spawned {
  child: ChildProcess;
  output: () => string;
}

/** Spawns a process with its stdout and stderr kept (the last 64 kB) for error messages. */
export function spawnTracked(cmd: string, args: string[], opts: SpawnOptions): Spawned {
  const child = track(spawn(cmd, args, { ...opts, stdio: ['pipe', 'pipe', 'pipe'] }));
  let out = '';
  const keep = (chunk: Buffer) => {
    out += chunk.toString('utf8');
    if (out.length > 65_536) out = out.slice(-65_536);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  return { child, output: () => out };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function probe(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(url, { agent: false, timeout: 2000 }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
  });
}

/** Polls `url` every 10 ms until it answers 200; returns the time at which it did. */
export async function waitFor200(
  url: string,
  child: ChildProcess,
  output: () => string,
  timeoutMs: number,
): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`process exited (${child.exitCode ?? child.signalCode}) before ${url} answered:\n${output()}`);
    }
    if ((await probe(url)) === 200) return performance.now();
    if (performance.now() > deadline) throw new Error(`${url} did not answer 200 within ${timeoutMs} ms:\n${output()}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** SIGTERM, then SIGKILL if the process has not exited within `graceMs`. */
export async function stopProcess(child: ChildProcess, graceMs = 20_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** Runs a command to completion, feeding `input` on stdin; rejects with its output on a non-zero exit. */
export async function runToCompletion(
  cmd: string,
  args: string[],
  opts: SpawnOptions & { input?: string; timeoutMs?: number },
): Promise<string> {
  const { child, output } = spawnTracked(cmd, args, opts);
  child.stdin!.end(opts.input ?? '');
  const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 120_000);
  const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  clearTimeout(timer);
  if (code !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${code}:\n${output()}`);
  return output();
}
