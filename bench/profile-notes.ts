/**
 * Where the time goes: written by hand from one-off profiles (EXPLAIN ANALYZE, node --cpu-prof), not re-measured by
 * each run. Kept here so that `npm run bench` reproduces it in docs/BENCHMARKS.md.
 */
export const PROFILE_NOTES = `### Where the time goes (issue 10; profiles of 2026-12-06, not re-measured by each run)

Taken on the 10× data of this stage (a database prepared by bench/mixed.ts and kept), PostgreSQL 15 (the development
cluster) and PGlite, while other engineers' test suites, type checks and benches kept the machine's load average
between 15 and 24 on its 2 cores ("other load" 1.6–1.8 cores during every measurement): absolute times are inflated,
the proportions are what the notes rely on.

**The statistics and the dashboard (before: 350–370 ms uncached on PostgreSQL, 520–600 ms on PGlite).** EXPLAIN
ANALYZE on PostgreSQL: the overall figures were a parallel scan of all 100,000 projects (5 ms of it) and 190 ms of
aggregation, most of it \`array_position(ARRAY[…], furthest_stage)\` evaluated in eight FILTER clauses per row; by
stage 108 ms; the grouped rates another full scan. The ledger's totals (a count and four sums per filter set) 90 ms;
a sort by title 99 ms (a full sort; no index); the signing-year filter's count 76 ms (\`extract(year …)\` serves no
index). Now: \`project_rollups\` (migration 0012), one row per pairing, demo flag, furthest stage and one of side,
industry, signing year or current stage — 8,853 rows for 100,000 projects — kept by statement-level triggers in the
writer's transaction; the stats read it in one statement with the parks and events counts (overall 5 ms on the same
loaded machine instead of 195 ms, a grouping 1–2 ms), the ledger's totals too when the filter is one it holds, and
indexes serve the title, amount and signing-date sorts and the signing year (now a date range): title sort 0.1 ms.
A project write now also upserts four rollup rows (one statement per write statement; 0.7 ms for a one-row update
that changes no rolled-up column, which the trigger skips).

**The whole tree of the 5,000-task plan (before: 870 ms PostgreSQL).** EXPLAIN ANALYZE: 220 of its 234 ms in the
database were the task-target count, a correlated subquery run once per task as a sequential scan of task_targets
(a small table, so the planner preferred the scan); a grouped join makes it 2 ms. What remains is mostly in Node:
in-process timings of the service on PostgreSQL (median of 6): loading 236–690 ms — of which the 5,000-row query
with Drizzle mapping its rows 150–250 ms, units 20–60 ms, the plan row (which counts the source's 446,000
characters' lines) 15–50 ms — presenting 2–38 ms, zod validation of the answer 28–110 ms, JSON 7–104 ms for 2.8 MB.
Not a list; still a cost each user pays once (the answer is cached per user and the mix's writes do not touch tasks).

**The mix, PostgreSQL, CPU profile of the server (--cpu-prof, 68 s window).** The Node main thread is the
bottleneck, as before the caches: socket writes (\`writev\`, one per statement and one per response) 8.6 s,
garbage collection 3.0 s, Drizzle building SQL (\`is()\` checks, building and casing the query) 6.6 s,
\`chinaToday\` 1.6 s — a new \`Intl\` formatter on every call (per request for the cache key, per task row for the
light), now made once: 284 µs → 6 µs a call —, zod 1.5 s, node-postgres 1.4 s, Fastify 1.1 s. Fewer statements per
request and prepared queries are what would cut most of the rest; more cores or more processes (WORKERS) the rest.

**Writes empty less.** Every write used to empty every cache, sessions included, so every user reloaded session and
pairing scope after any change anywhere. Now each cached answer (response cache, session cache, ledger and stats
cache) remembers the tables it was read from — the request's statements name them, collected per request — and a
write marks only the tables it writes (and those its foreign-key actions and triggers write, read from the catalogue
at start), announced with its tables to the other processes. A money report empties the project views; it leaves
the task lists, plans, pairing lists and every session in place.

**PGlite: one connection.** Statements used to wait in arrival order, so a heavy read (a 5,000-task tree, a search
through every project) held up every light one behind it. Now they take turns shortest expected first (each
statement text's moving average), a waiting statement's claim growing with its wait so none starves, transactions
first.

**The mix after the rollups (profiles of 2026-12-06 14:20–14:50 UTC, same 10× data, seeded request sequence, 64
connections; load average 16–24 from other engineers' type checks and tests, "other load" 1.0–1.8 cores, so only
per-request CPU and statement counts are compared).** Per request: the PostgreSQL server process 2.4–3.8 ms of CPU
and the PostgreSQL backends 2.7–3.4 ms; PGlite (main thread and worker) 11–12 ms. About 3.1 statements per request,
counted with a statement logger: the most frequent were the pairing rows with their sides (dashboard, pairing list),
the ledger page and its totals, the stats over the rollups, the task page, the session lookup with its pairing scope
(7.6 % of all statements), and a project detail's four (the project, its stage moves, money reports, files).
\`--cpu-prof\` of the PostgreSQL server (busy 40.7 s): socket writes (\`writev\`) 11.3 s, 28 % — nearly all of it sending
statements (10.4 s inside the query call): one write on loopback TCP per statement, about half a millisecond each on
this loaded virtual machine —, Drizzle 6.8 s (\`is()\` 2.1 s), garbage collection 4.2 s, zod 1.4 s, Fastify 1.4 s, pg
1.3 s. PGlite: the worker was busy 30 s, of which PostgreSQL in WebAssembly 17.8 s and socket writes 6.5 s; its main
thread's writes 6.4 s, Drizzle 4.1 s. So each statement costs twice, once to send and once to parse and plan.
Changed: statements sent again are prepared (named) once per connection (db/routing.ts; a primary-key join
1.0–4.6 → 0.3–0.7 ms on PGlite, PostgreSQL backends 3.39 → 3.07 ms per request in the mix); a session and its scope
are kept up to a minute instead of 10 s (session lookups and scope queries were 7.6 % of statements, now 4.8 % with
the sign-ins counted); the tracked items' status counts are kept per scope and filter instead of recounted for
every page. Next, by the same measure: fewer statements per request (a project detail in one statement instead of
four, a pairing detail in one instead of three, the dashboard's four), a Unix socket instead of TCP when PostgreSQL
runs on the same machine, and invalidation by pairing — the cache-hit share falls from about half (read-only) to
about a sixth with 2 % writes, because every project write empties every scope's project views, the county
offices' included.

**Not solved.** A search (\`q\`, a two-character Chinese infix of titles and investors) reads every project in scope
for its total: 270 ms uncached on the loaded PostgreSQL, 740 ms on PGlite. pg_trgm needs three characters and
returned all 100,000 rows for two; a bigram index (pg_bigm) is not available on either engine. It is reported as its
own kind ("project search"). Nor is the tree of a 5,000-task plan a 50 ms answer (above).`;
