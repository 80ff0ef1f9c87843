/**
 * Open data (issue 13) on one engine: demo data filled into the first province-level pairings and every demo project
 * published, then the real server without an account under 64 connections on the open-data endpoints (JSON and CSV
 * of the project totals, the published figures, a pairing's IATI file), each against a bare Fastify endpoint measured
 * in the same run. Target: p95 under 50 ms. Nothing is written during the load, so after its first request each
 * endpoint is answered from the response cache, as a public server is between two publications (the report says so).
 */
import { sql } from 'drizzle-orm';
import { appErrorText } from '../src/server/cli-support.ts';
import { AppError } from '../src/server/http/app-error.ts';
import { fillDemo } from '../src/server/seed/demo-data.ts';
import { startDuikou, type Target } from './lib/duikou-server.ts';
import { measureBare, measureEndpoint } from './lib/http-measure.ts';
import { withAppContext } from './lib/in-process.ts';
import type { LoadResult } from './lib/load.ts';
import type { Quietly } from './lib/quiet.ts';

/** Province-level pairings filled with demo data (about 23 projects each). */
const DEMO_PAIRINGS = 6;
export const OPENDATA_TARGET_P95_MS = 50;

export interface OpenDataResult {
  engine: Target['engine'];
  published: { projects: number; pairings: number; figures: number };
  bare: Quietly<LoadResult>;
  endpoints: { path: string; load: Quietly<LoadResult> }[];
}

export async function measureOpenData(target: Target, log: (line: string) => void): Promise<OpenDataResult> {
  const { published, pairingName } = await withAppContext(target, async ({ ctx, database }) => {
    const top = await database.db.execute<{ id: string; name: string }>(
      sql`SELECT id, name FROM pairings WHERE level = 'province' AND parent_id IS NULL ORDER BY name LIMIT ${DEMO_PAIRINGS}`,
    );
    for (const [i, p] of top.rows.entries()) {
      try {
        await fillDemo(ctx, p.id, 2026 + i);
      } catch (err) {
        // A pairing the demo builders cannot fill is left out, and said.
        if (!(err instanceof AppError)) throw err;
        log(`  demo fill of ${p.name} refused: ${appErrorText(err)}`);
      }
    }
    await database.db.execute(sql`UPDATE projects SET published_at = now() WHERE is_demo AND published_at IS NULL`);
    const counts = await database.db.execute<{ projects: number; pairings: number; figures: number }>(sql`
      SELECT (SELECT count(*)::int FROM projects WHERE published_at IS NOT NULL) AS projects,
             (SELECT count(DISTINCT pairing_id)::int FROM projects WHERE published_at IS NOT NULL) AS pairings,
             (SELECT count(*)::int FROM published_figures) AS figures`);
    // The IATI file of the pairing with the most published projects.
    const busiest = await database.db.execute<{ name: string }>(sql`
      SELECT p.name FROM projects j JOIN pairings p ON p.id = j.pairing_id
       WHERE j.published_at IS NOT NULL GROUP BY p.name ORDER BY count(*) DESC, p.name LIMIT 1`);
    return { published: counts.rows[0]!, pairingName: busiest.rows[0]!.name };
  });
  log(
    `  published: ${published.projects} projects in ${published.pairings} pairings, ${published.figures} published figures`,
  );
  // The open-data limit per address protects a public server; the bench measures capacity from one address.
  const server = await startDuikou(target, { env: { RATE_LIMIT_OPEN_DATA_PER_MINUTE: '0' } });
  try {
    const bare = await measureBare(log);
    const paths = [
      '/api/open/projects.json',
      '/api/open/projects.csv',
      '/api/open/figures.json',
      `/api/open/iati.xml?pairing=${encodeURIComponent(pairingName)}`,
    ];
    const endpoints: OpenDataResult['endpoints'] = [];
    for (const path of paths) endpoints.push({ path, load: await measureEndpoint(server.baseUrl, path, {}, log) });
    return { engine: target.engine, published, bare, endpoints };
  } finally {
    await server.stop();
  }
}
