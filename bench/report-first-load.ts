import type { BenchResults } from './run.ts';
import type { LoadSample } from './first-load.ts';
import { median } from './lib/stats.ts';
import { BROTLI_QUALITY, GZIP_LEVEL } from '../src/server/http/web-delivery.ts';

const kb = (b: number) => `${Math.round(b / 1024).toLocaleString('en-US')} KB`;
const TARGET_BYTES = 500 * 1024;
const TARGET_MS = 1000;

function row(label: string, samples: LoadSample[]): string[] {
  const m = (k: keyof LoadSample) => median(samples.map((s) => s[k]));
  return [
    label,
    kb(m('firstScreen')),
    kb(m('transferred')),
    kb(m('appTransferred')),
    kb(m('decoded')),
    String(m('requests')),
    `${m('mapDrawnMs').toFixed(0)} ms`,
  ];
}

function table(head: string[], rows: string[][]): string {
  return [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

/** Section 8 of docs/BENCHMARKS.md: the dashboard's first load in headless Chromium (issue 14). */
export function firstLoadSection(r: BenchResults): string {
  const f = r.firstLoad?.[0];
  if (!f) return '## 7. First load of the dashboard in Chromium (issue 14)\n\nNot measured in this run.';
  const bytes = median(f.compressed.map((s) => s.firstScreen));
  const ms = median(f.compressed.map((s) => s.mapDrawnMs));
  const verdict = (ok: boolean) => (ok ? 'met' : '**not met**');
  return `## 7. First load of the dashboard in Chromium (issue 14)

The national office, signed in, opens the dashboard in headless Chromium (playwright-core, \`/usr/bin/chromium\`) with
an empty cache, on ${f.engine === 'pglite' ? 'PGlite' : 'PostgreSQL'} over loopback. Bytes are what the browser's
network log says arrived (\`Network.loadingFinished\` \`encodedDataLength\`, headers included), not file sizes:
"first screen" is what had arrived when the map was drawn, "in all" what arrived until the network was idle. The time runs from the start of the navigation to the first
frame in which the map's canvas has paint. Median of
${f.compressed.length} cold loads (of ${f.identity.length} for the uncompressed row), after one load not counted.

${table(
  ['Load', 'First screen', 'Transferred in all', 'of which /assets', 'Decoded', 'Requests', 'Map drawn'],
  [
    row('Cold, as served (brotli)', f.compressed),
    row('Cold, browser asking for no compression (the server before)', f.identity),
    row('Reload, same profile (immutable cache)', [f.warm]),
  ],
)}

Targets: first screen ≤ 500 KB transferred — ${verdict(bytes <= TARGET_BYTES)} (${kb(bytes)}); map drawn ≤ 1 s after a cold load —
${verdict(ms <= TARGET_MS)} (${ms.toFixed(0)} ms). The web app's files are compressed at build time (brotli 11, gzip 9;
scripts/precompress.ts) and sent as they are; hashed files under \`/assets\` are cached for a year as immutable,
\`index.html\` is revalidated at every load.

Compressing the API's JSON as the server does (brotli quality ${BROTLI_QUALITY}, gzip ${GZIP_LEVEL}, in one call; a cached answer keeps its
compressed bytes, so only a miss pays this), one answer, in the bench process on this machine:

${table(
  ['Answer', 'Size', `brotli ${BROTLI_QUALITY}`, 'time', `gzip ${GZIP_LEVEL}`, 'time'],
  f.json.map((j) => [
    `\`${j.path}\``,
    kb(j.bytes),
    kb(j.brotli.bytes),
    `${j.brotli.ms.toFixed(2)} ms`,
    kb(j.gzip.bytes),
    `${j.gzip.ms.toFixed(2)} ms`,
  ]),
)}`;
}
