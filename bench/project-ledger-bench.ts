/**
 * `npx tsx bench/project-ledger-bench.ts`: the project ledger page (20 rows with the filtered totals) and the
 * stats (funnel, money by stage, rates by pairing) over 100,000 synthetic projects, on a fresh embedded database
 * (or PostgreSQL with BENCH_DATABASE_URL). Times sequential calls (p50/p95), then 64 at once through the pool as
 * the 64-connection load would send them. Calls the repository directly, so HTTP costs are not included. Not a test.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/server/config.ts';
import { openDatabase } from '../src/server/db/database.ts';
import { nodeCryptoProvider } from '../src/server/security/crypto-provider.ts';
import { bootstrapData } from '../src/server/bootstrap.ts';
import { systemContext } from '../src/server/http/system-actor.ts';
import { listProjects } from '../src/server/modules/projects/projects.repository.ts';
import { projectStats } from '../src/server/modules/projects/project-stats.ts';

const N = Number(process.env.BENCH_PROJECTS ?? 100_000);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'duikou-bench-ledger-'));
const { DATABASE_URL: _ignored, ...env } = process.env;
const config = loadConfig({ ...env, DATA_DIR: dataDir, ...(process.env.BENCH_DATABASE_URL ? { DATABASE_URL: process.env.BENCH_DATABASE_URL } : {}) });
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
try {
  const deps = { db: database.db, config, crypto: nodeCryptoProvider, auditKey: Buffer.alloc(32, 7) };
  await bootstrapData(deps);
  const ctx = systemContext(deps, 'bench');
  let t = performance.now();
  // Synthetic projects spread over the top-level pairings, stages and industries, marked demo.
  await database.db.execute(sql`
    WITH p AS (SELECT id, row_number() OVER (ORDER BY name) - 1 AS k, count(*) OVER () AS n FROM pairings WHERE parent_id IS NULL AND status = 'active'),
         h AS (SELECT s.pairing_id, min(s.region_code) AS code FROM pairing_side_regions s WHERE s.side = 'a' GROUP BY s.pairing_id)
    INSERT INTO projects (pairing_id, side, title, investor, host_region_code, industry_section, industry_division, type, stage, furthest_stage,
                          signed_on, started_on, signed_wan, planned_wan, arrived_wan, completed_wan, natural_key, is_demo)
    SELECT p.id, 'a', '合成项目' || g, '合成投资方' || g, h.code, 'C', '36', 'industrial',
           (ARRAY['planning','signed','sited','started','producing'])[1 + g % 5], (ARRAY['planning','signed','sited','started','producing'])[1 + g % 5],
           CASE WHEN g % 5 >= 1 THEN date '2020-01-01' + (g % 2000) END, CASE WHEN g % 5 >= 3 THEN date '2021-01-01' + (g % 1500) END,
           CASE WHEN g % 5 >= 1 THEN 1000 + g % 9000 ELSE 0 END, 1200 + g % 9000, CASE WHEN g % 5 >= 3 THEN 500 + g % 500 ELSE 0 END, CASE WHEN g % 5 >= 3 THEN 300 + g % 300 ELSE 0 END,
           'bench:' || g, true
    FROM generate_series(1, ${N}) g JOIN p ON p.k = g % p.n JOIN h ON h.pairing_id = p.id`);
  await database.db.execute(sql`ANALYZE projects`);
  console.log(`engine ${database.engine}: ${N} projects inserted in ${(performance.now() - t).toFixed(0)} ms`);

  const page = () => listProjects(ctx.db, ctx.actor, { page: 1, pageSize: 20, sort: 'createdAt', order: 'desc' } as never);
  const stats = () => projectStats(ctx.db, ctx.actor, { groupBy: 'pairing' });
  for (const [name, fn] of [['ledger page + totals', page], ['stats (funnel, by stage, rates by pairing)', stats]] as const) {
    await fn();
    const times: number[] = [];
    for (let i = 0; i < 30; i++) {
      t = performance.now();
      await fn();
      times.push(performance.now() - t);
    }
    t = performance.now();
    await Promise.all(Array.from({ length: 64 }, () => fn()));
    const burst = performance.now() - t;
    // After any change the cached aggregate is recomputed once: what the first caller after a write waits.
    await database.db.execute(sql`UPDATE projects SET note = 'bench' WHERE natural_key = 'bench:1'`);
    t = performance.now();
    await fn();
    const cold = performance.now() - t;
    console.log(`${name}: first call after a change ${cold.toFixed(0)} ms; sequential p50 ${pct(times, 50).toFixed(1)} ms, p95 ${pct(times, 95).toFixed(1)} ms; 64 at once: all answered in ${burst.toFixed(0)} ms`);
  }
} finally {
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
