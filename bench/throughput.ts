import { BENCH_ADMIN, signInNationalOffice } from './lib/national-user.ts';
import { createAdminWithCli, startDuikou, type Target } from './lib/duikou-server.ts';
import type { LoadResult } from './lib/load.ts';
import { measureBare, measureEndpoint, rssMb, serialLatency, type SerialLatency } from './lib/http-measure.ts';
import { quietly, type Quietly } from './lib/quiet.ts';
import { createSyntheticSubPairs } from './lib/synthetic-data.ts';

export type { SerialLatency };

export const ENDPOINTS = { dashboard: '/api/dashboard', pairings: '/api/pairings?pageSize=20' } as const;

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

/**
 * Stage 2 on one engine: administrator from the CLI, a national-office organisation and user through the API,
 * 200 synthetic sub-pairs, then autocannon against the bare Fastify process and the two endpoints.
 */
export async function measureThroughput(target: Target, log: (line: string) => void): Promise<ThroughputResult> {
  await createAdminWithCli(target, BENCH_ADMIN.username, BENCH_ADMIN.password);
  const server = await startDuikou(target);
  try {
    const user = await signInNationalOffice(server.baseUrl);

    const t0 = performance.now();
    const synthetic = await createSyntheticSubPairs(user);
    log(
      `  ${synthetic.created} synthetic sub-pairs under ${synthetic.parents} pairings in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    const dash = await user.ok<{
      counts: { pairings: number; subPairs: number; regions: number; exploratory?: number };
    }>('GET', '/api/dashboard');
    const data = { ...dash.counts, synthetic: synthetic.created };
    log(`  dashboard counts: ${JSON.stringify(dash.counts)}`);

    const bare = await measureBare(log);
    const headers = { cookie: user.cookie };
    const results: Record<keyof typeof ENDPOINTS, Quietly<LoadResult>> = {} as never;
    for (const [key, path] of Object.entries(ENDPOINTS) as [keyof typeof ENDPOINTS, string][]) {
      results[key] = await measureEndpoint(server.baseUrl, path, headers, log);
    }
    const serverRssMb = rssMb(server.child.pid);

    const serial = (
      await quietly(
        async () => [
          await serialLatency('GET /api/health, no session (no database)', `${server.baseUrl}/api/health`, {}),
          await serialLatency(
            'GET /api/health with the session cookie (session lookup only)',
            `${server.baseUrl}/api/health`,
            headers,
          ),
          await serialLatency(`GET ${ENDPOINTS.dashboard}`, `${server.baseUrl}${ENDPOINTS.dashboard}`, headers),
          await serialLatency(`GET ${ENDPOINTS.pairings}`, `${server.baseUrl}${ENDPOINTS.pairings}`, headers),
        ],
        { retries: 0 },
      )
    ).value;
    for (const s of serial) log(`  serial ${s.label}: median ${s.median.toFixed(2)} ms`);
    return {
      engine: target.engine,
      data,
      bare,
      dashboard: results.dashboard,
      pairings: results.pairings,
      serial,
      serverRssMb,
    };
  } catch (err) {
    throw new Error(
      `${(err as Error).message}\n--- server output (last lines) ---\n${server.output().split('\n').slice(-30).join('\n')}`,
    );
  } finally {
    await server.stop();
  }
}
