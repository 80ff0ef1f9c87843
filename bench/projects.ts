import fs from 'node:fs';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { projectListQuery } from '../src/common/api/projects.ts';
import {
  buildEnterprise,
  buildLedgerEntry,
  buildOrgUser,
  buildPark,
  buildSharingAgreement,
  DEMO_PASSWORD,
} from '../src/server/seed/builders.ts';
import { DEMO_MARK, fillDemo } from '../src/server/seed/demo-data.ts';
import { parkLedgerEntries, sharingAgreements } from '../src/server/modules/parks/parks.tables.ts';
import { loadAgreement, loadEntry } from '../src/server/modules/parks/sharing-codec.ts';
import { computeStatement } from '../src/server/modules/parks/sharing-statement.ts';
import { statementFor } from '../src/server/modules/parks/statement.service.ts';
import { projectFigures } from '../src/server/modules/projects/projects.service.ts';
import { listProjects } from '../src/server/modules/projects/projects.repository.ts';
import { sideOfRegions } from '../src/server/modules/pairings/pairings.service.ts';
import { runProjectImport } from '../src/server/modules/projects/sheet/project-import.service.ts';
import { filledTemplate, goodRow } from '../src/server/modules/projects/sheet/test-support/project-sheet-fixture.ts';
import { ApiClient } from './lib/api-client.ts';
import { cloneRows, copyId } from './lib/clone-rows.ts';
import { startDuikou, tempDir, type Target } from './lib/duikou-server.ts';
import { measureBare, measureEndpoint, rssMb, serialLatency, type SerialLatency } from './lib/http-measure.ts';
import { runInChild, type InProcessApp } from './lib/in-process.ts';
import type { LoadResult } from './lib/load.ts';
import { withPeakMemory, type PeakMemory } from './lib/memory.ts';
import { quietly, type Quietly } from './lib/quiet.ts';
import { benchScale, scaled } from './lib/scale.ts';
import { timedRuns, type Timing } from './lib/stats.ts';

/** Issue 4's sizes at BENCH_SCALE=1. */
export const PROJECTS_SIZES = {
  sheetRows: 10_000,
  projects: 100_000,
  enterprises: 1_000,
  years: 10,
  firstYear: 2016,
} as const;
/** The target the lead set for the 10,000-row import. */
export const IMPORT_TARGET_MS = 10_000;
const PAIRING = '吉林省—浙江省';
const NATIONAL = { username: 'bench-national', orgName: '基准测试国家对口合作办' };

export interface ImportRun {
  label: string;
  totalMs: number;
  /** Time of each phase the import reports (reading, validating, saving …), in order. */
  phases: [string, number][];
  result: Record<string, unknown>;
  errors: number;
  memory: PeakMemory;
}

export interface ProjectsPrepared {
  user: { username: string; password: string };
  pairingId: string;
  parkId: string;
  agreementId: string;
  statementYear: number;
  import: { rows: number; fileKB: number; runs: ImportRun[] };
  data: {
    projects: number;
    imported: number;
    demoPairings: string[];
    templates: number;
    clones: number;
    stageMoves: number;
    figureReports: number;
    enterprises: number;
    ledgerEntries: number;
    corrections: number;
    /** Stored entries of the statement's year (what the service reads), and how many of them are corrections. */
    statementEntries: number;
    statementCorrections: number;
  };
  setupMs: Record<string, number>;
  service: {
    ledger: Timing & { firstAfterChange: number };
    stats: Timing & { firstAfterChange: number };
    statement: Timing;
    computeOneYear: Timing & { entries: number };
    computeAllYears: { ms: number; entries: number; years: number };
  };
}

export interface ProjectsResult {
  engine: Target['engine'];
  scale: number;
  prepared: ProjectsPrepared;
  endpoints: { ledger: string; filtered: string; stats: string; statement: string };
  bare: Quietly<LoadResult>;
  ledger: Quietly<LoadResult>;
  filtered: Quietly<LoadResult>;
  stats: Quietly<LoadResult>;
  /** One request at a time, as the national office; the statement's is the figure issue 4 asks for. */
  serial: SerialLatency[];
  serverRssMb: number | null;
}

export interface SheetFile {
  path: string;
  rows: number;
  buildMs: number;
}

let sheetCache: SheetFile | undefined;
/**
 * The project sheet the import reads: the downloadable template filled with valid rows for 吉林省—浙江省 (the import
 * tests' fixture), alternating two host cities. Built once per run and shared by the engines.
 */
async function projectSheet(rows: number, log: (line: string) => void): Promise<SheetFile> {
  if (sheetCache?.rows === rows) return sheetCache;
  const t0 = performance.now();
  const buffer = await filledTemplate(
    Array.from({ length: rows }, (_, i) => goodRow(i + 1, { hostRegion: i % 2 ? '长春市' : '吉林市' })),
  );
  const file = path.join(tempDir('sheet'), 'projects.xlsx');
  fs.writeFileSync(file, buffer);
  sheetCache = { path: file, rows, buildMs: performance.now() - t0 };
  log(
    `  sheet of ${rows} rows: ${(buffer.length / 1024).toFixed(0)} KB, built in ${(sheetCache.buildMs / 1000).toFixed(1)} s`,
  );
  return sheetCache;
}

/**
 * The database side of the projects stage, in a child process on a fresh database (runInChild):
 *  1. a national-office user (builders);
 *  2. the 10,000-row sheet import through runProjectImport, timed per phase with the peak memory of the process,
 *     then the same file again (every row unchanged);
 *  3. demo data (fillDemo: projects at every stage with their moves and money reports, parks, events) on every
 *     other top-level pairing — the templates;
 *  4. copies of the demo projects with their stage moves and money reports (cloneRows) up to 100,000 projects;
 *  5. a park with 1,000 enterprises (one through the service, the rest copied) and ten years of monthly 增值税 and
 *     企业所得税 and yearly GDP per enterprise (one entry through the service, the rest in one INSERT), about 1 % of
 *     them corrected later, under an agreement whose shares change after five years;
 *  6. ANALYZE, then service-level timings: ledger page, stats, statement.
 */
export async function prepareProjects(
  app: InProcessApp,
  args: { sheet: SheetFile; projects: number; enterprises: number },
  log: (line: string) => void,
): Promise<ProjectsPrepared> {
  const { ctx } = app;
  const db = ctx.db;
  const setupMs: Record<string, number> = {};
  const step = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const v = await fn();
    setupMs[name] = performance.now() - t0;
    log(`${name}: ${(setupMs[name] / 1000).toFixed(1)} s`);
    return v;
  };
  const one = async <T>(q: ReturnType<typeof sql>) => (await db.execute<T & Record<string, unknown>>(q)).rows[0] as T;
  const count = async (q: ReturnType<typeof sql>) => (await one<{ n: number }>(sql`SELECT (${q})::int AS n`)).n;

  await buildOrgUser(ctx, {
    username: NATIONAL.username,
    regionCode: '000000',
    roles: ['national_office'],
    kind: 'national_office',
    orgName: NATIONAL.orgName,
  });
  const pairingId = (await one<{ id: string }>(sql`SELECT id FROM pairings WHERE name = ${PAIRING}`)).id;

  // 2. The sheet import, as the import job runs it, first on the fresh database (so its memory figures are those of a
  // process that has done nothing else yet but load the seeds).
  const file = fs.readFileSync(args.sheet.path);
  const runs: ImportRun[] = [];
  for (const label of ['first import', 'same file again']) {
    const phases: [string, number][] = [];
    let phase = '';
    let phaseStart = 0;
    const t0 = performance.now();
    const { value: outcome, memory } = await withPeakMemory(() =>
      runProjectImport(
        ctx,
        pairingId,
        { buffer: file, fileName: 'bench.xlsx' },
        (p) => {
          if (p.phase && p.phase !== phase) {
            const now = performance.now();
            if (phase) phases.push([phase, now - phaseStart]);
            phase = p.phase;
            phaseStart = now;
          }
        },
        { demo: true },
      ),
    );
    const totalMs = performance.now() - t0;
    if (phase) phases.push([phase, performance.now() - phaseStart]);
    const result = { ...(outcome.result as unknown as Record<string, unknown>), projectIds: undefined };
    runs.push({ label, totalMs, phases, result, errors: outcome.errors.length, memory });
    log(
      `${label}: ${totalMs.toFixed(0)} ms (${phases.map(([k, v]) => `${k} ${v.toFixed(0)} ms`).join(', ')}); ${JSON.stringify(result)}, ${outcome.errors.length} row errors; peak RSS ${memory.peakRssMb} MB (before ${memory.rssBeforeMb} MB, ${memory.method})`,
    );
    if (outcome.errors.length)
      throw new Error(`the generated sheet has row errors: ${JSON.stringify(outcome.errors.slice(0, 3))}`);
  }
  const imported = await count(sql`SELECT count(*) FROM projects WHERE import_fingerprint IS NOT NULL`);
  if (imported !== args.sheet.rows) throw new Error(`${imported} projects imported from ${args.sheet.rows} rows`);

  // 3. Demo data on every top-level pairing that has a north-eastern side and no demo data yet (the import's
  // projects are marked demo, so 吉林省—浙江省 is skipped): the templates of the copies.
  const tops = (
    await db.execute<{ id: string; name: string }>(
      sql`SELECT id, name FROM pairings WHERE parent_id IS NULL AND status = 'active' ORDER BY name`,
    )
  ).rows;
  const demoPairings: string[] = [];
  await step('demo data (fillDemo) on the top-level pairings', async () => {
    for (const p of tops) {
      try {
        await fillDemo(ctx, p.id);
        demoPairings.push(p.name);
      } catch (err) {
        log(`  fillDemo skipped ${p.name}: ${(err as Error).message.split('\n')[0]}`);
      }
    }
  });
  const templateIds = (
    await db.execute<{ id: string }>(
      sql`SELECT id FROM projects WHERE is_demo AND import_fingerprint IS NULL ORDER BY id`,
    )
  ).rows.map((r) => r.id);
  if (!templateIds.length) throw new Error('fillDemo made no projects');
  if (
    (await count(
      sql`SELECT count(*) FROM projects WHERE id = ANY(${sql.param(templateIds)}::uuid[]) AND (project_code IS NOT NULL OR natural_key NOT LIKE 'name:%')`,
    )) > 0
  ) {
    throw new Error('a demo project has a project code: the copies would need their own');
  }

  // 4. Copies of the demo projects, their stage moves and money reports, up to the target count.
  const existing = await count(sql`SELECT count(*) FROM projects`);
  const needed = Math.max(0, args.projects - existing);
  const T = templateIds.length;
  const copies = Math.ceil(needed / T);
  const templates = sql`x.id = ANY(${sql.param(templateIds)}::uuid[])`;
  const ofTemplates = sql`x.project_id = ANY(${sql.param(templateIds)}::uuid[])`;
  const copyTitle = sql`t.title || '（基准副本' || g || '）'`;
  const copied = await step(`${needed} project copies`, () =>
    cloneRows(db, 'projects', {
      templates,
      copies,
      where: sql`(g - 1) * ${T}::int + t._r < ${needed}::int`,
      set: {
        id: copyId(sql`t.id`),
        title: copyTitle,
        // As naturalKey() would give it for the new title: pairing | normalised title | normalised investor.
        natural_key: sql`split_part(t.natural_key, '|', 1) || '|' || split_part(t.natural_key, '|', 2) || '基准副本' || g || '|' || split_part(t.natural_key, '|', 3)`,
        event_id: sql`NULL`,
        event_agreement_id: sql`NULL`,
        created_at: sql`t.created_at - g * interval '1 minute'`,
        updated_at: sql`t.updated_at - g * interval '1 minute'`,
      },
    }),
  );
  const parentCopied = sql`EXISTS (SELECT 1 FROM projects p WHERE p.id = ${copyId(sql`t.project_id`)})`;
  const childSet = { id: copyId(sql`t.id`), project_id: copyId(sql`t.project_id`) };
  await step('their stage moves and money reports', async () => {
    await cloneRows(db, 'project_stage_moves', { templates: ofTemplates, copies, where: parentCopied, set: childSet });
    await cloneRows(db, 'project_figure_reports', {
      templates: ofTemplates,
      copies,
      where: parentCopied,
      set: childSet,
    });
  });

  // 5. The park, its enterprises, agreement and ledger.
  const sides = await sideOfRegions({ tx: db }, pairingId);
  const sideCode = (s: 'a' | 'b') => [...sides.entries()].find(([, v]) => v === s)![0];
  const names = new Map(
    (
      await db.execute<{ code: string; name: string }>(
        sql`SELECT code, name FROM regions WHERE code IN (${sideCode('a')}, ${sideCode('b')})`,
      )
    ).rows.map((r) => [r.code, r.name]),
  );
  const [host, partner] = [sideCode('a'), sideCode('b')];
  const flag = { demo: true };
  const first = PROJECTS_SIZES.firstYear;
  const last = first + PROJECTS_SIZES.years - 1;
  const { parkId, agreementId, templateEnterprise } = await step(
    'park, agreement and first enterprise and entry (services)',
    async () => {
      const parkId = await buildPark(
        ctx,
        {
          pairingId,
          name: `${DEMO_MARK}基准测试合作园`,
          type: 'cooperation',
          hostRegionCode: host,
          partnerRegionCode: partner,
        },
        flag,
      );
      const agreementId = await buildSharingAgreement(
        ctx,
        parkId,
        {
          title: `${DEMO_MARK}基准测试税收分成与统计分计协议`,
          parties: [
            { key: 'out', name: names.get(partner)!, regionCode: partner },
            { key: 'in', name: names.get(host)!, regionCode: host },
          ],
          startsOn: `${first}-01-01`,
          endsOn: `${first + 19}-12-31`,
          terms: [
            {
              figures: ['vat', 'corporate_income_tax'],
              from: `${first}-01-01`,
              to: `${first + 4}-12-31`,
              shares: { out: '50', in: '50' },
            },
            {
              figures: ['vat', 'corporate_income_tax'],
              from: `${first + 5}-01-01`,
              to: null,
              shares: { out: '30', in: '70' },
            },
            { figures: ['gdp'], from: `${first}-01-01`, to: null, shares: { out: '50', in: '50' } },
          ],
        },
        flag,
      );
      const templateEnterprise = await buildEnterprise(
        ctx,
        parkId,
        { name: `${DEMO_MARK}基准入园企业1`, industryDivision: '36', settledOn: `${first - 1}-06-01` },
        flag,
      );
      await buildLedgerEntry(
        ctx,
        parkId,
        { enterpriseId: templateEnterprise, figure: 'vat', period: { year: first, month: 1 }, amount: '54321.09' },
        flag,
      );
      return { parkId, agreementId, templateEnterprise };
    },
  );
  await step(`${args.enterprises - 1} enterprise copies`, () =>
    cloneRows(db, 'park_enterprises', {
      templates: sql`x.id = ${templateEnterprise}`,
      copies: args.enterprises - 1,
      set: {
        id: copyId(sql`t.id`),
        name: sql`${DEMO_MARK} || '基准入园企业' || (g + 1)`,
        industry_division: sql`(ARRAY['36','39','65','27','13'])[1 + g % 5]`,
      },
    }),
  );
  // Every enterprise, year, figure and period but the entry made through the service; amounts in 元 with fen.
  const periods = sql`(
    SELECT e.id AS enterprise_id, y.y, f.figure, m.m
    FROM park_enterprises e
    CROSS JOIN generate_series(${first}::int, ${last}::int) y(y)
    CROSS JOIN (VALUES ('vat'), ('corporate_income_tax'), ('gdp')) f(figure)
    CROSS JOIN LATERAL (SELECT mm FROM generate_series(1, 12) mm WHERE f.figure <> 'gdp' UNION ALL SELECT NULL::int WHERE f.figure = 'gdp') m(m)
    WHERE e.park_id = ${parkId} AND NOT (e.id = ${templateEnterprise} AND y.y = ${first}::int AND f.figure = 'vat' AND m.m = 1)
  ) g`;
  const hash = sql`abs(hashtext(g.enterprise_id::text || g.figure || g.y || coalesce(g.m, 0)))`;
  await step('ledger entries (one INSERT)', () =>
    cloneRows(db, 'park_ledger_entries', {
      templates: sql`x.park_id = ${parkId}`,
      copies: periods,
      set: {
        id: sql`gen_random_uuid()`,
        enterprise_id: sql`g.enterprise_id`,
        figure: sql`g.figure`,
        period_year: sql`g.y`,
        period_month: sql`g.m`,
        amount_yuan: sql`CASE WHEN g.figure = 'gdp' THEN (${hash} % 900000000 + 100000000) ELSE (${hash} % 9000000 + 1000000) END / 100.0`,
        // Recorded when an office would have: the month after a monthly figure, February after a year's GDP.
        recorded_at: sql`CASE WHEN g.m IS NULL THEN make_timestamptz(g.y + 1, 2, 1, 10, 0, 0, 'Asia/Shanghai') ELSE make_timestamptz(g.y, g.m, 1, 10, 0, 0, 'Asia/Shanghai') + interval '1 month 14 days' END`,
      },
    }),
  );
  await step('corrections of about 1 % of the entries', () =>
    cloneRows(db, 'park_ledger_entries', {
      templates: sql`x.park_id = ${parkId} AND x.supersedes_id IS NULL AND abs(hashtext(x.id::text)) % 100 = 0`,
      copies: 1,
      set: {
        id: sql`gen_random_uuid()`,
        supersedes_id: sql`t.id`,
        amount_yuan: sql`round(t.amount_yuan * 1.05, 2)`,
        recorded_at: sql`t.recorded_at + interval '180 days'`,
      },
    }),
  );
  await step('ANALYZE', async () => {
    for (const t of [
      'projects',
      'project_stage_moves',
      'project_figure_reports',
      'park_enterprises',
      'park_ledger_entries',
    ])
      await db.execute(sql.raw(`ANALYZE ${t}`));
  });

  const data: ProjectsPrepared['data'] = {
    projects: await count(sql`SELECT count(*) FROM projects`),
    imported,
    demoPairings,
    templates: T,
    clones: copied,
    stageMoves: await count(sql`SELECT count(*) FROM project_stage_moves`),
    figureReports: await count(sql`SELECT count(*) FROM project_figure_reports`),
    enterprises: await count(sql`SELECT count(*) FROM park_enterprises WHERE park_id = ${parkId}`),
    ledgerEntries: await count(sql`SELECT count(*) FROM park_ledger_entries WHERE park_id = ${parkId}`),
    corrections: await count(
      sql`SELECT count(*) FROM park_ledger_entries WHERE park_id = ${parkId} AND supersedes_id IS NOT NULL`,
    ),
    statementEntries: await count(
      sql`SELECT count(*) FROM park_ledger_entries WHERE park_id = ${parkId} AND period_year = ${last}::int`,
    ),
    statementCorrections: await count(
      sql`SELECT count(*) FROM park_ledger_entries WHERE park_id = ${parkId} AND period_year = ${last}::int AND supersedes_id IS NOT NULL`,
    ),
  };
  log(`data: ${JSON.stringify(data)}`);

  // 6. Service-level timings (no HTTP), as the system actor, who sees everything as the national office does.
  const bump = () => db.execute(sql`UPDATE projects SET updated_at = updated_at WHERE id = ${templateIds[0]}`);
  const withFirst = async (fn: () => Promise<unknown>, counts: { warmup: number; runs: number }) => {
    // The ledger totals and the stats are cached until the next change: the first call after one pays for them.
    await bump();
    const t0 = performance.now();
    await fn();
    const firstAfterChange = performance.now() - t0;
    return { ...(await timedRuns(fn, counts)), firstAfterChange };
  };
  const pageQuery = projectListQuery.parse({ pageSize: '20' });
  const ledger = await withFirst(() => listProjects(db, ctx.actor, pageQuery), { warmup: 3, runs: 30 });
  const stats = await withFirst(() => projectFigures(ctx, { groupBy: 'pairing' }), { warmup: 3, runs: 30 });
  const statementCounts = benchScale() < 1 ? { warmup: 1, runs: 5 } : { warmup: 2, runs: 20 };
  const statement = await timedRuns(() => statementFor(ctx, parkId, agreementId, last), statementCounts);
  // The computation alone, on what the service loads: one year's entries, then every year from the whole ledger.
  const agreementRow = (await db.select().from(sharingAgreements).where(eq(sharingAgreements.id, agreementId)))[0]!;
  const agreement = loadAgreement(agreementRow);
  const yearEntries = (
    await db
      .select()
      .from(parkLedgerEntries)
      .where(and(eq(parkLedgerEntries.parkId, parkId), eq(parkLedgerEntries.periodYear, last)))
  ).map(loadEntry);
  const allEntries = (await db.select().from(parkLedgerEntries).where(eq(parkLedgerEntries.parkId, parkId))).map(
    loadEntry,
  );
  const at = new Date().toISOString();
  const computeOneYear = {
    ...(await timedRuns(async () => computeStatement(agreement, yearEntries, last, at), statementCounts)),
    entries: yearEntries.length,
  };
  const t0 = performance.now();
  for (let y = first; y <= last; y++) computeStatement(agreement, allEntries, y, at);
  const computeAllYears = { ms: performance.now() - t0, entries: allEntries.length, years: PROJECTS_SIZES.years };
  log(
    `service: ledger page ${ledger.median.toFixed(1)} ms (first after a change ${ledger.firstAfterChange.toFixed(0)} ms), stats ${stats.median.toFixed(1)} ms (first ${stats.firstAfterChange.toFixed(0)} ms), statement ${statement.median.toFixed(0)} ms, computation alone ${computeOneYear.median.toFixed(0)} ms`,
  );

  return {
    user: { username: NATIONAL.username, password: DEMO_PASSWORD },
    pairingId,
    parkId,
    agreementId,
    statementYear: last,
    import: { rows: args.sheet.rows, fileKB: Math.round(file.length / 1024), runs },
    data,
    setupMs,
    service: { ledger, stats, statement, computeOneYear, computeAllYears },
  };
}

/**
 * The projects stage (issue 4) on one engine: the data made in a child process (prepareProjects), then the real
 * server on it, signed in as the national office (who sees every project): autocannon against the bare Fastify
 * process, the ledger page, the ledger with a filter and the stats (funnel); then one request at a time,
 * the statement among them.
 */
export async function measureProjects(target: Target, log: (line: string) => void): Promise<ProjectsResult> {
  const scale = benchScale();
  const sheet = await projectSheet(scaled(PROJECTS_SIZES.sheetRows, 20), log);
  const args = {
    sheet,
    projects: scaled(PROJECTS_SIZES.projects, 1000),
    enterprises: scaled(PROJECTS_SIZES.enterprises, 5),
  };
  log(
    `  generating: ${sheet.rows}-row sheet import, ${args.projects} projects, a park of ${args.enterprises} enterprises (BENCH_SCALE=${scale})`,
  );
  const prepared = await runInChild<ProjectsPrepared>('bench/projects.ts', 'prepareProjects', target, args, log);
  const server = await startDuikou(target);
  try {
    const user = new ApiClient(server.baseUrl);
    await user.login(prepared.user.username, prepared.user.password);
    const headers = { cookie: user.cookie };
    const endpoints = {
      ledger: '/api/projects?pageSize=20',
      filtered: `/api/projects?pageSize=20&pairingId=${prepared.pairingId}&withSubPairs=true&stage=started`,
      stats: '/api/projects/stats',
      statement: `/api/parks/${prepared.parkId}/agreements/${prepared.agreementId}/statement?year=${prepared.statementYear}`,
    };
    const seen = await user.ok<{ total: number }>('GET', '/api/projects?pageSize=1');
    if (seen.total !== prepared.data.projects)
      throw new Error(`the national office sees ${seen.total} projects, ${prepared.data.projects} were made`);
    // A correction replaces its original: the statement counts the entries in force.
    const st = await user.ok<{ entryCount: number; correctionCount: number }>('GET', endpoints.statement);
    const { statementEntries: stored, statementCorrections: corrections } = prepared.data;
    if (st.entryCount !== stored - corrections || st.correctionCount !== corrections) {
      throw new Error(
        `the statement counts ${st.entryCount} entries and ${st.correctionCount} corrections; the year has ${stored} stored, ${corrections} of them corrections`,
      );
    }

    const bare = await measureBare(log);
    const ledger = await measureEndpoint(server.baseUrl, endpoints.ledger, headers, log);
    const filtered = await measureEndpoint(server.baseUrl, endpoints.filtered, headers, log);
    const stats = await measureEndpoint(server.baseUrl, endpoints.stats, headers, log);
    const serverRssMb = rssMb(server.child.pid);
    const counts = { warmup: 5, runs: 30 };
    const serial = (
      await quietly(
        async () => [
          await serialLatency(`GET ${endpoints.ledger}`, server.baseUrl + endpoints.ledger, headers, counts),
          await serialLatency(
            'GET /api/projects?pageSize=20&pairingId=…&withSubPairs=true&stage=started',
            server.baseUrl + endpoints.filtered,
            headers,
            counts,
          ),
          await serialLatency(`GET ${endpoints.stats}`, server.baseUrl + endpoints.stats, headers, counts),
          await serialLatency(
            `GET /api/parks/:id/agreements/:agreementId/statement?year=${prepared.statementYear}`,
            server.baseUrl + endpoints.statement,
            headers,
            scale < 1 ? { warmup: 1, runs: 5 } : { warmup: 2, runs: 20 },
          ),
        ],
        { retries: 0 },
      )
    ).value;
    for (const s of serial) log(`  serial ${s.label}: median ${s.median.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms`);
    return { engine: target.engine, scale, prepared, endpoints, bare, ledger, filtered, stats, serial, serverRssMb };
  } catch (err) {
    throw new Error(
      `${(err as Error).message}\n--- server output (last lines) ---\n${server.output().split('\n').slice(-30).join('\n')}`,
    );
  } finally {
    await server.stop();
  }
}
