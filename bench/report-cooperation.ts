import { type CooperationResult, COOPERATION_SIZES, ROSTER_IMPORT_TARGET_MS } from './cooperation.ts';
import { SYNTHETIC_MARK } from './cooperation-data.ts';
import { BROWSER_ACCEPT_ENCODING } from './lib/browser.ts';
import { LOAD } from './lib/load.ts';
import { fmtMs, fmtRate, median } from './lib/stats.ts';
import type { BenchResults } from './run.ts';

const ENGINE = { pglite: 'PGlite', postgres: 'PostgreSQL' } as const;
/** Issue 11: list pages p95 under 50 ms at 64 connections, uncached. */
const LIST_P95_MS = 50;
const n = (v: number) => v.toLocaleString('en-US');
const mark = (v: number, target: number) => (v < target ? ' ✓' : ' ✗');

function table(head: string[], rows: (string | number)[][]): string {
  return [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

const importCell = (c: CooperationResult) =>
  `median ${n(median(c.importMs))} ms, slowest ${n(Math.max(...c.importMs))} ms${mark(Math.max(...c.importMs), ROSTER_IMPORT_TARGET_MS)}`;

/** Stage 6 (issue 11): roster imports and the meetings, tracked items and secondments list pages. */
export function cooperationSection(r: BenchResults): string {
  const runs = r.cooperation ?? [];
  if (!runs.length) return '## 6. Meetings, decisions and cadres (issue 11)\n\nNot measured in this run.';
  const d = runs[0]!;
  const rows = d.lists.flatMap((_, k) =>
    runs.map((c) => {
      const l = c.lists[k]!;
      const v = l.load.value;
      return [
        `${ENGINE[c.engine]}: ${l.label}`,
        fmtRate(v.rps),
        fmtMs(v.p50),
        `**${fmtMs(v.p95)}**${mark(v.p95, LIST_P95_MS)}`,
        fmtMs(v.p99),
        `${fmtMs(l.serial.median)} (p95 ${fmtMs(l.serial.p95)})`,
        l.load.foreignCores.toFixed(2),
      ];
    }),
  );
  return `## 6. Meetings, decisions and cadres (issue 11)

**The data is generated** (bench/cooperation-data.ts, in a child process on a fresh database): ${n(d.prepared.pairings)} pairings
(the real ones and ${COOPERATION_SIZES.pairings} synthetic county sub-pairs), ${n(d.prepared.meetings)} meetings spread over them
(titles start with ${SYNTHETIC_MARK}), ${n(d.prepared.decisions)} decisions as tracked items (a third each not started,
under way and closed; meetings from December 2016 to November 2026, deadlines 30–300 days after, so most open ones are overdue), each with a lead unit (one of 100 synthetic units),
in bulk SQL; then **${n(d.cadres)} cadres through ${d.importMs.length} roster imports of ${n(COOPERATION_SIZES.rosterRows)} rows each**
over HTTP (\`POST /api/secondments/import\` by a 组织部 user, each row validated, its ID number and mobile sealed
with SM4 and a blind index, all or nothing).

${table(
  [
    'Engine',
    `roster import of ${n(COOPERATION_SIZES.rosterRows)} rows (target < ${ROSTER_IMPORT_TARGET_MS / 1000} s)`,
    'each import (ms)',
  ],
  runs.map((c) => [ENGINE[c.engine], importCell(c), c.importMs.map(n).join(', ')]),
)}

List pages at ${LOAD.connections} connections, ${LOAD.durationS} s after a ${LOAD.warmupS} s warm-up. Every request asks for another
page or filter (${n(d.lists[0]!.paths)} addresses per list, more than a run makes): meetings by page, year and pairing (national
office); tracked items by status (overdue included), by owner unit and overdue of an owner (national office);
secondments by page, and by year and rank (组织部). "One at a time" is the same list with a single connection
(50 requests after 5 warm-up ones). Requests say \`Accept-Encoding: ${BROWSER_ACCEPT_ENCODING}\`, as a browser on HTTPS does: the
answers come brotli-compressed and autocannon counts them as sent, without decompressing them. Target: p95 < ${LIST_P95_MS} ms.

${table(['List', 'req/s', 'p50', 'p95', 'p99', 'one at a time: median (p95)', 'other processes (cores)'], rows)}`;
}
