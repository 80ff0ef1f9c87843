import { loadConfig } from './config.ts';
import { startServer } from './server.ts';

const server = await startServer(loadConfig()).catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`收到 ${signal}，正在安全关闭… / ${signal} received, shutting down cleanly…`);
    server.stop().then(
      () => process.exit(0),
      (err) => {
        console.error(err);
        process.exit(1);
      },
    );
  });
}
