import cluster from 'node:cluster';
import { loadConfig } from './config.ts';
import { startServer, type RunningServer } from './server.ts';
import { superviseWorkers } from './cluster.ts';

let server: RunningServer | undefined;
let stopRequested = false;

async function stop(signal: string) {
  if (stopRequested) return;
  stopRequested = true;
  console.log(`收到 ${signal}，正在安全关闭… / ${signal} received, shutting down cleanly…`);
  // A signal during start-up is honoured once the database is open, so it is still closed cleanly.
  if (!server) return;
  await server.stop();
  process.exit(0);
}

// WORKERS=N on PostgreSQL: this process only supervises N app processes sharing the port (cluster.ts).
let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
if (config.workers > 1 && cluster.isPrimary) {
  if (!config.databaseUrl) {
    console.error(
      'WORKERS > 1 需要 DATABASE_URL（内置数据库只能由一个进程打开） / WORKERS > 1 needs DATABASE_URL: the embedded database is opened by one process only',
    );
    process.exit(1);
  }
  superviseWorkers(config.workers);
} else {
  await serve();
}

async function serve() {
  // Installed before start-up so a signal in that window cannot kill the process with PGlite half-written.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      stop(signal).catch((err) => {
        console.error(err);
        process.exit(1);
      });
    });
  }

  try {
    server = await startServer(config);
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
  if (stopRequested) {
    await server.stop();
    process.exit(0);
  }
}
