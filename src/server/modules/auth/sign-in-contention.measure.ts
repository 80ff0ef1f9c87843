/**
 * Measurement, not a test: how long a genuine sign-in takes while 32 clients send failed sign-ins as fast as they
 * are answered, with the real KDF cost (PBKDF2-SM3, 200,000 iterations).
 *   node --import tsx src/server/modules/auth/sign-in-contention.measure.ts [repo root] [one|many]
 * `one`: the 32 clients share one address; `many`: each has its own (X-Forwarded-For, TRUST_PROXY=true); `idle`: no
 * attacker, the floor on this machine at this moment.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(process.argv[2] ?? '.');
const mode = process.argv[3] ?? 'many';
process.env.TRUST_PROXY = 'true';
const { loadConfig } = await import(path.join(root, 'src/server/config.ts'));
const { startServer } = await import(path.join(root, 'src/server/server.ts'));
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'duikou-contention-'));
const config = loadConfig({
  DATA_DIR: dataDir,
  PORT: '0',
  HOST: '127.0.0.1',
  LOG_LEVEL: 'silent',
  SEED_PROGRAMME: 'false',
});
const server = await startServer(config, { quiet: true });
const ADMIN = { username: 'admin', displayName: 'admin', password: 'Str0ng#Passw0rd' };
const post = (url: string, body: unknown, address: string) =>
  fetch(`${server.url.replace('localhost', '127.0.0.1')}${url}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': 'x', 'x-forwarded-for': address },
    body: JSON.stringify(body),
  });
server.app.setupToken.issue('t');
const setup = await post('/api/setup', { ...ADMIN, token: 't' }, '192.0.2.1');
if (setup.status !== 201) throw new Error(`setup ${setup.status}`);

let running = true;
const attackerAnswers = new Map<number, number>();
const attackers = Array.from({ length: mode === 'idle' ? 0 : 32 }, async (_, i) => {
  const address = mode === 'one' ? '198.51.100.7' : `198.51.100.${i + 10}`;
  while (running) {
    const res = await post('/api/auth/login', { username: `nobody${i}`, password: 'wrong-password' }, address).catch(
      () => null,
    );
    const status = res?.status ?? 0;
    attackerAnswers.set(status, (attackerAnswers.get(status) ?? 0) + 1);
    await res?.arrayBuffer();
  }
});
await new Promise((r) => setTimeout(r, 2000));
const times: number[] = [];
const answers: number[] = [];
const deadline = performance.now() + 90_000;
for (let i = 0; i < 11 && performance.now() < deadline; i++) {
  const t0 = performance.now();
  const res = await post('/api/auth/login', { username: ADMIN.username, password: ADMIN.password }, '192.0.2.1').catch(
    () => null,
  );
  await res?.arrayBuffer();
  times.push(performance.now() - t0);
  answers.push(res?.status ?? 0);
}
running = false;
await Promise.all(attackers);
const sorted = [...times].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)]!;
console.log(
  JSON.stringify({
    root,
    mode,
    signIns: sorted.length,
    signInMedianMs: Math.round(median),
    signInMaxMs: Math.round(sorted[sorted.length - 1]!),
    load: (await import('node:os')).loadavg()[0],
    signInAnswers: [...new Set(answers)],
    attackerAnswers: Object.fromEntries(attackerAnswers),
  }),
);
await server.stop();
fs.rmSync(dataDir, { recursive: true, force: true });
process.exit(0);
