import { loadConfig } from './config.ts';
import { startServer, type RunningServer } from './server.ts';

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
  server = await startServer(loadConfig());
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
if (stopRequested) {
  await server.stop();
  process.exit(0);
}
