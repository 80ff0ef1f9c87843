import type { BenchResults } from './run.ts';
import type { ThroughputResult } from './throughput.ts';
import type { StallResult } from './stall.ts';
import type { Quietly } from './lib/quiet.ts';
import { BROWSER_ACCEPT_ENCODING } from './lib/browser.ts';
import { LOAD } from './lib/load.ts';
import { COLD_RUNS } from './cold-start.ts';
import { SYNTHETIC_SUB_PAIRS, SYNTHETIC_THEME } from './lib/synthetic-data.ts';
import { fmtMs, fmtRate, fmtS, median, percentile } from './lib/stats.ts';
import type { LoadResult } from './lib/load.ts';
import { PARSE_RUNS } from './plan-parse.ts';
import { corpusSection } from './report-corpus.ts';
import { PLANS_SIZES, TREE_LOAD } from './plans.ts';
import { IMPORT_TARGET_MS, PROJECTS_SIZES, type ImportRun, type ProjectsResult } from './projects.ts';
import { mixedSection, mixedSummaryRows } from './report-mixed.ts';
import { evaluationsSection } from './report-evaluations.ts';
import { firstLoadSection } from './report-first-load.ts';
import { cooperationSection } from './report-cooperation.ts';
import { listingsSection } from './report-listings.ts';
import { openDataSection } from './report-opendata.ts';
import { portalSection } from './report-portal.ts';

const ENGINE = { pglite: 'PGlite', postgres: 'PostgreSQL' } as const;
const x = (r: number) => (r >= 0.1 ? r.toFixed(2) : r.toFixed(3)) + '×';
const cores = (c: number) => c.toFixed(2);
const max = (xs: number[]) => (xs.length ? xs.reduce((m, v) => Math.max(v, m), -Infinity) : NaN);

function table(head: string[], rows: (string | number)[][]): string {
  return [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

function machineSection(r: BenchResults): string {
  const m = r.machine;
  const p = m.packages;
  return `## Machine and versions

${table(
  ['', ''],
  [
    ['Date', m.date.replace('T', ' ').slice(0, 16) + ' UTC'],
    ['CPU', `${m.cpu} (/proc/cpuinfo), ${m.cores} cores`],
    ['RAM', `${m.ramGiB} GiB`],
    ['OS', m.os],
    ['Node', m.node],
    [
      'PGlite',
      `@electric-sql/pglite ${p['@electric-sql/pglite']} = ${r.pgliteServer.split(' on ')[0]}; @electric-sql/pglite-socket ${p['@electric-sql/pglite-socket']}`,
    ],
    [
      'PostgreSQL',
      r.postgres.version ? `${r.postgres.version}; ${r.postgres.source}` : (r.postgres.note ?? 'not measured'),
    ],
    [
      'Other',
      `pg ${p.pg}, drizzle-orm ${p['drizzle-orm']}, fastify ${p.fastify}, autocannon ${p.autocannon}, tsx ${p.tsx}`,
    ],
    ['Whole run', `${(r.durationS / 60).toFixed(1)} min (stages: ${r.stages.join(', ')})`],
  ],
)}

The client (autocannon, the stall client), the server and the database share the same ${m.cores} cores, so absolute figures
are a floor, not capacity; the ratios to the bare Fastify endpoint measured in the same run are the comparable part.
The machine may also be running other work (test suites, browsers). Before each measurement the bench waits up to
10 s for other processes to use less than 0.1 core, measures how much CPU they used during the measurement
("other load", in cores; 2.00 would mean both cores busy with someone else's work), and repeats a measurement once when
that was above 0.25 core, keeping the quieter attempt — during the first 6 minutes only, so the run stays bounded.
Figures measured under high other load are pessimistic; compare runs by their ratios and their other-load column.`;
}

function coldSection(r: BenchResults): string {
  if (!r.cold.length) return '## 1. Cold start to first response\n\nNot measured in this run.';
  const rows = r.cold.map((c) => [
    ENGINE[c.engine],
    `**${fmtS(median(c.empty))}**`,
    c.empty.map((v) => fmtS(v)).join(', '),
    `**${fmtS(median(c.existing))}**`,
    c.existing.map((v) => fmtS(v)).join(', '),
    c.foreignCores.map(cores).join(', ') + (c.attempts > COLD_RUNS ? ` (${c.attempts} runs made)` : ''),
  ]);
  const pgl = r.cold.find((c) => c.engine === 'pglite');
  const pgs = r.cold.find((c) => c.engine === 'postgres');
  const reading = [
    pgl &&
      `On an empty data directory PGlite needs ${fmtS(median(pgl.empty))}: it runs initdb inside WASM, applies the migrations, then loads the seeds. Restarting on the same directory takes ${fmtS(median(pgl.existing))}, so the first start costs about ${fmtS(median(pgl.empty) - median(pgl.existing))} more than any later one.`,
    pgs &&
      `On PostgreSQL the database server already exists, so the empty start is migrations plus seeds only: ${fmtS(median(pgs.empty))}, and ${fmtS(median(pgs.existing))} on an existing database.`,
    pgl &&
      pgs &&
      `An existing-database start on PGlite is ${x(median(pgl.existing) / median(pgs.existing))} the PostgreSQL one; the difference is starting the PGlite worker and its WASM PostgreSQL.`,
    `Much of even the existing-database start is loading code: importing src/server/server.ts alone took 1.7–1.9 s on a quiet machine and up to 4 s on a busy one (checked while writing this bench, 2026-11-23). exceljs (0.45–0.7 s) and mammoth are imported statically although only imports and exports use them; loading them on first use, as is already done for pdfjs-dist, would take about half a second off every start.`,
  ].filter(Boolean);
  return `## 1. Cold start to first response

The real server (\`node --import tsx src/server/main.ts\`, \`DATA_DIR\` a new temp directory, \`PORT\` a free port,
\`LOG_LEVEL=warn\`, \`HOST=127.0.0.1\`) is spawned and \`GET /api/health\` is polled every 10 ms; the time is from spawn to
the first 200. "Empty" is the first start on a new data directory (PGlite) or a new empty database (PostgreSQL):
migrations, ${pgl?.loaded ?? pgs?.loaded ?? 'regions and the programme'} from the seeds. "Existing" is a second start on what the first
left behind, after a clean stop (SIGTERM). ${COLD_RUNS} runs each, each with its own directory/database (a run that overlapped
with other work is repeated once on new data); the tsx transform cache is filled once before the first run, so no run
pays for compiling TypeScript.

${table(['Engine', 'Empty (median)', `Empty, ${COLD_RUNS} runs`, 'Existing (median)', `Existing, ${COLD_RUNS} runs`, 'Other load per run (cores)'], rows)}

${reading.join(' ')}`;
}

function loadRow(
  label: string,
  q: Quietly<{ rps: number; p50: number; p95: number; p99: number; bytesPerResponse: number }>,
  bare: ThroughputResult['bare'],
) {
  const v = q.value;
  return [
    label,
    fmtRate(v.rps),
    bare === q ? '1' : x(v.rps / bare.value.rps),
    fmtMs(v.p50),
    `**${fmtMs(v.p95)}**`,
    bare === q ? '1' : x(v.p95 / bare.value.p95),
    fmtMs(v.p99),
    `${(v.bytesPerResponse / 1024).toFixed(1)} kB`,
    cores(q.foreignCores) + (q.attempts > 1 ? ` (${q.attempts} tries)` : ''),
  ];
}

function throughputSection(r: BenchResults): string {
  if (!r.throughput.length) return '## 2. Throughput and p95 at 64 connections\n\nNot measured in this run.';
  const rows = r.throughput.flatMap((t) => [
    loadRow(`${ENGINE[t.engine]} run: bare Fastify \`{hello:'world'}\``, t.bare, t.bare),
    loadRow(`${ENGINE[t.engine]}: \`GET /api/dashboard\``, t.dashboard, t.bare),
    loadRow(`${ENGINE[t.engine]}: \`GET /api/pairings?pageSize=20\``, t.pairings, t.bare),
  ]);
  const serialRows = r.throughput[0].serial.map((s, i) => [
    s.label,
    ...r.throughput.map((t) => `${fmtMs(t.serial[i].median)} (p95 ${fmtMs(t.serial[i].p95)})`),
  ]);
  const d = r.throughput[0].data;
  const pgl = r.throughput.find((t) => t.engine === 'pglite');
  const pgs = r.throughput.find((t) => t.engine === 'postgres');
  const reading: string[] = [];
  for (const t of [pgl, pgs].filter((t): t is ThroughputResult => !!t)) {
    const little = (q: ThroughputResult['dashboard']) => (LOAD.connections / q.value.rps) * 1000;
    reading.push(
      `**${ENGINE[t.engine]}.** The dashboard serves ${fmtRate(t.dashboard.value.rps)} req/s (${x(t.dashboard.value.rps / t.bare.value.rps)} of bare Fastify) with p95 ${fmtMs(t.dashboard.value.p95)}; the pairing list ${fmtRate(t.pairings.value.rps)} req/s (${x(t.pairings.value.rps / t.bare.value.rps)}) with p95 ${fmtMs(t.pairings.value.p95)}. ` +
        `With ${LOAD.connections} requests always in flight, the mean latency must be ${LOAD.connections} / throughput (Little's law): ${fmtMs(little(t.dashboard))} and ${fmtMs(little(t.pairings))}` +
        (t.serial[2].median < 0.25 * t.dashboard.value.p50
          ? `; a single request alone takes far less (below), so most of the latency under load is waiting in line, not work. `
          : `. `) +
        `One request at a time costs ${fmtMs(t.serial[2].median)} (dashboard) and ${fmtMs(t.serial[3].median)} (pairing list), of which the session lookup alone is ${fmtMs(Math.max(0, t.serial[1].median - t.serial[0].median))}.` +
        (t.serverRssMb
          ? ` The server process (with ${t.engine === 'pglite' ? 'PGlite inside it' : 'the pool'}) used ${t.serverRssMb} MB RSS after the load.`
          : ''),
    );
  }
  if (pgl && pgs) {
    reading.push(
      `**PGlite against PostgreSQL.** PostgreSQL serves the dashboard ${x(pgs.dashboard.value.rps / pgl.dashboard.value.rps)} and the pairing list ${x(pgs.pairings.value.rps / pgl.pairings.value.rps)} as fast as PGlite at this concurrency.`,
    );
  }
  reading.push(
    `**Served from memory.** Each load repeats one address as one signed-in user, so after the first request the answer ` +
      `comes from the response cache (src/server/http/response-cache.ts, routes marked \`cacheable\`) and the session with its ` +
      `pairing scope from the session cache, until a table they were read from is written (src/server/db/data-version.ts); ` +
      `requests that miss together share one computation. The figures above are therefore what many officials reading the ` +
      `same pages get between changes — a secondary table since issue 10: the headline is the realistic mix of section 0, ` +
      `where many users ask many addresses while writes flow. What a miss costs (the database work) is what the two ` +
      `profiles below describe; they were taken before the caches existed (commit 19c6f86), when every request went to the database.`,
  );
  if (pgl) {
    reading.push(
      `**Where the time goes on PGlite** (a profile taken once while writing this bench, on 2026-11-23, not re-measured by each run). ` +
        `During the load the PGlite worker thread is busy almost all the time: in a CPU profile of the server (\`--cpu-prof\`, pairing list, quiet machine) about 55 % of its busy time is PostgreSQL itself (WASM), 17 % PGlite and pglite-socket JavaScript, 10 % socket writes. The main thread is busy about two thirds of the time with Drizzle building SQL (the largest single share, 14 % of the profile), node-postgres, zod and Fastify; with autocannon on the same two cores, the machine is CPU-bound. ` +
        `PGlite executes one statement at a time, so a request's database time adds up across its statements and every other request waits for it. ` +
        `Timed one at a time on the same data (median of 40 calls of the repository functions, quiet machine), through the worker on PGlite and through \`pg\` on PostgreSQL: the session lookup that every signed-in request makes (a three-table join on primary keys) 4.5–8 ms against 1.9 ms, \`listPairings\` (page plus count, two statements) 3.4–3.8 against 2.3 ms, \`sidesOf\` for a page 2–3 against 1.1 ms, the dashboard's programmes 1.6–2.4 against 1.2 ms, counts 1.6–2.0 against 1.1 ms and top-level pairings 0.9–1.7 against 0.7 ms. A pairing-list request is 4 statements and the dashboard 6 (region names and map positions come from an in-memory catalogue since commit 60c3c81, no longer from a query). ` +
        `A bare \`SELECT 1\` through the worker's socket is 0.5–1.2 ms; EXPLAIN ANALYZE of the session lookup in PGlite shows 0.1 ms of execution against 0.5–19 ms of planning, so for these small queries the fixed cost per statement — planning in WASM, the protocol round trip through pglite-socket, which handles each protocol message separately — dominates, and the session lookup is the single largest piece. ` +
        `What would help, in order: fewer statements per request (keep the session and pairing scope in memory for a few seconds instead of a three-table join on every request; one statement for a page and its sides), prepared statements (Drizzle \`.prepare()\`, which would also skip planning), and, for more than one office working at a time, PostgreSQL.`,
    );
  }
  if (pgs) {
    reading.push(
      `**Where the time goes on PostgreSQL** (same one-off profile, pairing list). Here the Node main thread is the bottleneck, not the database: it was idle only about 8 % of the profile. The largest shares: socket writes 25 % (\`writev\` system calls, one per statement sent to PostgreSQL and one per response — each costs roughly 0.15 ms on this virtual machine), Drizzle building the SQL for every call 16 % (\`is()\` entity checks, \`buildQueryFromSourceParams\`, column casing), Node internals 13 %, node-postgres 7 %, garbage collection 5 %, zod 5 %, the app's own code 4 %, Fastify 3 %. ` +
        `Each request builds and sends 4–6 statements; Drizzle prepared queries (\`.prepare()\`, built once) and fewer statements per request would cut most of that, and on a machine with more cores, more than one Node process would help.`,
    );
  }
  return `## 2. Throughput and p95 at ${LOAD.connections} connections

**The data is generated.** Besides the real programme from the seeds (${d.pairings} pairings, ${d.exploratory ?? 0} exploratory, and the named sub-pairs), the bench
creates about ${SYNTHETIC_SUB_PAIRS} synthetic county-level sub-pairs — ten times the national scale — through the API, spread over
the real top-level pairings, each side a county of the parent's two sides (found with \`GET /api/regions?parentCode=…\`), all
with theme "${SYNTHETIC_THEME}" and a note saying they are synthetic. In this run: ${d.pairings} top-level pairings, ${d.subPairs}
sub-pairs (${d.synthetic} synthetic), ${d.regions} regions involved.

Set-up per engine: \`echo "$PW" | node bin/duikou.js admin create --username benchadmin\` before the server starts, then,
through the API, an organisation of kind \`national_office\` in region 000000 and a user with role \`national_office\` in it;
the load runs as that user (session cookie). autocannon ${r.machine.packages.autocannon} runs in the bench process with
${LOAD.connections} connections, a ${LOAD.warmupS} s warm-up that is not recorded, then ${LOAD.durationS} s measured; p50/p95/p99 are computed from every
response of the measured part; req/s is autocannon's mean of its per-second samples. Every request (here and in the other
stages' autocannon runs) says \`Accept-Encoding: ${BROWSER_ACCEPT_ENCODING}\`, as a browser on HTTPS does: answers over 1 KB
come compressed, "response" is the bytes as sent, and autocannon does not decompress them. The baseline is a separate minimal
Fastify 5 process answering \`{hello:'world'}\` (bench/bare-fastify.mjs), measured in the same run with the same settings.
Every response had status 200 (the bench fails otherwise). Ratios: throughput and p95 each divided by the bare endpoint's.

${table(['', 'req/s', 'req/s ÷ bare', 'p50', 'p95', 'p95 ÷ bare', 'p99', 'response', 'other load (cores)'], rows)}

One request at a time (150 requests after 20 warm-up requests, median and p95), same server and data:

${table(['Request', ...r.throughput.map((t) => ENGINE[t.engine])], serialRows)}

${reading.join('\n\n')}`;
}

function stallRow(q: Quietly<StallResult>) {
  const s = q.value;
  const label =
    s.mode === 'worker'
      ? 'PGlite in its worker (the app: `openDatabase()`)'
      : 'PGlite on the main thread (`PGlite.create`, no worker)';
  return [
    label,
    `${fmtMs(median(s.heavyMs))} (${fmtMs(Math.min(...s.heavyMs))}–${fmtMs(max(s.heavyMs))})`,
    `**${fmtMs(max(s.heavy.cheap))}**`,
    fmtMs(percentile(s.heavy.cheap, 99)),
    fmtMs(max(s.heavy.select1)),
    fmtMs(percentile(s.heavy.select1, 99)),
    fmtMs(s.eventLoopDelay.maxMs),
    `${fmtMs(percentile(s.idle.cheap, 99))} / ${fmtMs(percentile(s.idle.select1, 99))}`,
    cores(q.foreignCores) + (q.attempts > 1 ? ` (${q.attempts} tries)` : ''),
  ];
}

function stallSection(r: BenchResults): string {
  if (!r.stall.length)
    return '## 3. Longest stall of a cheap request while a heavy query runs\n\nNot measured in this run.';
  const w = r.stall.find((s) => s.value.mode === 'worker')?.value;
  const d = r.stall.find((s) => s.value.mode === 'direct')?.value;
  const sql = r.stall[0].value.heavySql;
  const reading: string[] = [];
  if (w && d) {
    reading.push(
      `With PGlite on the main thread, the cheap endpoint — which never touches the database — waits as long as the heavy query runs: worst ${fmtMs(max(d.heavy.cheap))} for queries of ${fmtMs(median(d.heavyMs))} (median), and the event loop itself stalls for ${fmtMs(d.eventLoopDelay.maxMs)}. ` +
        `With the worker, the same endpoint's worst case is ${fmtMs(max(w.heavy.cheap))} and its p99 ${fmtMs(percentile(w.heavy.cheap, 99))} (${x(max(d.heavy.cheap) / max(w.heavy.cheap))} better at the worst); the main thread's longest event-loop delay is ${fmtMs(w.eventLoopDelay.maxMs)}. ` +
        `What remains on the worker side is the main thread competing for the ${r.machine.cores} cores with the busy worker and the client, its garbage collection, and the burst of queued \`SELECT 1\` answers arriving together when each heavy query ends (a GC trace showed main-thread mark-compacts of up to about 60 ms during the run).`,
    );
    reading.push(
      `The \`SELECT 1\` request waits for the heavy query either way (worst ${fmtMs(max(w.heavy.select1))} with the worker, ${fmtMs(max(d.heavy.select1))} without): PGlite runs one statement at a time, so the worker keeps the server responsive but does not make the database concurrent. ` +
        `Requests that need the database — which is almost all of the API — still stall behind a heavy query on PGlite; keeping dashboards on small or pre-aggregated queries (stack.md guardrail 2) still matters, and PostgreSQL has no such queue.`,
    );
  }
  return `## 3. Longest stall of a cheap request while a heavy query runs (PGlite)

One Node process (bench/stall-server.ts) opens a fresh database and serves two routes with a bare Fastify app:
\`GET /cheap\` answers \`{ok:true}\` without touching the database, \`GET /select1\` runs \`SELECT 1\`. A client in a child
process (bench/stall-client.mjs) sends both every 5 ms on pre-opened keep-alive connections (open loop: a slow answer does
not delay the next request; latency is counted from the moment the request was due). After a 2 s idle baseline, the
server runs \`${sql}\` five times with a 1 s pause after each; every request sent from the first query's start to the end of
the last pause is counted (a request sent just after a query ends still waits for the backlog it left).
\`monitorEventLoopDelay\` records the main thread's event-loop delay over the same span. Two set-ups: the app's design
(\`openDatabase()\` from src/server/db/database.ts: PGlite in a worker thread behind a Unix socket, reached through a
\`pg.Pool\`), and as a baseline PGlite opened directly on the main thread with \`PGlite.create\`.

${table(['Set-up', 'heavy query (median, range)', 'cheap: worst', 'cheap: p99', 'SELECT 1: worst', 'SELECT 1: p99', 'event-loop delay, max', 'idle p99 cheap / SELECT 1', 'other load (cores)'], r.stall.map(stallRow))}

${reading.join('\n\n')}`;
}

// ---- Stages 4 and 5: the figures issues 3 (plans) and 4 (projects) ask for ----

/** The targets of PRODUCT.md §5 ("How well") and the one the lead set for the sheet import. */
const TARGET = { listP95Ms: 50, planImportMs: 1000, sheetImportMs: IMPORT_TARGET_MS } as const;
const against = (value: number, target: number, unit: (v: number) => string) =>
  value <= target
    ? `within the target (≤ ${unit(target)})`
    : `**over the target** (≤ ${unit(target)}) by ${x(value / target)}`;
const n = (v: number) => v.toLocaleString('en-US');
const timing = (t: { median: number; p95: number }) => `${fmtMs(t.median)} (p95 ${fmtMs(t.p95)})`;
const loadWindow = (q: Quietly<LoadResult>) =>
  q.value.durationS !== undefined ? ` [${q.value.warmupS} s warm-up, ${q.value.durationS} s measured]` : '';

function checkRunBanner(r: BenchResults): string {
  const s = r.settings;
  if (!s || (s.scale === 1 && s.load.durationS === 10)) return '';
  return `> **A check of the bench, not results:** this run used BENCH_SCALE=${s.scale} (generated data at ${s.scale * 100} % of the sizes below) and ${s.load.durationS} s autocannon windows. Re-run \`npm run bench\` without them for figures.\n\n`;
}

function parseSection(r: BenchResults): string {
  const p = r.parse?.value;
  if (!p) return '### 4.1 Parse time of the seed plans\n\nNot measured in this run.';
  const rows = p.seeds.map((s) => [
    `${s.title} (\`resources/seeds/${s.file}\`)`,
    s.tasks,
    n(s.chars),
    `**${timing(s.txt)}**`,
    s.docx ? `${timing(s.docx)}, ${(s.docx.bytes / 1024).toFixed(0)} kB` : '—',
    s.pdf ? `${timing(s.pdf)}, ${(s.pdf.bytes / 1024).toFixed(0)} kB` : (p.pdfSkipped ?? '—'),
  ]);
  return `### 4.1 Parse time of the seed plans (issue 3)

In the bench process, no server or database: \`parsePlan\` (src/server/modules/plans/parser) on the text of each seed
plan — normalising, structure, targets, sub-pairs, units — with the region list loaded once beforehand, as the server
does. The .docx and .pdf columns are \`extractPlanText\` plus \`parsePlan\` on the same paragraphs written as a Word file
and typeset as a PDF (Noto Sans SC) the way the parser's tests make them (test-support/plan-documents.ts), and must give
the same number of tasks. Median and p95 of ${PARSE_RUNS.txt.runs} runs after ${PARSE_RUNS.txt.warmup} warm-up runs (text), ${PARSE_RUNS.docx.runs} after ${PARSE_RUNS.docx.warmup} (.docx),
${PARSE_RUNS.pdf.runs} after ${PARSE_RUNS.pdf.warmup} (.pdf). Other load during these runs: ${cores(r.parse!.foreignCores)} cores.

${table(['Plan', 'tasks', 'characters', 'text: median (p95)', '.docx: median (p95), size', '.pdf: median (p95), size'], rows)}`;
}

function plansSection(r: BenchResults): string {
  const plans = r.plans ?? [];
  const head = `## 4. Plans (issue 3)\n\n${parseSection(r)}`;
  if (!plans.length) return `${head}\n\n### 4.2–4.3 Plan import and plan tree\n\nNot measured in this run.`;
  const importRows = plans.map((p) => {
    const i = p.imports.value;
    const total = median(i.total);
    return [
      ENGINE[p.engine],
      i.total.length,
      timing({ median: median(i.preview), p95: percentile(i.preview, 95) }),
      timing({ median: median(i.confirm), p95: percentile(i.confirm, 95) }),
      `**${timing({ median: total, p95: percentile(i.total, 95) })}**`,
      against(total, TARGET.planImportMs, fmtS),
      cores(p.imports.foreignCores),
    ];
  });
  const d = plans[0].prepared;
  const loadRows = plans.flatMap((p) => [
    loadRow(`${ENGINE[p.engine]} run: bare Fastify \`{hello:'world'}\``, p.bare, p.bare),
    loadRow(`${ENGINE[p.engine]}: \`GET /api/plans/:id\` (the plan page's tree)${loadWindow(p.tree)}`, p.tree, p.bare),
    loadRow(`${ENGINE[p.engine]}: \`GET /api/tasks?planId=…&pageSize=20\``, p.tasks, p.bare),
  ]);
  const serialRows = plans[0].serial.map((s, k) => [s.label, ...plans.map((p) => timing(p.serial[k]))]);
  const reading = plans.map(
    (p) =>
      `**${ENGINE[p.engine]}.** The task list's first page of the ${n(p.prepared.tasks)}-task plan: p95 ${fmtMs(p.tasks.value.p95)} at ${LOAD.connections} connections — ${against(p.tasks.value.p95, TARGET.listP95Ms, fmtMs)} of PRODUCT.md §5 — and ${fmtRate(p.tasks.value.rps)} req/s (${x(p.tasks.value.rps / p.bare.value.rps)} of bare Fastify). ` +
      `The whole tree (${(p.tree.value.bytesPerResponse / 1024 / 1024).toFixed(1)} MB per response) serves ${fmtRate(p.tree.value.rps)} req/s with p95 ${fmtMs(p.tree.value.p95)}; alone, one tree takes ${fmtMs(p.serial[0].median)}. ` +
      `A 40-task import takes ${fmtMs(median(p.imports.value.total))} end to end (median), ${against(median(p.imports.value.total), TARGET.planImportMs, fmtS)}.` +
      (p.serverRssMb ? ` Server RSS after the load: ${p.serverRssMb} MB.` : ''),
  );
  return `${head}

### 4.2 Import of a 40-task plan over HTTP (issue 3)

The real server, signed in as a pairing office of 吉林省 (an organisation of kind \`pairing_office\` in 220000 and its
user, made with the seed builders). Each run uploads a plan of ${plans[0].imports.value.tasks} tasks as \`multipart/form-data\` to
\`POST /api/plans/preview\`, then sends the preview back unchanged to \`POST /api/plans\` (what the import page does on
"confirm"), and checks it was stored as version 1 with ${plans[0].imports.value.tasks} tasks. The plan is the real 吉林省—浙江省 plan's text
with its 39 clauses and the first one again as task 40 (bench/lib/generated-plan.ts, ${(plans[0].imports.value.bytes / 1024).toFixed(1)} kB);
**each run has its own title** (吉林省与浙江省对口合作基准测试N号实施方案), so every run is a first import with its own
sections, tasks, targets and source document, not a re-import of an existing version. One untimed import first
warms the server up. Times are measured by the client, so they include HTTP and JSON both ways; the target is
PRODUCT.md §5's "plan import of a 40-task document under 1 s".

${table(['Engine', 'runs', 'preview: median (p95)', 'confirm: median (p95)', 'preview + confirm: median (p95)', 'against 1 s', 'other load (cores)'], importRows)}

### 4.3 The plan tree and the task list of a ${n(d.tasks)}-task plan at ${LOAD.connections} connections (issue 3)

**The data is generated**: one plan for 吉林省—浙江省 with ${n(d.tasks)} tasks in ${n(d.sections)} sections (${n(d.targets)} targets read from the
clauses, ${n(d.sourceChars)} characters of source text), made by repeating the real plan's 39 clauses under their own
sub-section titles (numbered from 1 again in each top-level section beyond 300 tasks, as the national plan does),
parsed by the parser and stored by \`importPlan\` — the service the confirmation calls — before the server starts
(timed once as set-up: ${plans.map((p) => `${fmtS(p.prepared.setupMs.importPlan)} on ${ENGINE[p.engine]}`).join(', ')}). The tasks are as an import leaves them: no
deadlines or progress yet, so every light is green. The load runs as the pairing office (session cookie), with the
same autocannon settings and bare Fastify baseline as section 2; all answers were 200. 64 trees of ${n(PLANS_SIZES.treeTasks)} tasks in
flight can take longer than the usual window to come back, so the tree is measured with a longer warm-up and window
(shown in its row) and a ${TREE_LOAD.timeoutS} s per-request timeout, so that its figures come from a steady state. The target for the task list is PRODUCT.md §5's p95 under ${TARGET.listP95Ms} ms with 64
concurrent clients; the issue sets none for the whole tree.

${table(['', 'req/s', 'req/s ÷ bare', 'p50', 'p95', 'p95 ÷ bare', 'p99', 'response', 'other load (cores)'], loadRows)}

One request at a time, same server and data:

${table(['Request', ...plans.map((p) => ENGINE[p.engine])], serialRows)}

${reading.join('\n\n')}`;
}

function importRow(p: ProjectsResult) {
  const [first, again] = p.prepared.import.runs;
  const mem = (m: ImportRun['memory']) => `${m.peakRssMb} MB (+${m.peakRssMb - m.rssBeforeMb} MB)`;
  return [
    ENGINE[p.engine],
    `${n(p.prepared.import.rows)} rows, ${p.prepared.import.fileKB} kB`,
    `**${fmtS(first.totalMs)}**`,
    against(first.totalMs, TARGET.sheetImportMs, fmtS),
    first.phases.map(([k, v]) => `${k} ${fmtS(v)}`).join(', '),
    mem(first.memory),
    `${fmtS(again.totalMs)} (${Object.entries(again.result)
      .filter(([, v]) => typeof v === 'number' && v > 0)
      .map(([k, v]) => `${n(v as number)} ${k}`)
      .join(', ')})`,
    mem(again.memory),
  ];
}

/** On PGlite the database lives in the process whose memory is measured; say how much that is when both engines ran. */
function embeddedMemoryNote(projects: ProjectsResult[]): string {
  const pgl = projects.find((p) => p.engine === 'pglite')?.prepared.import.runs[0]?.memory;
  const pgs = projects.find((p) => p.engine === 'postgres')?.prepared.import.runs[0]?.memory;
  if (!pgl || !pgs) return '';
  return `\nBefore the import the PGlite process already held ${pgl.rssBeforeMb - pgs.rssBeforeMb} MB more than the PostgreSQL one: the embedded database (its WebAssembly memory) lives in that process, so compare the rises.\n`;
}

function projectsSection(r: BenchResults): string {
  const projects = r.projects ?? [];
  if (!projects.length) return '## 5. Projects and parks (issue 4)\n\nNot measured in this run.';
  const d = projects[0].prepared.data;
  const first = projects[0].prepared;
  const loadRows = projects.flatMap((p) => [
    loadRow(`${ENGINE[p.engine]} run: bare Fastify \`{hello:'world'}\``, p.bare, p.bare),
    loadRow(`${ENGINE[p.engine]}: \`GET /api/projects?pageSize=20\``, p.ledger, p.bare),
    loadRow(
      `${ENGINE[p.engine]}: the same, filtered (\`pairingId\` of 吉林省—浙江省 with its sub-pairs, \`stage=started\`)`,
      p.filtered,
      p.bare,
    ),
    loadRow(
      `${ENGINE[p.engine]}: \`GET /api/projects/stats\` (funnel, money by stage, rates by pairing)`,
      p.stats,
      p.bare,
    ),
  ]);
  const serialRows = projects[0].serial.map((s, k) => [s.label, ...projects.map((p) => timing(p.serial[k]))]);
  const serviceRows = [
    [
      'Ledger page with its totals (`listProjects`): first call after a change',
      ...projects.map((p) => fmtMs(p.prepared.service.ledger.firstAfterChange)),
    ],
    [
      'Ledger page with its totals: later calls (totals cached until the next change)',
      ...projects.map((p) => timing(p.prepared.service.ledger)),
    ],
    [
      'Stats (`projectStats`, by pairing): first call after a change',
      ...projects.map((p) => fmtMs(p.prepared.service.stats.firstAfterChange)),
    ],
    ['Stats: later calls', ...projects.map((p) => timing(p.prepared.service.stats))],
  ];
  const statementRows = projects.map((p) => {
    const s = p.prepared.service;
    const http = p.serial[p.serial.length - 1];
    return [
      ENGINE[p.engine],
      `**${timing(http)}** (${http.runs ?? '?'} runs)`,
      `${timing(s.statement)} (${s.statement.runs} runs)`,
      `${timing(s.computeOneYear)} on ${n(s.computeOneYear.entries)} entries`,
      `${fmtMs(s.computeAllYears.ms)} for ${s.computeAllYears.years} years from ${n(s.computeAllYears.entries)} entries`,
    ];
  });
  const reading = projects.map((p) => {
    const [imp] = p.prepared.import.runs;
    return (
      `**${ENGINE[p.engine]}.** The ${n(p.prepared.import.rows)}-row import took ${fmtS(imp.totalMs)} — ${against(imp.totalMs, TARGET.sheetImportMs, fmtS)} — peaking at ${imp.memory.peakRssMb} MB resident, ${imp.memory.peakRssMb - imp.memory.rssBeforeMb} MB above where the process started it. ` +
      `With ${n(p.prepared.data.projects)} projects the ledger page answers at p95 ${fmtMs(p.ledger.value.p95)} under ${LOAD.connections} connections — ${against(p.ledger.value.p95, TARGET.listP95Ms, fmtMs)} — ${fmtRate(p.ledger.value.rps)} req/s, ${x(p.ledger.value.rps / p.bare.value.rps)} of bare Fastify; filtered p95 ${fmtMs(p.filtered.value.p95)}; the stats p95 ${fmtMs(p.stats.value.p95)}. ` +
      `A statement of one year (${n(p.prepared.data.statementEntries)} stored entries) takes ${fmtMs(p.serial[p.serial.length - 1].median)} over HTTP, of which the service ${fmtMs(p.prepared.service.statement.median)} and the computation itself ${fmtMs(p.prepared.service.computeOneYear.median)}.` +
      (p.serverRssMb ? ` Server RSS after the load: ${p.serverRssMb} MB.` : '')
    );
  });
  return `## 5. Projects and parks (issue 4)

**The data is generated**, in a separate process on a fresh database before the server starts (bench/projects.ts,
\`prepareProjects\`), and marked demo (\`is_demo\`, names starting with 【演示】):
- **${n(d.imported)} projects from the sheet import below** (吉林省—浙江省; rows from the import tests' fixture \`goodRow\`, stage 开工, two host cities);
- **demo data** from \`fillDemo\` (src/server/seed/demo-data.ts, through the services: projects at every stage with their stage moves and money reports, parks, events) on the ${d.demoPairings.length} other top-level pairings (${d.demoPairings.join('、')}) — ${n(d.templates)} projects;
- **${n(d.clones)} copies of those demo projects** with their stage moves and money reports, in bulk SQL (bench/lib/clone-rows.ts: every column copied from the service-made row but the id, a title suffix （基准副本N）, the natural key for that title, the event link and the creation time), so the ledger holds **${n(d.projects)} projects**, ${n(d.stageMoves)} stage moves and ${n(d.figureReports)} money reports;
- **a park of ${n(d.enterprises)} enterprises** in 吉林省—浙江省 with a sharing agreement whose tax shares change after five years (50/50, then 30/70; GDP 50/50): the park, the agreement, the first enterprise and the first ledger entry through the services, the other enterprises copied, and monthly 增值税 and 企业所得税 plus yearly GDP per enterprise over ${PROJECTS_SIZES.years} years (${PROJECTS_SIZES.firstYear}–${PROJECTS_SIZES.firstYear + PROJECTS_SIZES.years - 1}) in one INSERT, each recorded when an office would have, and about 1 % of them corrected half a year later: **${n(d.ledgerEntries)} ledger entries**, ${n(d.corrections)} of them corrections.

Then \`ANALYZE\` on the filled tables (what autovacuum would have done on a live PostgreSQL). Set-up times of the first
engine, not measured figures: ${Object.entries(first.setupMs)
    .map(([k, v]) => `${k} ${fmtS(v)}`)
    .join('; ')}.

### 5.1 Import of a ${n(first.import.rows)}-row project sheet (issue 4)

\`runProjectImport\` (src/server/modules/projects/sheet/project-import.service.ts) — what the import job behind
\`POST /api/projects/import\` runs — called in that process as the system actor for 吉林省—浙江省, on a fresh database
where it is the first work done, with the downloadable template filled with valid rows (the import tests' fixture).
Time from the call to its result, with the phases the job reports; peak memory is the resident memory of the whole
process (main thread, PGlite's worker, buffers) while the import ran, from the kernel's high-water mark reset just
before it (\`/proc/self/clear_refs\`; ${first.import.runs[0].memory.method === 'VmHWM' ? 'used in this run' : 'not available in this run, so sampled every 20 ms'}), and in brackets its rise over the memory the process held
before. Then the same file again: every row unchanged, nothing written. The target is **≤ ${fmtS(TARGET.sheetImportMs)}** for ${n(PROJECTS_SIZES.sheetRows)} rows
(set by the lead; PRODUCT.md §5: "under 10 s with bounded memory").

${table(['Engine', 'sheet', 'first import', `against ${fmtS(TARGET.sheetImportMs)}`, 'phases', 'peak RSS (rise)', 'same file again', 'peak RSS (rise)'], projects.map(importRow))}
${embeddedMemoryNote(projects)}

### 5.2 Project ledger and stats with ${n(d.projects)} projects at ${LOAD.connections} connections (issue 4)

The real server on that data, signed in as a national office (organisation and user from the seed builders), who
sees every project; same autocannon settings and bare Fastify baseline as section 2; all answers were 200. The target
is PRODUCT.md §5's p95 under ${TARGET.listP95Ms} ms with 64 concurrent clients for the project list.

${table(['', 'req/s', 'req/s ÷ bare', 'p50', 'p95', 'p95 ÷ bare', 'p99', 'response', 'other load (cores)'], loadRows)}

One request at a time over HTTP, same server and data:

${table(['Request', ...projects.map((p) => ENGINE[p.engine])], serialRows)}

In the service, without HTTP (in the set-up process, as the system actor; ${first.service.ledger.runs} calls after ${first.service.ledger.warmup} warm-up calls). The ledger's
totals and the stats are cached until the next change to projects, parks or events (ledger-cache.ts); "first call after a
change" is what the first reader after any write waits:

${table(['Call', ...projects.map((p) => ENGINE[p.engine])], serviceRows)}

### 5.3 Benefit-sharing statement of a park with ${n(d.enterprises)} enterprises over ${PROJECTS_SIZES.years} years (issue 4)

\`GET /api/parks/:id/agreements/:agreementId/statement?year=${first.statementYear}\` one request at a time as the national office (the
year's ${n(d.statementEntries)} stored entries, ${n(d.statementCorrections)} of them corrections; the answer is checked to count the entries in force);
\`statementFor\` (statement.service.ts) called directly; and \`computeStatement\` alone on the entries the service loads —
one year's, and every year from the whole ledger. No target is set for it.

${table(['Engine', 'HTTP: median (p95)', 'service: median (p95)', 'computation, one year', 'computation, all years'], statementRows)}

${reading.join('\n\n')}`;
}

function caveatSection(): string {
  return `## Found while building this bench: concurrent queries can receive each other's results on PGlite

Creating the synthetic sub-pairs four at a time failed with HTTP 500, \`portal "" does not exist\`. The cause is in
@electric-sql/pglite-socket 0.2.17, which the PGlite worker uses: it queues each wire-protocol message separately
(Parse, Bind, Describe, Execute, Sync), and while one connection is inside a transaction it serves only that connection,
so another connection's half-sent extended-protocol query is split around the transaction. Its Bind/Execute then run
against another connection's unnamed statement or portal. A direct test through \`openDatabase()\` (16 parallel
parameterised queries per round, one of them inside \`BEGIN … COMMIT\`): 598 of 4,800 queries returned **another query's
rows or no rows, silently**, and 290 failed; with no transaction open, 4,800 of 4,800 were correct. So read-only load
such as the measurements above is unaffected, but any write (a login, every audited change) running alongside other
requests can give those requests wrong rows — a correctness and access-control problem, not a performance one. The bench
therefore creates its synthetic data one request at a time. Reproducer: \`node --import tsx bench/pglite-socket-interleave.ts\`.`;
}

const fmtOther = (xs: number[]) =>
  xs.length
    ? `${cores(median(xs))}${median(xs) > 0.25 ? ' — a busy machine: read these figures as pessimistic' : ''}`
    : '—';

/** The summary's rows for issues 3 and 4, PGlite and PostgreSQL side by side, each against its target where one is set. */
function issueSummaryRows(r: BenchResults): string[][] {
  const na = '—';
  const by = <T extends { engine: string }>(xs: T[] | undefined, engine: string) =>
    xs?.find((v) => v.engine === engine);
  const engines = ['pglite', 'postgres'] as const;
  const load = (q: Quietly<LoadResult>, bare: Quietly<LoadResult>, target?: number) =>
    `${fmtRate(q.value.rps)} req/s (${x(q.value.rps / bare.value.rps)} bare), p95 ${fmtMs(q.value.p95)}${target ? (q.value.p95 <= target ? ' ✓' : ` ✗ (target ${fmtMs(target)})`) : ''}`;
  const rows: string[][] = [];
  const p0 = r.plans?.[0]?.prepared;
  const j0 = r.projects?.[0]?.prepared;
  if (r.parse) {
    const txt = r.parse.value.seeds.map((s) => fmtMs(s.txt.median)).join(' / ');
    rows.push([
      `Issue 3: parse time of the three seed plans (text, median; national / 吉林—浙江 / 辽宁—江苏)`,
      txt,
      'same (in process, no database)',
    ]);
  }
  if (r.plans?.length) {
    rows.push([
      'Issue 3: import of a 40-task plan over HTTP, preview + confirm (median; target < 1 s)',
      ...engines.map((e) => {
        const p = by(r.plans, e);
        if (!p) return na;
        const t = median(p.imports.value.total);
        return `${fmtMs(t)}${t <= TARGET.planImportMs ? ' ✓' : ' ✗'}`;
      }),
    ]);
    rows.push([
      `Issue 3: \`GET /api/plans/:id\`, tree of ${n(p0!.tasks)} tasks, ${LOAD.connections} connections`,
      ...engines.map((e) => {
        const p = by(r.plans, e);
        return p ? load(p.tree, p.bare) : na;
      }),
    ]);
    rows.push([
      `Issue 3: \`GET /api/tasks?planId=…&pageSize=20\` of that plan (target p95 < ${TARGET.listP95Ms} ms)`,
      ...engines.map((e) => {
        const p = by(r.plans, e);
        return p ? load(p.tasks, p.bare, TARGET.listP95Ms) : na;
      }),
    ]);
  }
  if (r.projects?.length) {
    rows.push([
      `Issue 4: import of a ${n(j0!.import.rows)}-row project sheet: time, peak RSS (target ≤ ${fmtS(TARGET.sheetImportMs)})`,
      ...engines.map((e) => {
        const p = by(r.projects, e);
        if (!p) return na;
        const [first] = p.prepared.import.runs;
        return `${fmtS(first.totalMs)}${first.totalMs <= TARGET.sheetImportMs ? ' ✓' : ' ✗'}, ${first.memory.peakRssMb} MB`;
      }),
    ]);
    rows.push([
      `Issue 4: \`GET /api/projects?pageSize=20\`, ${n(j0!.data.projects)} projects (target p95 < ${TARGET.listP95Ms} ms)`,
      ...engines.map((e) => {
        const p = by(r.projects, e);
        return p ? load(p.ledger, p.bare, TARGET.listP95Ms) : na;
      }),
    ]);
    rows.push([
      'Issue 4: the same with a filter',
      ...engines.map((e) => {
        const p = by(r.projects, e);
        return p ? load(p.filtered, p.bare, TARGET.listP95Ms) : na;
      }),
    ]);
    rows.push([
      'Issue 4: `GET /api/projects/stats` (funnel)',
      ...engines.map((e) => {
        const p = by(r.projects, e);
        return p ? load(p.stats, p.bare) : na;
      }),
    ]);
    rows.push([
      `Issue 4: statement of a park with ${n(j0!.data.enterprises)} enterprises × ${PROJECTS_SIZES.years} years, one request (median, p95)`,
      ...engines.map((e) => {
        const p = by(r.projects, e);
        return p ? timing(p.serial[p.serial.length - 1]) : na;
      }),
    ]);
  }
  return rows;
}

export function renderReport(r: BenchResults): string {
  const pgl = r.throughput.find((t) => t.engine === 'pglite');
  const pgs = r.throughput.find((t) => t.engine === 'postgres');
  const cl = r.cold.find((c) => c.engine === 'pglite');
  const cs = r.cold.find((c) => c.engine === 'postgres');
  const w = r.stall.find((s) => s.value.mode === 'worker')?.value;
  const d = r.stall.find((s) => s.value.mode === 'direct')?.value;
  const na = '—';
  const tp = (t: ThroughputResult | undefined, k: 'dashboard' | 'pairings') =>
    t
      ? `${fmtRate(t[k].value.rps)} req/s (${x(t[k].value.rps / t.bare.value.rps)} bare), p95 ${fmtMs(t[k].value.p95)} (${x(t[k].value.p95 / t.bare.value.p95)} bare)`
      : na;
  const summary = table(
    ['', 'PGlite', 'PostgreSQL'],
    [
      ...mixedSummaryRows(r),
      ['Cold start, empty database (median of 3)', cl ? fmtS(median(cl.empty)) : na, cs ? fmtS(median(cs.empty)) : na],
      [
        'Cold start, existing database (median of 3)',
        cl ? fmtS(median(cl.existing)) : na,
        cs ? fmtS(median(cs.existing)) : na,
      ],
      [`\`GET /api/dashboard\`, ${LOAD.connections} connections`, tp(pgl, 'dashboard'), tp(pgs, 'dashboard')],
      [`\`GET /api/pairings?pageSize=20\`, ${LOAD.connections} connections`, tp(pgl, 'pairings'), tp(pgs, 'pairings')],
      [
        'Bare Fastify in the same run',
        pgl ? `${fmtRate(pgl.bare.value.rps)} req/s, p95 ${fmtMs(pgl.bare.value.p95)}` : na,
        pgs ? `${fmtRate(pgs.bare.value.rps)} req/s, p95 ${fmtMs(pgs.bare.value.p95)}` : na,
      ],
      [
        "Other processes' CPU during these measurements (median, cores of 2)",
        fmtOther([
          ...(cl?.foreignCores ?? []),
          ...(pgl ? [pgl.bare, pgl.dashboard, pgl.pairings].map((q) => q.foreignCores) : []),
          ...r.stall.map((q) => q.foreignCores),
        ]),
        fmtOther([
          ...(cs?.foreignCores ?? []),
          ...(pgs ? [pgs.bare, pgs.dashboard, pgs.pairings].map((q) => q.foreignCores) : []),
        ]),
      ],
      [
        'Cheap request during a heavy query: worst / p99',
        w
          ? `${fmtMs(max(w.heavy.cheap))} / ${fmtMs(percentile(w.heavy.cheap, 99))} (worker); ${d ? `${fmtMs(max(d.heavy.cheap))} / ${fmtMs(percentile(d.heavy.cheap, 99))} on the main thread` : ''}`
          : na,
        'not applicable',
      ],
      ...issueSummaryRows(r),
    ],
  );
  return `# Benchmarks

${checkRunBanner(r)}${(r.notes ?? []).map((n) => `> ${n}\n\n`).join('')}Written by \`npm run bench\` (bench/run.ts); re-run it to refresh this file, edit the text in bench/report.ts. Nothing
here is part of the tests. ${r.postgres.note ? `**${r.postgres.note}**` : ''}

${summary}

${machineSection(r)}

${mixedSection(r)}

${coldSection(r)}

${throughputSection(r)}

${stallSection(r)}

${plansSection(r)}

${corpusSection(r)}

${projectsSection(r)}
${listingsSection(r)}

${openDataSection(r)}

${portalSection(r)}

${evaluationsSection(r)}

${cooperationSection(r)}

${firstLoadSection(r)}

${caveatSection()}
${r.failures?.length ? `\n## Measurements that failed in this run\n\n${r.failures.map((f) => `- ${f}`).join('\n')}\n` : ''}`;
}
