import type { BenchResults } from './run.ts';
import { LOAD } from './lib/load.ts';
import { fmtMs, fmtRate } from './lib/stats.ts';
import { OPENDATA_TARGET_P95_MS } from './opendata.ts';

/** Issue 13's section: the open-data endpoints without an account at 64 connections, against bare Fastify. */
export function openDataSection(r: BenchResults): string {
  const rows = r.openData ?? [];
  if (!rows.length) return '';
  const lines = rows.flatMap((x) => [
    `| ${x.engine} | bare Fastify \`/hello\` | ${fmtRate(x.bare.value.rps)} | ${fmtMs(x.bare.value.p95)} | — | — | ${x.bare.foreignCores.toFixed(2)} |`,
    ...x.endpoints.map(
      (e) =>
        `| ${x.engine} | \`${decodeURIComponent(e.path)}\` | ${fmtRate(e.load.value.rps)} | ${fmtMs(e.load.value.p95)} | ${(e.load.value.p95 / x.bare.value.p95).toFixed(1)}× | ${e.load.value.p95 < OPENDATA_TARGET_P95_MS ? 'met' : 'not met'} | ${e.load.foreignCores.toFixed(2)} |`,
    ),
  ]);
  const data = rows
    .map(
      (x) =>
        `${x.engine}: ${x.published.projects} published projects in ${x.published.pairings} pairings, ${x.published.figures} published figures`,
    )
    .join('; ');
  return `## 10. Open data without an account (issue 13)

The real server with no session, ${LOAD.connections} connections, ${LOAD.durationS} s after ${LOAD.warmupS} s of warm-up
(autocannon), \`RATE_LIMIT_OPEN_DATA_PER_MINUTE=0\` (one address asks for everything). Data: demo fill of the first
province-level pairings, every demo project published (${data}). Target: p95 under ${OPENDATA_TARGET_P95_MS} ms. Nothing is written
during the load, so after its first request each endpoint is answered from the response cache (\`x-cache: hit\`), as a
public server is between two publications; a write to a table an answer was read from drops it.

| engine | endpoint | req/s | p95 | p95 against bare | under ${OPENDATA_TARGET_P95_MS} ms | other load (cores) |
|---|---|---|---|---|---|---|
${lines.join('\n')}
`;
}
