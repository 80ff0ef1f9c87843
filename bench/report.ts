import type { BenchResults } from './run.ts';
import type { ThroughputResult } from './throughput.ts';
import type { StallResult } from './stall.ts';
import type { Quietly } from './lib/quiet.ts';
import { LOAD } from './lib/load.ts';
import { COLD_RUNS } from './cold-start.ts';
import { SYNTHETIC_SUB_PAIRS, SYNTHETIC_THEME } from './lib/synthetic-data.ts';
import { fmtMs, fmtRate, fmtS, median, percentile } from './lib/stats.ts';

const ENGINE = { pglite: 'PGlite', postgres: 'PostgreSQL' } as const;
const x = (r: number) => (r >= 0.1 ? r.toFixed(2) : r.toFixed(3)) + '×';
const cores = (c: number) => c.toFixed(2);
const max = (xs: number[]) => (xs.length ? xs.reduce((m, v) => (v > m ? v : m), -Infinity) : NaN);

function table(head: string[], rows: (string | number)[][]): string {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
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
    ['PGlite', `@electric-sql/pglite ${p['@electric-sql/pglite']} = ${r.pgliteServer.split(' on ')[0]}; @electric-sql/pglite-socket ${p['@electric-sql/pglite-socket']}`],
    ['PostgreSQL', r.postgres.version ? `${r.postgres.version}; ${r.postgres.source}` : (r.postgres.note ?? 'not measured')],
    ['Other', `pg ${p.pg}, drizzle-orm ${p['drizzle-orm']}, fastify ${p.fastify}, autocannon ${p.autocannon}, tsx ${p.tsx}`],
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
    pgl && `On an empty data directory PGlite needs ${fmtS(median(pgl.empty))}: it runs initdb inside WASM, applies the migrations, then loads the seeds. Restarting on the same directory takes ${fmtS(median(pgl.existing))}, so the first start costs about ${fmtS(median(pgl.empty) - median(pgl.existing))} more than any later one.`,
    pgs && `On PostgreSQL the database server already exists, so the empty start is migrations plus seeds only: ${fmtS(median(pgs.empty))}, and ${fmtS(median(pgs.existing))} on an existing database.`,
    pgl && pgs && `An existing-database start on PGlite is ${x(median(pgl.existing) / median(pgs.existing))} the PostgreSQL one; the difference is starting the PGlite worker and its WASM PostgreSQL.`,
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

function loadRow(label: string, q: Quietly<{ rps: number; p50: number; p95: number; p99: number; bytesPerResponse: number }>, bare: ThroughputResult['bare']) {
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
        (t.serverRssMb ? ` The server process (with ${t.engine === 'pglite' ? 'PGlite inside it' : 'the pool'}) used ${t.serverRssMb} MB RSS after the load.` : ''),
    );
  }
  if (pgl && pgs) {
    reading.push(
      `**PGlite against PostgreSQL.** PostgreSQL serves the dashboard ${x(pgs.dashboard.value.rps / pgl.dashboard.value.rps)} and the pairing list ${x(pgs.pairings.value.rps / pgl.pairings.value.rps)} as fast as PGlite at this concurrency.`,
    );
  }
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
response of the measured part; req/s is autocannon's mean of its per-second samples. The baseline is a separate minimal
Fastify 5 process answering \`{hello:'world'}\` (bench/bare-fastify.mjs), measured in the same run with the same settings.
Every response had status 200 (the bench fails otherwise). Ratios: throughput and p95 each divided by the bare endpoint's.

${table(['', 'req/s', 'req/s ÷ bare', 'p50', 'p95', 'p95 ÷ bare', 'p99', 'response', 'other load (cores)'], rows)}

One request at a time (150 requests after 20 warm-up requests, median and p95), same server and data:

${table(['Request', ...r.throughput.map((t) => ENGINE[t.engine])], serialRows)}

${reading.join('\n\n')}`;
}

function stallRow(q: Quietly<StallResult>) {
  const s = q.value;
  const label = s.mode === 'worker' ? 'PGlite in its worker (the app: `openDatabase()`)' : 'PGlite on the main thread (`PGlite.create`, no worker)';
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
  if (!r.stall.length) return '## 3. Longest stall of a cheap request while a heavy query runs\n\nNot measured in this run.';
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

const fmtOther = (xs: number[]) => (xs.length ? `${cores(median(xs))}${median(xs) > 0.25 ? ' — a busy machine: read these figures as pessimistic' : ''}` : '—');

export function renderReport(r: BenchResults): string {
  const pgl = r.throughput.find((t) => t.engine === 'pglite');
  const pgs = r.throughput.find((t) => t.engine === 'postgres');
  const cl = r.cold.find((c) => c.engine === 'pglite');
  const cs = r.cold.find((c) => c.engine === 'postgres');
  const w = r.stall.find((s) => s.value.mode === 'worker')?.value;
  const d = r.stall.find((s) => s.value.mode === 'direct')?.value;
  const na = '—';
  const tp = (t: ThroughputResult | undefined, k: 'dashboard' | 'pairings') =>
    t ? `${fmtRate(t[k].value.rps)} req/s (${x(t[k].value.rps / t.bare.value.rps)} bare), p95 ${fmtMs(t[k].value.p95)} (${x(t[k].value.p95 / t.bare.value.p95)} bare)` : na;
  const summary = table(
    ['', 'PGlite', 'PostgreSQL'],
    [
      ['Cold start, empty database (median of 3)', cl ? fmtS(median(cl.empty)) : na, cs ? fmtS(median(cs.empty)) : na],
      ['Cold start, existing database (median of 3)', cl ? fmtS(median(cl.existing)) : na, cs ? fmtS(median(cs.existing)) : na],
      [`\`GET /api/dashboard\`, ${LOAD.connections} connections`, tp(pgl, 'dashboard'), tp(pgs, 'dashboard')],
      [`\`GET /api/pairings?pageSize=20\`, ${LOAD.connections} connections`, tp(pgl, 'pairings'), tp(pgs, 'pairings')],
      ['Bare Fastify in the same run', pgl ? `${fmtRate(pgl.bare.value.rps)} req/s, p95 ${fmtMs(pgl.bare.value.p95)}` : na, pgs ? `${fmtRate(pgs.bare.value.rps)} req/s, p95 ${fmtMs(pgs.bare.value.p95)}` : na],
      [
        'Other processes\' CPU during these measurements (median, cores of 2)',
        fmtOther([...(cl?.foreignCores ?? []), ...(pgl ? [pgl.bare, pgl.dashboard, pgl.pairings].map((q) => q.foreignCores) : []), ...r.stall.map((q) => q.foreignCores)]),
        fmtOther([...(cs?.foreignCores ?? []), ...(pgs ? [pgs.bare, pgs.dashboard, pgs.pairings].map((q) => q.foreignCores) : [])]),
      ],
      ['Cheap request during a heavy query: worst / p99', w ? `${fmtMs(max(w.heavy.cheap))} / ${fmtMs(percentile(w.heavy.cheap, 99))} (worker); ${d ? `${fmtMs(max(d.heavy.cheap))} / ${fmtMs(percentile(d.heavy.cheap, 99))} on the main thread` : ''}` : na, 'not applicable'],
    ],
  );
  return `# Benchmarks

Written by \`npm run bench\` (bench/run.ts); re-run it to refresh this file, edit the text in bench/report.ts. Nothing
here is part of the tests. ${r.postgres.note ? `**${r.postgres.note}**` : ''}

${summary}

${machineSection(r)}

${coldSection(r)}

${throughputSection(r)}

${stallSection(r)}

${caveatSection()}
${r.failures?.length ? `\n## Measurements that failed in this run\n\n${r.failures.map((f) => `- ${f}`).join('\n')}\n` : ''}`;
}
