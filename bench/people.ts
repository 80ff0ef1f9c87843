/**
 * Cadre records at 10× (20,000 secondments over ten roster imports of 2,000 rows): the time of each import over
 * HTTP, then the secondment list under 64 connections (cached answers, and uncached: every request another
 * page), and the figures. `npx tsx bench/people.ts` (PGlite in a temporary directory; DATABASE_URL for
 * PostgreSQL, on an empty database). Prints JSON.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { withCheckCharacter } from '../src/common/api/id-number.ts';
import { buildApp } from '../src/server/app.ts';
import { bootstrapData } from '../src/server/bootstrap.ts';
import { loadConfig } from '../src/server/config.ts';
import { openDatabase } from '../src/server/db/database.ts';
import type { AppDeps } from '../src/server/http/context.ts';
import { systemContext } from '../src/server/http/system-actor.ts';
import { rosterFile } from '../src/server/modules/people/test-support/roster-file.ts';
import { nodeCryptoProvider } from '../src/server/security/crypto-provider.ts';
import { buildOrgUser } from '../src/server/seed/builders.ts';
import { ApiClient } from './lib/api-client.ts';
import { percentile } from './lib/stats.ts';

const IMPORTS = 10;
const ROWS = 2000;

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'duikou-people-bench-'));
  const config = loadConfig({
    ...process.env,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    RATE_LIMIT_API_PER_MINUTE: '0',
    LOGIN_ADDRESS_MAX_PER_MINUTE: '0',
  });
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir });
  const deps: AppDeps = { db: database.db, config, crypto: nodeCryptoProvider, auditKey: Buffer.alloc(32, 7) };
  await bootstrapData(deps);
  const user = await buildOrgUser(systemContext(deps), {
    username: 'bench-zzb',
    regionCode: '220000',
    roles: ['org_dept'],
    kind: 'org_dept',
  });
  const pairing = await database.db.execute<{ id: string }>(
    `SELECT id FROM pairings WHERE name = '吉林省—浙江省'` as never,
  );
  const pairingId = pairing.rows[0]!.id;
  const app = await buildApp(deps, { logger: false, serveWeb: false });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const c = new ApiClient(address);
  await c.login(user.username, user.password);

  const importMs: number[] = [];
  for (let b = 0; b < IMPORTS; b++) {
    const rows = Array.from({ length: ROWS }, (_, i) => {
      const n = b * ROWS + i;
      return {
        name: `干部${n}`,
        gender: n % 2 ? '男' : '女',
        idNumber: withCheckCharacter(
          `2201021980${String(1 + (n % 12)).padStart(2, '0')}${String(10 + (n % 18))}${String(n % 1000).padStart(3, '0')}`,
        ),
        mobile: `139${String(n).padStart(8, '0')}`,
        direction: n % 3 ? '东北→东部' : '东部→东北',
        homeUnit: `派出单位${n % 50}`,
        homePost: '处长',
        hostUnit: `挂职单位${n % 40}`,
        hostPost: '副处长',
        rank: ['厅局级', '县处级', '乡科级', '专业技术人员'][n % 4]!,
        batch: `${2016 + (n % 10)}年第${b + 1}批`,
        startsOn: `${2016 + (n % 10)}-03-01`,
        endsOn: `${2017 + (n % 10)}-02-28`,
        status: ['拟派', '在岗', '已返回'][n % 3]!,
      };
    });
    const file = await rosterFile(rows);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(file)]), 'roster.xlsx');
    const t0 = performance.now();
    const res = await c.request('POST', `/api/secondments/import?pairingId=${pairingId}`, form);
    importMs.push(Math.round(performance.now() - t0));
    if (res.status !== 200) throw new Error(JSON.stringify(res.json).slice(0, 500));
  }

  const load = async (paths: string[]) => {
    const latencies: number[] = [];
    // bench/lib/autocannon.d.ts leaves out `requests` (a list of requests each connection cycles through).
    const options = {
      url: address,
      connections: 64,
      duration: Number(process.env.BENCH_LOAD_S || 10),
      warmup: { connections: 64, duration: 2 },
      headers: { cookie: c.cookie },
      requests: paths.map((p) => ({ method: 'GET', path: p })),
    } as Parameters<typeof autocannon>[0];
    const r = await autocannon(options).on('response', (_c: unknown, _s: number, _b: number, ms: number) =>
      latencies.push(ms),
    );
    return {
      rps: Math.round(r.requests.average),
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      non2xx: r.non2xx,
      errors: r.errors,
    };
  };
  const result = {
    engine: config.databaseUrl ? 'postgresql' : 'pglite',
    cadres: IMPORTS * ROWS,
    importMs,
    listCached: await load(['/api/secondments?pageSize=20']),
    // Each request another address (20,000 of them, more than a run makes), so every answer is read afresh.
    listUncached: await load(
      Array.from(
        { length: 20_000 },
        (_, i) => `/api/secondments?pageSize=${20 + (i % 20)}&page=${1 + ((i * 7919) % 500)}`,
      ),
    ),
    listFiltered: await load(
      Array.from(
        { length: 20_000 },
        (_, i) =>
          `/api/secondments?pageSize=${20 + (i % 20)}&year=${2016 + (i % 10)}&rank=division&page=${1 + ((i * 31) % 20)}`,
      ),
    ),
    figures: await load(['/api/people/figures']),
  };
  console.log(JSON.stringify(result, null, 2));
  await app.close();
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
