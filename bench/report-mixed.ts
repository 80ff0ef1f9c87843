import type { BenchResults } from './run.ts';
import { BROWSER_ACCEPT_ENCODING } from './lib/browser.ts';
import { LOAD } from './lib/load.ts';
import { fmtMs, fmtRate } from './lib/stats.ts';
import { MIXED_LOAD, MIXED_SIZES, WRITE_SHARE, type MixedResult, type MixedRun } from './mixed.ts';
import type { Quietly } from './lib/quiet.ts';
import { PROFILE_NOTES } from './profile-notes.ts';

const ENGINE = { pglite: 'PGlite', postgres: 'PostgreSQL' } as const;
/** The issue's targets at 64 connections with writes flowing, and for one uncached request. */
export const MIXED_TARGETS = { pglite: 100, postgres: 50, uncached: 50 } as const;
const pct = (v: number) => `${(100 * v).toFixed(v < 0.1 ? 1 : 0)} %`;
const n = (v: number) => v.toLocaleString('en-US');
const ratio = (v: number) => (v >= 0.1 ? v.toFixed(2) : v.toFixed(3)) + '×';
const mark = (v: number, target: number) => (v < target ? ' ✓' : ' ✗');

function table(head: string[], rows: (string | number)[][]): string {
  return [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

/** The summary rows at the top of the report: the headline run of each engine. */
export function mixedSummaryRows(r: BenchResults): string[][] {
  const mixed = r.mixed ?? [];
  if (!mixed.length) return [];
  const by = (e: MixedResult['engine']) => mixed.find((m) => m.engine === e);
  const cell = (e: MixedResult['engine'], f: (m: MixedResult, run: MixedRun) => string) => {
    const m = by(e);
    const run = m?.runs[0]?.value;
    return m && run ? f(m, run) : '—';
  };
  const engines = ['pglite', 'postgres'] as const;
  const worstRead = (run: MixedRun) =>
    run.load.kinds.filter((k) => !k.write).reduce((w, k) => (k.p95 > w.p95 ? k : w), { kind: '', p95: 0 });
  return [
    [
      `**Realistic mix** (${MIXED_SIZES.projects.toLocaleString('en-US')} projects, ~100 users, ${pct(WRITE_SHARE)} writes), ${LOAD.connections} connections`,
      ...engines.map((e) =>
        cell(e, (m, run) => {
          const l = run.load;
          return `${fmtRate(l.rps)} req/s (${ratio(l.rps / m.bare.value.rps)} bare); reads p95 **${fmtMs(l.reads.p95)}**, writes p95 ${fmtMs(l.writes.p95)}; ${pct(l.reads.hitShare)} cache hits`;
        }),
      ),
    ],
    [
      'Slowest read kind in the mix (p95; target < 100 ms PGlite, < 50 ms PostgreSQL)',
      ...engines.map((e) =>
        cell(e, (_m, run) => {
          const w = worstRead(run);
          return `${w.kind} ${fmtMs(w.p95)}${mark(w.p95, MIXED_TARGETS[e])}`;
        }),
      ),
    ],
    [
      'Slowest uncached list/stats/dashboard request, one at a time (median; target < 50 ms)',
      ...engines.map((e) => {
        const m = by(e);
        if (!m) return '—';
        const lists = m.uncached.value.filter((u) => !u.label.startsWith('tree'));
        const w = lists.reduce((a, b) => (b.median > a.median ? b : a));
        return `${w.label} ${fmtMs(w.median)}${mark(w.median, MIXED_TARGETS.uncached)}`;
      }),
    ],
  ];
}

function runRow(m: MixedResult, q: Quietly<MixedRun>): string[] {
  const run = q.value;
  const l = run.load;
  return [
    `${ENGINE[m.engine]}: ${run.label}`,
    fmtRate(l.rps),
    ratio(l.rps / m.bare.value.rps),
    pct(l.reads.hitShare),
    `${fmtMs(l.reads.p50)} / **${fmtMs(l.reads.p95)}** / ${fmtMs(l.reads.p99)}`,
    l.writes.requests
      ? `${n(l.writes.requests)} (${pct(l.writeShare)}): ${fmtMs(l.writes.p50)} / **${fmtMs(l.writes.p95)}** / ${fmtMs(l.writes.p99)}${l.writes.conflicts ? `, ${l.writes.conflicts} × 409` : ''}${l.writes.refused ? `, ${l.writes.refused} × 400` : ''}`
      : '—',
    run.serverRssMb ? `${run.serverRssMb} MB` : '—',
    q.foreignCores.toFixed(2),
  ];
}

function kindTable(m: MixedResult, q: Quietly<MixedRun>): string {
  const target = MIXED_TARGETS[m.engine];
  return table(
    ['Kind', 'requests', 'p50', 'p95', 'p99', 'max', 'cache hits'],
    q.value.load.kinds.map((k) => [
      `${k.write ? 'write: ' : ''}${k.kind}`,
      n(k.requests),
      fmtMs(k.p50),
      `**${fmtMs(k.p95)}**${k.write ? '' : mark(k.p95, target)}`,
      fmtMs(k.p99),
      fmtMs(k.max),
      k.write ? '—' : pct(k.hitShare),
    ]),
  );
}

/**
 * Issue 10's figures, measured before this change on the same sizes and load shape (its text): what the rows of this
 * section are compared with. Not re-measured.
 */
const BEFORE = {
  mixWrites: { pglite: '28 req/s, p95 3,923 ms', postgres: '61 req/s, p95 1,677 ms' },
  mixReadOnly: { pglite: '66 req/s, p95 2,427 ms (18 % hits)', postgres: '286 req/s, p95 658 ms' },
  uncached: {
    dashboard: { pglite: '424 ms', postgres: '336 ms' },
    'project stats by pairing': { pglite: '518 ms', postgres: '316 ms' },
    'project stats by industry': { pglite: '595 ms', postgres: '294 ms' },
    'ledger page 1 with totals': { pglite: '92 ms', postgres: '57 ms' },
    'tree of the 5,000-task plan': { pglite: '317 ms', postgres: '436 ms' },
  } as Record<string, { pglite: string; postgres: string }>,
};

function beforeAfter(mixed: MixedResult[]): string {
  const by = (e: MixedResult['engine']) => mixed.find((m) => m.engine === e);
  const run = (e: MixedResult['engine'], writes: boolean) =>
    by(e)?.runs.find((q) => q.value.processes === 1 && q.value.writeShare > 0 === writes)?.value.load;
  const now = (e: MixedResult['engine'], writes: boolean) => {
    const l = run(e, writes);
    return l ? `${fmtRate(l.rps)} req/s, p95 ${fmtMs(l.reads.p95)} (${pct(l.reads.hitShare)} hits)` : '—';
  };
  const un = (e: MixedResult['engine'], label: string) => {
    const u = by(e)?.uncached.value.find((x) => x.label === label);
    return u ? fmtMs(u.median) : '—';
  };
  return table(
    ['', 'PGlite before', 'PGlite now', 'PostgreSQL before', 'PostgreSQL now'],
    [
      [
        'Mix, 2 % writes, 64 connections',
        BEFORE.mixWrites.pglite,
        now('pglite', true),
        BEFORE.mixWrites.postgres,
        now('postgres', true),
      ],
      [
        'Mix, read-only',
        BEFORE.mixReadOnly.pglite,
        now('pglite', false),
        BEFORE.mixReadOnly.postgres,
        now('postgres', false),
      ],
      ...Object.entries(BEFORE.uncached).map(([label, b]) => [
        `Uncached, alone: ${label}`,
        b.pglite,
        un('pglite', label),
        b.postgres,
        un('postgres', label),
      ]),
    ],
  );
}

export function mixedSection(r: BenchResults): string {
  const mixed = r.mixed ?? [];
  if (!mixed.length) return '## 0. The realistic mix (issue 10)\n\nNot measured in this run.';
  const first = mixed[0]!;
  const d = first.prepared.data;
  const users = first.prepared.users;
  const count = (k: string) => users.filter((u) => u.kind === k).length;
  const runs = table(
    [
      'Run',
      'req/s',
      '÷ bare',
      'cache hits (reads)',
      'reads p50 / p95 / p99',
      'writes: n, p50 / p95 / p99',
      'server RSS',
      'other load (cores)',
    ],
    [
      ...mixed.flatMap((m) => [
        [
          `${ENGINE[m.engine]}: bare Fastify \`{hello:'world'}\` (autocannon)`,
          fmtRate(m.bare.value.rps),
          '1',
          '—',
          `${fmtMs(m.bare.value.p50)} / ${fmtMs(m.bare.value.p95)} / ${fmtMs(m.bare.value.p99)}`,
          '—',
          '—',
          m.bare.foreignCores.toFixed(2),
        ],
        ...m.runs.map((q) => runRow(m, q)),
      ]),
    ],
  );
  const kinds = mixed
    .flatMap((m) =>
      m.runs
        .filter((q) => q.value.processes === 1 && q.value.writeShare > 0)
        .map(
          (q) =>
            `**${ENGINE[m.engine]}, ${q.value.label}** (target p95 < ${MIXED_TARGETS[m.engine]} ms for every read kind):\n\n${kindTable(m, q)}`,
        ),
    )
    .join('\n\n');
  const engines = mixed.map((m) => m.engine);
  const labels = first.uncached.value.map((u) => u.label);
  const uncached = table(
    ['Request (national office, right after a write)', ...engines.map((e) => `${ENGINE[e]} median (p95)`)],
    labels.map((label, i) => [
      `${label}: \`${first.uncached.value[i]!.path.replace(/[0-9a-f-]{36}/g, ':id')}\``,
      ...mixed.map((m) => {
        const u = m.uncached.value.find((x) => x.label === label);
        if (!u) return '—';
        const t = label.startsWith('tree') ? '' : mark(u.median, MIXED_TARGETS.uncached);
        return `${fmtMs(u.median)} (${fmtMs(u.p95)})${t}${u.hits ? ` — ${u.hits} cache hits` : ''}`;
      }),
    ]),
  );
  const scaleOut = mixed
    .filter((m) => m.engine === 'postgres')
    .map((m) => {
      const one = m.runs.find((q) => q.value.processes === 1 && q.value.writeShare > 0)?.value.load.rps;
      return m.runs
        .filter((q) => q.value.processes > 1)
        .map(
          (q) =>
            `${q.value.label}: ${fmtRate(q.value.load.rps)} req/s${one ? ` (${ratio(q.value.load.rps / one)} of one process)` : ''}, reads p95 ${fmtMs(q.value.load.reads.p95)}`,
        )
        .join('; ');
    })
    .join('');
  return `## 0. The realistic mix (issue 10)

**What runs.** bench/mixed.ts. The data, made on a fresh database before the server starts: the real programme from
the seeds; ${n(d.synthetic)} synthetic county sub-pairs (theme 合成基准数据, ${n(d.subPairs)} sub-pairs in all under ${n(d.pairings)} top-level
pairings); a plan of ${n(d.bigPlanTasks)} tasks for 吉林省—浙江省 (${n(d.tasks)} tasks in all); ${n(d.projects)} projects —
the demo data of each top-level pairing through the services, copied in bulk SQL (bench/lib/clone-rows.ts) and
spread over each pairing and its sub-pairs, with ${n(d.stageMoves)} stage moves and ${n(d.figureReports)} money reports;
${n(d.users)} users: ${count('national')} national office, ${count('office')} provincial and city offices (both sides of each top-level
pairing), ${count('county')} county offices of synthetic sub-pairs, ${count('lead')} lead units (given the seed 吉浙 plan's tasks, with this
quarter's reporting period open) and ${count('orgdept')} 组织部 readers. Then VACUUM (ANALYZE), as autovacuum or the app's table upkeep does after a bulk load.

**The load.** ${LOAD.connections} connections in a closed loop (bench/lib/mixed-load.ts, node:http keep-alive), ${MIXED_LOAD.warmupS} s warm-up
not recorded, ${MIXED_LOAD.durationS} s measured. Each operation is a request as a user picked at random: ${pct(1 - WRITE_SHARE)} of the time a read of a
kind the user's role may ask for — dashboard, pairing list (pages, top level, county level, search, sort by name)
and detail, project ledger (pages, and now and then a stage, signing year, industry, pairing-with-sub-pairs, side
or search filter, or a sort by title, amount or signing date), project detail, project stats (by pairing, side,
industry or year, sometimes for one pairing), task list (a visible plan, pages, light, status, side, deadline
sort), plan detail (any visible plan, the 5,000-task one among them) and report list — and ${pct(WRITE_SHARE)} of the time a write
by a user allowed to make it: a project edit (detail read, then PATCH), a money report on a project (POST), or a
lead unit's progress report draft (report read, then PATCH). A ledger request with a search term is reported as its own
kind, "project search". A 409 (someone else saved first) is counted, not a failure; any 5xx or non-200 read fails
the run. "Cache hits" is the share of reads answered with \`x-cache: hit\`. Every request says
\`Accept-Encoding: ${BROWSER_ACCEPT_ENCODING}\` as a browser on HTTPS does, so answers over 1 KB come compressed (brotli) and
their compression is in the figures; the client decompresses and parses only the bodies it reads (a ledger page now
and then, for the ids it opens or changes next, and a record before its write). Bare Fastify is measured with autocannon at
the same ${LOAD.connections} connections in the same run. The server runs with its sign-in and API rate limits off and no second
factor required (\`LOGIN_ADDRESS_MAX_PER_MINUTE=0\`, \`RATE_LIMIT_API_PER_MINUTE=0\`, \`TOTP_REQUIRED_ROLES=none\`):
the bench measures capacity, and ~100 users signing in from one address would otherwise be refused.

**Before and after.** The "before" column is issue 10's measurement of the same sizes and load shape before this
change (the bench did not yet have the mix); "now" is this run.

${beforeAfter(mixed)}

${runs}

${kinds}

**The targets under load are not met.** ${mixed
    .map((m) => {
      const l = m.runs.find((q) => q.value.processes === 1 && q.value.writeShare > 0)?.value.load;
      if (!l) return '';
      const target = MIXED_TARGETS[m.engine];
      const cpuMs = (2 * 1000) / l.rps;
      return `${ENGINE[m.engine]}: with ${LOAD.connections} requests always in flight the mean latency is ${LOAD.connections} ÷ throughput (Little's law), ${fmtMs((1000 * LOAD.connections) / l.rps)} at ${fmtRate(l.rps)} req/s; a p95 under ${target} ms needs well over ${fmtRate((1000 * LOAD.connections) / target)} req/s of this mix, ${ratio((1000 * LOAD.connections) / target / l.rps)} this run's, while the ${m.engine === 'postgres' ? 'two cores (client, Node and PostgreSQL together)' : "two cores (client, Node and PGlite's worker together)"} spend about ${fmtMs(cpuMs)} of CPU per request.`;
    })
    .filter(Boolean)
    .join(' ')} Every uncached request alone answers in a few to twenty milliseconds (below): the time under load is
queueing for CPU. Where that CPU goes, and what would cut it, is in "Where the time goes" below.

**One request alone, uncached.** Each request is preceded by a write that touches what it reads (a project edit for
the project views and the dashboard, a pairing edit for the pairing list, a task edit for the task list and the
plan tree), so no cache can answer it; only the read is timed (${first.uncached.value[0]?.runs ?? 0} runs after 2 warm-up runs). Target: every list, stats and
dashboard endpoint under ${MIXED_TARGETS.uncached} ms (the plan tree is a document of 3 MB, not a list).

${uncached}

${scaleOut ? `**Scale-out on PostgreSQL** (same machine, same 2 cores — more processes add no cores here): ${scaleOut}. ${r.replica ? `Replica: ${r.replica.version ?? r.replica.note ?? ''}${r.replica.version ? `; ${r.replica.source}` : ''}.` : ''}` : ''}

${mixed.flatMap((m) => (m.failures ?? []).map((f) => `**Failed on ${ENGINE[m.engine]}:** ${f}`)).join('\n\n')}

Load average (/proc/loadavg) before and after each engine's measurements: ${mixed.map((m) => `${ENGINE[m.engine]} ${m.loadavg.before.split(' ').slice(0, 3).join(' ')} → ${m.loadavg.after.split(' ').slice(0, 3).join(' ')}`).join('; ')}.

${PROFILE_NOTES}`;
}
