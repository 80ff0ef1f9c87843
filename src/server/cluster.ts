import cluster, { type Worker } from 'node:cluster';

/**
 * WORKERS=N (PostgreSQL only): this process becomes a supervisor that starts N app processes sharing the port
 * (Node's cluster: the supervisor accepts connections and hands them out in turn). The first one starts alone, so
 * migrations and first-start loading run once; the others start after it listens. A process that dies is started
 * again (after a pause if it keeps dying); SIGINT/SIGTERM are passed to every process, which close cleanly.
 * Caches stay coherent across them through the database's change notifications (db/data-version.ts), and reminders
 * run once per interval whichever process claims the run (modules/jobs/schedule.ts).
 */
export function superviseWorkers(count: number): void {
  let stopping = false;
  const say = (line: string) => console.log(`[supervisor ${process.pid}] ${line}`);
  const recentDeaths: number[] = [];

  const fork = (): Worker => {
    const worker = cluster.fork();
    worker.on('exit', (code, signal) => {
      if (stopping) {
        if (!Object.keys(cluster.workers ?? {}).length) process.exit(0);
        return;
      }
      say(`进程 ${worker.process.pid} 退出 / worker exited (${signal ?? code}); restarting`);
      const now = Date.now();
      recentDeaths.push(now);
      while (recentDeaths.length && recentDeaths[0]! < now - 60_000) recentDeaths.shift();
      setTimeout(fork, recentDeaths.length > 3 ? 5_000 : 0);
    });
    return worker;
  };

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      say(`${signal}: stopping ${Object.keys(cluster.workers ?? {}).length} workers`);
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
      if (!Object.keys(cluster.workers ?? {}).length) process.exit(0);
    });
  }

  const first = fork();
  first.once('listening', () => {
    for (let i = 1; i < count; i++) fork();
    say(`${count} 个进程共用端口 / ${count} worker processes share the port`);
  });
}
