import type { BenchResults } from './run.ts';
import { fmtMs } from './lib/stats.ts';

/** Issue 16's section: quality on the labelled set, then matches, filtered searches and the import at scale. */
export function listingsSection(r: BenchResults): string {
  const rows = r.listings ?? [];
  if (!rows.length) return '';
  const q = (x: { ndcg10: number; recall20: number }) => `${x.ndcg10.toFixed(3)} | ${x.recall20.toFixed(3)}`;
  return `## 9. Listings: search quality, matching and import (issue 16)

Measured in process through the services the routes call (node-postgres to the PGlite worker's socket, or to
PostgreSQL). Quality on the labelled set in \`resources/listings/quality\` (${rows[0]!.quality.queries} queries) before the synthetic data is
loaded; then synthetic listings (is_synthetic, organisation names marked （合成）, a tenth of them expired), one request at a time.

| engine | nDCG@10 engine / Recall@20 | nDCG@10 bigram baseline / Recall@20 | listings | word counts (background at start) | top-20 match p50 / p95 | search with filters p50 / p95 | import |
|---|---|---|---|---|---|---|---|
${rows
  .map(
    (x) =>
      `| ${x.engine} | ${q(x.quality.engine)} | ${q(x.quality.baseline)} | ${x.synthetic.toLocaleString('en-US')} (loaded in ${x.loadS.toFixed(0)} s) | ${x.wordCountsS.toFixed(1)} s | ${fmtMs(x.match.p50)} / ${fmtMs(x.match.p95)} | ${fmtMs(x.search.p50)} / ${fmtMs(x.search.p95)} | ${x.import10k.rows.toLocaleString('en-US')} rows in ${x.import10k.seconds.toFixed(2)} s |`,
  )
  .join('\n')}

Filters of the searches: ${rows[0]!.search.filters}.
`;
}
