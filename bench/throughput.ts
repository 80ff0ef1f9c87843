import fs from 'node:fs';
import { ApiClient } from './lib/api-client.ts';
import { createAdminWithCli, startBareFastify, startDuikou, type Target } from './lib/duikou-server.ts';
import { loadTest, type LoadResult } from './lib/load.ts';
import { quietly, type Quietly } from './lib/quiet.ts';
import { median, percentile } from './lib/stats.ts';
import { createSyntheticSubPairs } from './lib/synthetic-data.ts';

// Throwaway credentials for a throwaway data directory; they satisfy the dengbao-l3 policy (≥ 8, 3 classes).
const ADMIN = { username: 'benchadmin', password: 'Bench-Admin-2026!' };
const NATIONAL = { username: 'benchnational', password: 'Bench-National-2026!' };

export const ENDPOINTS = { dashboard: '/api/dashboard', pairings: '/api/pairings?pageSize=20' } as const;

export interface SerialLatency {
  label: string;
  median: number;
  p95: number;
}

export interface ThroughputResult {
  engine: Target['engine'];
  data: { pairings: number; subPairs: number; synthetic: number; regions: number; exploratory?: number };
  bare: Quietly<LoadResult>;
  dashboard: Quietly<LoadResult>;
  pairings: Quietly<LoadResult>;
  /** One request at a time: what a request costs when nothing queues. */
  serial: SerialLatency[];
  /** Resident memory of the Duikou server process after the load, in MB (PGlite lives inside it). */
  serverRssMb: number | null;
}

function rssMb(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
    return kb ? Math.round(kb / 1024) : null;
  } catch {
    return null;
  }
}

async function serialLatency(label: string, url: string, headers: Record<string, string>): Promise<SerialLatency> {
  const once = async () => {
    const t0 = performance.now();
    const res = await fetch(url, { headers });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${url} → ${res.status}`);
    return performance.now() - t0;
  };
  for (let i = 0; i < 20; i++) await once();
  const xs: number[] = [];
  for (let i = 0; i < 150; i++) xs.push(await once());
  return { label, median: median(xs), p95: percentile(xs, 95) };
}

function checkClean(r: LoadResult) {
  if (r.non2xx || r.errors) throw new Error(`${r.url}: ${r.non2xx} non-2xx answers and ${r.errors} errors under load`);
}

/**
 * Stage 2 on one engine: administrator from the CLI, a national-office organisation and user through the API,
 * 200 synthetic sub-pairs, then autocannon against the bare Fastify process and the two endpoints.
 */
export async function measureThroughput(target: Target, log: (line: string) => void): Promise<ThroughputResult> {
  await createAdminWithCli(target, ADMIN.username, ADMIN.password);
  const server = await startDuikou(target);
  try {
    const admin = new ApiClient(server.baseUrl);
    await admin.login(ADMIN.username, ADMIN.password);
    const org = await admin.ok<{ id: string }>('POST', '/api/organisations', { name: '基准测试国家对口合作办', kind: 'national_office', regionCode: '000000' });
    await admin.ok('POST', '/api/users', {
      username: NATIONAL.username,
      displayName: '基准测试用户',
      organisationId: org.id,
      roles: ['national_office'],
      password: NATIONAL.password,
    });
    const user = new ApiClient(server.baseUrl);
    await user.login(NATIONAL.username, NATIONAL.password);

    const t0 = performance.now();
    const synthetic = await createSyntheticSubPairs(user);
    log(`  ${synthetic.created} synthetic sub-pairs under ${synthetic.parents} pairings in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const dash = await user.ok<{ counts: { pairings: number; subPairs: number; regions: number; exploratory?: number } }>('GET', '/api/dashboard');
    const data = { ...dash.counts, synthetic: synthetic.created };
    log(`  dashboard counts: ${JSON.stringify(dash.counts)}`);

    const bare = await quietly(async () => {
      const proc = await startBareFastify();
      try {
        return await loadTest(`${proc.baseUrl}/hello`);
      } finally {
        await proc.stop();
      }
    });
    checkClean(bare.value);
    log(`  bare Fastify: ${Math.round(bare.value.rps)} req/s, p95 ${bare.value.p95.toFixed(1)} ms (other processes: ${bare.foreignCores.toFixed(2)} cores)`);
    const headers = { cookie: user.cookie };
    const results: Record<keyof typeof ENDPOINTS, Quietly<LoadResult>> = {} as never;
    for (const [key, path] of Object.entries(ENDPOINTS) as [keyof typeof ENDPOINTS, string][]) {
      results[key] = await quietly(() => loadTest(`${server.baseUrl}${path}`, headers));
      checkClean(results[key].value);
      const r = results[key];
      log(`  ${path}: ${Math.round(r.value.rps)} req/s, p95 ${r.value.p95.toFixed(1)} ms (other processes: ${r.foreignCores.toFixed(2)} cores)`);
    }
    const serverRssMb = rssMb(server.child.pid);

    const serial = (
      await quietly(async () => [
        await serialLatency('GET /api/health, no session (no database)', `${server.baseUrl}/api/health`, {}),
        await serialLatency('GET /api/health with the session cookie (session lookup only)', `${server.baseUrl}/api/health`, headers),
        await serialLatency(`GET ${ENDPOINTS.dashboard}`, `${server.baseUrl}${ENDPOINTS.dashboard}`, headers),
        await serialLatency(`GET ${ENDPOINTS.pairings}`, `${server.baseUrl}${ENDPOINTS.pairings}`, headers),
      ], { retries: 0 })
    ).value;
    for (const s of serial) log(`  serial ${s.label}: median ${s.median.toFixed(2)} ms`);
    return { engine: target.engine, data, bare, dashboard: results.dashboard, pairings: results.pairings, serial, serverRssMb };
  } catch (err) {
    throw new Error(`${(err as Error).message}\n--- server output (last lines) ---\n${server.output().split('\n').slice(-30).join('\n')}`);
  } finally {
    await server.stop();
  }
}
