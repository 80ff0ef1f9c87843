import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { PROJECT_STAGES, TASK_LIGHTS, TASK_STATUSES } from '../src/common/api/enums.ts';
import type { Role } from '../src/common/access/roles.ts';
import { hasPermission } from '../src/common/access/permissions.ts';
import { buildOrgUser, DEMO_PASSWORD } from '../src/server/seed/builders.ts';
import { fillDemo } from '../src/server/seed/demo-data.ts';
import { createPairing } from '../src/server/modules/pairings/pairings.service.ts';
import { ApiClient } from './lib/api-client.ts';
import { BROWSER_ACCEPT_ENCODING } from './lib/browser.ts';
import { cloneRows, copyId } from './lib/clone-rows.ts';
import { startDuikou, type RunningDuikou, type Target } from './lib/duikou-server.ts';
import { measureBare, rssMb } from './lib/http-measure.ts';
import { runInChild, type InProcessApp } from './lib/in-process.ts';
import { LOAD, type LoadResult } from './lib/load.ts';
import { runMixedLoad, type MixedLoadResult, type Recorder, type Session } from './lib/mixed-load.ts';
import { quietly, type Quietly } from './lib/quiet.ts';
import { benchScale, scaled } from './lib/scale.ts';
import { median, percentile } from './lib/stats.ts';
import { SYNTHETIC_THEME } from './lib/synthetic-data.ts';
import { preparePlans } from './plans.ts';

/**
 * The headline of the bench (issue 10): a realistic mix of many users at once on data at ten times national scale.
 *
 * Data (made in a child process before the server starts, through the services where it is small, in bulk SQL where
 * it is large): about 200 synthetic county sub-pairs under the real top-level pairings, a 5,000-task plan of
 * 吉林省—浙江省, 100,000 projects (the demo data of each top-level pairing, copied and spread over the pairing and
 * its sub-pairs), and about 100 users: national-office staff, the provincial and city offices of both sides of each
 * top-level pairing, county offices of synthetic sub-pairs, lead units with tasks and a reporting period open, and
 * 组织部 readers. The load: 64 connections, each request as a user picked at random, a read of the kinds that user's
 * role may ask for (dashboard, pairing list and detail, project ledger with varied filters, sorts and pages,
 * project detail, stats by pairing/side/industry/year, task list, plan detail, report list) or, about 2 % of the
 * time, a write: a project edit, a money report on a project, a progress report draft.
 */
export const MIXED_SIZES = {
  subPairs: 200,
  planTasks: 5_000,
  projects: 100_000,
  nationalUsers: 5,
  subOffices: 60,
  leadUnits: 16,
  orgDepts: 6,
} as const;
/** Writes as a share of operations. */
export const WRITE_SHARE = 0.02;
/** The mix runs longer than a single-URL load: enough writes to see what they cost. */
export const MIXED_LOAD = { durationS: 3 * LOAD.durationS, warmupS: 3 * LOAD.warmupS };

export type UserKind = 'national' | 'office' | 'county' | 'lead' | 'orgdept';
export interface MixedUser {
  username: string;
  password: string;
  kind: UserKind;
  roles: Role[];
  regionCode: string;
  organisationId?: string;
}

export interface MixedPrepared {
  users: MixedUser[];
  pairingId: string;
  bigPlanId: string;
  data: {
    pairings: number;
    subPairs: number;
    synthetic: number;
    projects: number;
    stageMoves: number;
    figureReports: number;
    tasks: number;
    bigPlanTasks: number;
    users: number;
  };
  setupMs: Record<string, number>;
}

async function syntheticSubPairs(app: InProcessApp, total: number, log: (line: string) => void) {
  const { ctx } = app;
  const db = ctx.db;
  const programmeId = (await db.execute<{ id: string }>(sql`SELECT id FROM programmes ORDER BY created_at LIMIT 1`))
    .rows[0]?.id;
  if (!programmeId) throw new Error('no programme loaded');
  const tops = (
    await db.execute<{ id: string; a: string | null; b: string | null }>(sql`
      SELECT p.id,
        (SELECT min(region_code) FROM pairing_side_regions s WHERE s.pairing_id = p.id AND s.side = 'a') AS a,
        (SELECT min(region_code) FROM pairing_side_regions s WHERE s.pairing_id = p.id AND s.side = 'b') AS b
      FROM pairings p WHERE p.parent_id IS NULL AND p.status = 'active' ORDER BY p.name`)
  ).rows.filter((t) => t.a && t.b);
  const counties = async (code: string, want: number) =>
    (
      await db.execute<{ code: string }>(sql`
        WITH RECURSIVE down AS (
          SELECT code, level FROM regions WHERE code = ${code}
          UNION ALL SELECT r.code, r.level FROM regions r JOIN down d ON r.parent_code = d.code WHERE d.level <> 'county'
        ) SELECT code FROM down WHERE level = 'county' ORDER BY code LIMIT ${want}`)
    ).rows.map((r) => r.code);
  let created = 0;
  for (const [i, top] of tops.entries()) {
    const quota = Math.floor(total / tops.length) + (i < total % tops.length ? 1 : 0);
    const a = await counties(top.a!, quota);
    const b = await counties(top.b!, quota);
    if (!a.length || !b.length) {
      log(`  no counties under ${top.a} or ${top.b}`);
      continue;
    }
    const seen = new Set<string>();
    for (let k = 0; seen.size < quota && k < a.length * b.length; k++) {
      const pair = [a[k % a.length]!, b[(k + Math.floor(k / a.length)) % b.length]!];
      if (seen.has(pair.join('|'))) continue;
      seen.add(pair.join('|'));
      await createPairing(ctx, {
        programmeId,
        parentId: top.id,
        level: 'county',
        status: 'active',
        theme: SYNTHETIC_THEME,
        sideA: [pair[0]!],
        sideB: [pair[1]!],
        note: '由 npm run bench 生成的合成数据，不是真实结对 / synthetic data generated by npm run bench, not a real pairing',
      } as Parameters<typeof createPairing>[1]);
      created++;
    }
  }
  return created;
}

/**
 * The database side of the mix, in a child process on a fresh database (runInChild): synthetic sub-pairs, the
 * 5,000-task plan (preparePlans, which also makes the 吉林省 office), the demo data of every top-level pairing and
 * its copies spread over each pairing and its sub-pairs, the users, then VACUUM (ANALYZE).
 */
export async function prepareMixed(
  app: InProcessApp,
  args: {
    subPairs: number;
    planTasks: number;
    projects: number;
    nationalUsers: number;
    subOffices: number;
    leadUnits: number;
    orgDepts: number;
  },
  log: (line: string) => void,
): Promise<MixedPrepared> {
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
  const count = async (q: ReturnType<typeof sql>) =>
    (await db.execute<{ n: number }>(sql`SELECT (${q})::int AS n`)).rows[0]!.n;

  const synthetic = await step(`${args.subPairs} synthetic sub-pairs (service)`, () =>
    syntheticSubPairs(app, args.subPairs, log),
  );
  const plan = await step(`plan of ${args.planTasks} tasks (importPlan)`, () =>
    preparePlans(app, { tasks: args.planTasks }, log),
  );

  // Projects: demo data on each top-level pairing, then copies spread over the pairing and its sub-pairs.
  const tops = (
    await db.execute<{ id: string; name: string }>(
      sql`SELECT id, name FROM pairings WHERE parent_id IS NULL AND status = 'active' ORDER BY name`,
    )
  ).rows;
  await step('demo data (fillDemo) on the top-level pairings', async () => {
    for (const p of tops) {
      try {
        await fillDemo(ctx, p.id);
      } catch (err) {
        log(`  fillDemo skipped ${p.name}: ${(err as Error).message.split('\n')[0]}`);
      }
    }
  });
  const templateIds = (
    await db.execute<{ id: string }>(sql`SELECT id FROM projects WHERE is_demo ORDER BY id`)
  ).rows.map((r) => r.id);
  if (!templateIds.length) throw new Error('fillDemo made no projects');
  const needed = Math.max(0, args.projects - (await count(sql`SELECT count(*) FROM projects`)));
  const T = templateIds.length;
  const copies = Math.ceil(needed / T);
  const templates = sql`x.id = ANY(${sql.param(templateIds)}::uuid[])`;
  const ofTemplates = sql`x.project_id = ANY(${sql.param(templateIds)}::uuid[])`;
  // Copy g of a template goes to one of the template's pairing and its sub-pairs, in turn.
  const spread = sql`(SELECT (array_agg(s.id ORDER BY s.id))[1 + (g + t._r) % count(*)::int] FROM pairings s WHERE s.id = t.pairing_id OR s.parent_id = t.pairing_id)`;
  await step(`${needed} project copies spread over the pairings and their sub-pairs`, async () => {
    await cloneRows(db, 'projects', {
      templates,
      copies,
      where: sql`(g - 1) * ${T}::int + t._r < ${needed}::int`,
      set: {
        id: copyId(sql`t.id`),
        pairing_id: spread,
        title: sql`t.title || '（基准副本' || g || '）'`,
        // As naturalKey() would give it: pairing | normalised title | normalised investor.
        natural_key: sql`${spread}::text || '|' || split_part(t.natural_key, '|', 2) || '基准副本' || g || '|' || split_part(t.natural_key, '|', 3)`,
        event_id: sql`NULL`,
        event_agreement_id: sql`NULL`,
        park_id: sql`NULL`,
        created_at: sql`t.created_at - g * interval '1 minute'`,
        updated_at: sql`t.updated_at - g * interval '1 minute'`,
      },
    });
    const parentCopied = sql`EXISTS (SELECT 1 FROM projects p WHERE p.id = ${copyId(sql`t.project_id`)})`;
    const childSet = { id: copyId(sql`t.id`), project_id: copyId(sql`t.project_id`) };
    await cloneRows(db, 'project_stage_moves', { templates: ofTemplates, copies, where: parentCopied, set: childSet });
    await cloneRows(db, 'project_figure_reports', {
      templates: ofTemplates,
      copies,
      where: parentCopied,
      set: childSet,
    });
  });

  // Users: national office, both sides' offices of each top-level pairing, county offices of synthetic sub-pairs,
  // lead units on both sides of 吉林省—浙江省, and 组织部 readers.
  const users: MixedUser[] = [
    {
      username: plan.user.username,
      password: plan.user.password,
      kind: 'office',
      roles: ['pairing_office'],
      regionCode: '220000',
    },
  ];
  await step('users (service)', async () => {
    const make = async (u: Omit<MixedUser, 'password'>, orgKind: Parameters<typeof buildOrgUser>[1]['kind']) => {
      const made = await buildOrgUser(ctx, {
        username: u.username,
        regionCode: u.regionCode,
        roles: u.roles,
        kind: orgKind,
        orgName: `基准测试${u.username}`,
      });
      users.push({ ...u, password: DEMO_PASSWORD, organisationId: made.organisationId });
    };
    for (let i = 0; i < args.nationalUsers; i++)
      await make(
        { username: `mix-national-${i}`, kind: 'national', roles: ['national_office'], regionCode: '000000' },
        'national_office',
      );
    const sideRegions = (
      await db.execute<{ code: string }>(sql`
        SELECT DISTINCT s.region_code AS code FROM pairing_side_regions s JOIN pairings p ON p.id = s.pairing_id
        WHERE p.parent_id IS NULL AND p.status = 'active' ORDER BY 1`)
    ).rows.map((r) => r.code);
    for (const code of sideRegions) {
      if (code === '220000') continue; // preparePlans made the 吉林省 office
      await make(
        { username: `mix-office-${code}`, kind: 'office', roles: ['pairing_office'], regionCode: code },
        'pairing_office',
      );
    }
    const countyRegions = (
      await db.execute<{ code: string }>(sql`
        SELECT DISTINCT ON (p.parent_id, s.region_code) s.region_code AS code, p.parent_id
        FROM pairing_side_regions s JOIN pairings p ON p.id = s.pairing_id
        WHERE p.theme = ${SYNTHETIC_THEME} AND s.side = 'a' ORDER BY p.parent_id, s.region_code`)
    ).rows.map((r) => r.code);
    // Taken in turn from each parent, so every top-level pairing has county offices.
    const picked = [...new Set(countyRegions)].filter(
      (_, i, xs) => i % Math.max(1, Math.floor(xs.length / args.subOffices)) === 0,
    );
    for (const code of picked.slice(0, args.subOffices))
      await make(
        { username: `mix-county-${code}`, kind: 'county', roles: ['pairing_office'], regionCode: code },
        'pairing_office',
      );
    for (let i = 0; i < args.leadUnits; i++)
      await make(
        {
          username: `mix-lead-${i}`,
          kind: 'lead',
          roles: ['lead_unit'],
          regionCode: i % 2 ? '330000' : '220000',
        },
        'lead_unit',
      );
    for (let i = 0; i < args.orgDepts; i++)
      await make(
        {
          username: `mix-orgdept-${i}`,
          kind: 'orgdept',
          roles: ['org_dept'],
          regionCode: i % 2 ? '330000' : '220000',
        },
        'org_dept',
      );
  });

  // VACUUM too: what autovacuum (PostgreSQL) or the app's table upkeep (PGlite, db/table-upkeep.ts) does soon after a
  // bulk load, which marks the pages all-visible for index-only scans; measured here is that steady state, not a
  // one-off VACUUM in the middle of a run.
  await step('VACUUM (ANALYZE)', async () => {
    await db.execute(sql`VACUUM (ANALYZE)`);
  });
  const data = {
    pairings: await count(sql`SELECT count(*) FROM pairings WHERE parent_id IS NULL`),
    subPairs: await count(sql`SELECT count(*) FROM pairings WHERE parent_id IS NOT NULL`),
    synthetic,
    projects: await count(sql`SELECT count(*) FROM projects`),
    stageMoves: await count(sql`SELECT count(*) FROM project_stage_moves`),
    figureReports: await count(sql`SELECT count(*) FROM project_figure_reports`),
    tasks: await count(sql`SELECT count(*) FROM tasks`),
    bigPlanTasks: plan.tasks,
    users: users.length,
  };
  log(`data: ${JSON.stringify(data)}`);
  return { users, pairingId: plan.pairingId, bigPlanId: plan.planId, data, setupMs };
}

// ---- the client side ----

interface Pools {
  pairingIds: string[];
  pairingPages: number;
  planIds: string[];
  projectIds: string[];
  projectPages: number;
  reportIds: string[];
}
interface LiveUser extends MixedUser {
  session: Session;
  pools: Pools;
}

const rnd = (n: number) => Math.floor(Math.random() * n);
const pick = <T>(xs: readonly T[]): T => xs[rnd(xs.length)]!;
/** Page 1 half the time, else a page up to `pages` (what people look at: mostly the first pages). */
const somePage = (pages: number) => (Math.random() < 0.5 ? 1 : 1 + rnd(Math.max(1, Math.min(pages, 25))));
const INDUSTRY_SECTIONS = ['A', 'C', 'C', 'C', 'F', 'G', 'I', 'J', 'L', 'M', 'R'];
const WORDS = ['新能源', '产业园', '制造', '旅游', '农业', '物流', '光伏', '医药'];

function qs(params: Record<string, string | number | undefined>) {
  return Object.entries(params)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&');
}

/** A varied ledger address: a page, and now and then a filter, a sort, a search. */
function ledgerPath(u: LiveUser): string {
  const p: Record<string, string | number | undefined> = { pageSize: 20, page: somePage(u.pools.projectPages) };
  const r = Math.random();
  if (r < 0.15) p.stage = pick(PROJECT_STAGES);
  else if (r < 0.27) p.year = 2018 + rnd(9);
  else if (r < 0.37) p.industrySection = pick(INDUSTRY_SECTIONS);
  else if (r < 0.5 && u.pools.pairingIds.length) {
    p.pairingId = pick(u.pools.pairingIds);
    p.withSubPairs = 'true';
  } else if (r < 0.55) p.side = pick(['a', 'b']);
  else if (r < 0.6) p.q = pick(WORDS);
  const s = Math.random();
  if (s < 0.1) p.sort = 'title';
  else if (s < 0.18) p.sort = 'signed';
  else if (s < 0.25) p.sort = 'signedOn';
  if (p.sort && Math.random() < 0.5) p.order = 'asc';
  // Filtered or sorted views are mostly looked at from their first pages.
  if (Object.keys(p).length > 2 && typeof p.page === 'number') p.page = Math.min(p.page, 1 + rnd(3));
  return `/api/projects?${qs(p)}`;
}

function statsPath(u: LiveUser): string {
  const p: Record<string, string | undefined> = { groupBy: pick(['pairing', 'pairing', 'side', 'industry', 'year']) };
  if (Math.random() < 0.3 && u.pools.pairingIds.length) {
    p.pairingId = pick(u.pools.pairingIds);
    p.withSubPairs = 'true';
  }
  return `/api/projects/stats?${qs(p)}`;
}

function taskListPath(u: LiveUser): string {
  const p: Record<string, string | number | undefined> = { pageSize: 20 };
  if (u.pools.planIds.length && (u.kind !== 'lead' || Math.random() < 0.5)) p.planId = pick(u.pools.planIds);
  if (u.kind === 'lead') p.mine = 'true';
  const r = Math.random();
  if (r < 0.15) p.light = pick(TASK_LIGHTS);
  else if (r < 0.25) p.status = pick(TASK_STATUSES);
  else if (r < 0.32) p.side = pick(['a', 'b']);
  else if (r < 0.38) p.sort = 'deadline';
  p.page = Object.keys(p).length > 2 ? 1 : somePage(10);
  return `/api/tasks?${qs(p)}`;
}

function pairingListPath(u: LiveUser): string {
  const p: Record<string, string | number | undefined> = { pageSize: 20, page: somePage(u.pools.pairingPages) };
  const r = Math.random();
  if (r < 0.2) p.parentId = 'root';
  else if (r < 0.3) p.level = 'county';
  else if (r < 0.35) p.q = pick(['吉林', '浙江', '辽宁', '江苏', '黑龙江', '广东', '市', '县']);
  if (Math.random() < 0.2) p.sort = 'name';
  if (Object.keys(p).length > 2) p.page = 1;
  return `/api/pairings?${qs(p)}`;
}

type ReadKind = [
  kind: string,
  weight: number,
  permission: Parameters<typeof hasPermission>[1],
  make: (u: LiveUser) => string | null,
];
const READS: ReadKind[] = [
  ['dashboard', 12, 'dashboard.read', () => '/api/dashboard'],
  ['pairing list', 8, 'pairing.read', pairingListPath],
  [
    'pairing detail',
    7,
    'pairing.read',
    (u) => (u.pools.pairingIds.length ? `/api/pairings/${pick(u.pools.pairingIds)}` : null),
  ],
  ['project ledger', 20, 'project.read', ledgerPath],
  [
    'project detail',
    8,
    'project.read',
    (u) => (u.pools.projectIds.length ? `/api/projects/${pick(u.pools.projectIds)}` : null),
  ],
  ['project stats', 10, 'project.read', statsPath],
  ['task list', 14, 'task.read', taskListPath],
  ['plan detail', 6, 'plan.read', (u) => (u.pools.planIds.length ? `/api/plans/${pick(u.pools.planIds)}` : null)],
  ['report list', 5, 'report.read', () => `/api/reports?pageSize=20`],
];
export const READ_KINDS = READS.map((r) => r[0]);
export const WRITE_KINDS = ['project edit', 'money report', 'report draft'] as const;

/** Project ids seen in a ledger page are what a user may open or change next. */
function harvest(u: LiveUser, json: unknown) {
  const items = (json as { items?: { id: string }[]; total?: number } | null)?.items;
  if (!items?.length) return;
  for (const it of items.slice(0, 5)) {
    if (u.pools.projectIds.length < 200) u.pools.projectIds.push(it.id);
    else u.pools.projectIds[rnd(200)] = it.id;
  }
}

async function readOp(rec: Recorder, u: LiveUser) {
  const allowed = READS.filter(([, , perm]) => hasPermission(u.roles, perm));
  const total = allowed.reduce((s, r) => s + r[1], 0);
  let x = Math.random() * total;
  const chosen = allowed.find((r) => (x -= r[1]) < 0) ?? allowed[0]!;
  const [kind, , , make] = chosen;
  const path = make(u) ?? '/api/dashboard';
  const parse = kind === 'project ledger' && Math.random() < 0.3;
  // A search reads every project of the scope (no index serves a two-character Chinese infix): its own kind.
  const shown =
    path === '/api/dashboard'
      ? 'dashboard'
      : kind === 'project ledger' && path.includes('&q=')
        ? 'project search'
        : kind;
  const a = await rec.request(u.session, shown, 'GET', path, { parse });
  if (parse) harvest(u, a.json);
}

async function writeOp(rec: Recorder, writers: LiveUser[]) {
  const u = pick(writers);
  if (u.kind === 'lead') {
    if (!u.pools.reportIds.length) return;
    const id = pick(u.pools.reportIds);
    const r = await rec.request(u.session, 'report detail (before a draft)', 'GET', `/api/reports/${id}`, {
      parse: true,
    });
    const report = r.json as { version?: number; editable?: boolean } | null;
    if (!report?.version || !report.editable) return;
    await rec.request(u.session, 'report draft', 'PATCH', `/api/reports/${id}`, {
      body: { version: report.version, percent: rnd(100), narrative: `基准测试进展说明 ${Date.now()}` },
      write: true,
    });
    return;
  }
  if (!u.pools.projectIds.length) return;
  const id = pick(u.pools.projectIds);
  // Both project writes name the version the user saw, as the project page does: read it first.
  const r = await rec.request(u.session, 'project detail', 'GET', `/api/projects/${id}`, { parse: true });
  const p = r.json as { version?: number; landmark?: boolean } | null;
  if (!p?.version) return;
  if (Math.random() < 0.5) {
    await rec.request(u.session, 'project edit', 'PATCH', `/api/projects/${id}`, {
      body: { version: p.version, landmark: !p.landmark },
      write: true,
    });
  } else {
    const now = new Date();
    await rec.request(u.session, 'money report', 'POST', `/api/projects/${id}/figures`, {
      body: {
        version: p.version,
        figure: 'planned',
        period: { year: now.getUTCFullYear(), month: now.getUTCMonth() + 1 },
        amount: String(100 + rnd(90_000)),
      },
      write: true,
    });
  }
}

/** Signs every user in and learns, as their pages would, which pairings, plans, projects and reports they see. */
export async function signIn(baseUrl: string, users: MixedUser[]): Promise<LiveUser[]> {
  const live: LiveUser[] = [];
  // One sign-in at a time: the server hashes at most one password per client address at once.
  for (let i = 0; i < users.length; i += 1) {
    const batch = await Promise.all(
      users.slice(i, i + 1).map(async (u) => {
        const api = new ApiClient(baseUrl);
        await api.login(u.username, u.password);
        const pools: Pools = {
          pairingIds: [],
          pairingPages: 1,
          planIds: [],
          projectIds: [],
          projectPages: 1,
          reportIds: [],
        };
        const pairings = await api.ok<{ items: { id: string }[]; total: number }>('GET', '/api/pairings?pageSize=100');
        pools.pairingIds = pairings.items.map((p) => p.id);
        pools.pairingPages = Math.ceil(pairings.total / 20);
        if (hasPermission(u.roles, 'plan.read'))
          pools.planIds = (await api.ok<{ items: { id: string }[] }>('GET', '/api/plans?pageSize=100')).items.map(
            (p) => p.id,
          );
        if (hasPermission(u.roles, 'project.read')) {
          const projects = await api.ok<{ items: { id: string }[]; total: number }>('GET', '/api/projects?pageSize=50');
          pools.projectIds = projects.items.map((p) => p.id);
          pools.projectPages = Math.ceil(projects.total / 20);
        }
        if (u.kind === 'lead')
          pools.reportIds = (await api.ok<{ items: { id: string }[] }>('GET', '/api/reports?pageSize=100')).items.map(
            (r) => r.id,
          );
        return { ...u, session: { username: u.username, cookie: api.cookie, csrf: api.csrfToken }, pools };
      }),
    );
    live.push(...batch);
  }
  return live;
}

/**
 * Lead units get tasks of the seed 吉林省—浙江省 plan (their office assigns them, as the task page does) and the
 * office opens this quarter's reporting period, so each lead unit has report slots to draft.
 */
export async function openReporting(baseUrl: string, prepared: MixedPrepared, log: (line: string) => void) {
  const office = prepared.users.find((u) => u.kind === 'office' && u.regionCode === '220000')!;
  const api = new ApiClient(baseUrl);
  await api.login(office.username, office.password);
  const plans = await api.ok<{ items: { id: string; title: string; taskCount?: number }[] }>(
    'GET',
    `/api/plans?pairingId=${prepared.pairingId}&pageSize=100`,
  );
  const seedPlan = plans.items.find((p) => p.id !== prepared.bigPlanId && p.title.includes('吉林省与浙江省'));
  if (!seedPlan) throw new Error('no seed plan of 吉林省—浙江省');
  const tasks = (await api.ok<{ items: { id: string }[] }>('GET', `/api/tasks?planId=${seedPlan.id}&pageSize=100`))
    .items;
  const leads = prepared.users.filter((u) => u.kind === 'lead');
  for (const [k, task] of tasks.entries()) {
    const lead = leads[k % leads.length]!;
    const orgId = lead.organisationId;
    if (!orgId) throw new Error(`no organisation for ${lead.username}`);
    const t = await api.ok<{ version: number }>('GET', `/api/tasks/${task.id}`);
    await api.ok('PATCH', `/api/tasks/${task.id}`, {
      version: t.version,
      units: [{ organisationId: orgId, side: lead.regionCode === '220000' ? 'a' : 'b', role: 'lead' }],
    });
  }
  const now = new Date();
  const cycle = await api.ok<{ id: string }>('POST', '/api/cycles', {
    pairingId: prepared.pairingId,
    frequency: 'quarterly',
    year: now.getUTCFullYear(),
    period: Math.floor(now.getUTCMonth() / 3) + 1,
  });
  log(
    `  reporting: ${tasks.length} tasks of the seed plan given to ${leads.length} lead units; period ${cycle.id} open`,
  );
}

export interface MixedRun {
  label: string;
  processes: number;
  replica: boolean;
  writeShare: number;
  load: MixedLoadResult;
  serverRssMb: number | null;
}

export interface UncachedTiming {
  label: string;
  path: string;
  median: number;
  p95: number;
  runs: number;
  /** Answers that came from the response cache although a write came just before (should be 0). */
  hits: number;
}

export interface MixedResult {
  engine: Target['engine'];
  scale: number;
  prepared: MixedPrepared;
  bare: Quietly<LoadResult>;
  runs: Quietly<MixedRun>[];
  uncached: Quietly<UncachedTiming[]>;
  /** /proc/loadavg before and after the engine's measurements. */
  loadavg: { before: string; after: string };
  /** Scale-out runs that failed (the others stand). */
  failures?: string[];
}

/**
 * BENCH_MIXED_RUNS=scale-out (for checking the scale-out runs, issue 10): the mix on PostgreSQL alone, without its
 * read-only run; the one-process run with writes stays as the figure the scale-out runs are compared with.
 */
export const scaleOutOnly = () => process.env.BENCH_MIXED_RUNS === 'scale-out';

const loadavg = () => {
  try {
    return fs.readFileSync('/proc/loadavg', 'utf8').trim();
  } catch {
    return '';
  }
};

export async function mixedRun(
  server: RunningDuikou,
  users: LiveUser[],
  opts: { label: string; processes: number; replica: boolean; writeShare: number },
  log: (line: string) => void,
): Promise<Quietly<MixedRun>> {
  const writers = users.filter((u) =>
    u.kind === 'lead' ? u.pools.reportIds.length : hasPermission(u.roles, 'project.manage'),
  );
  const r = await quietly(
    async () => {
      const load = await runMixedLoad({
        baseUrl: server.baseUrl,
        connections: LOAD.connections,
        durationS: MIXED_LOAD.durationS,
        warmupS: MIXED_LOAD.warmupS,
        next: (rec) => (Math.random() < opts.writeShare ? writeOp(rec, writers) : readOp(rec, pick(users))),
      });
      // With several processes the child is the supervisor: its memory says nothing of the workers'.
      return { ...opts, load, serverRssMb: opts.processes > 1 ? null : rssMb(server.child.pid) };
    },
    { retries: 0 },
  );
  const l = r.value.load;
  log(
    `  ${opts.label}: ${l.rps.toFixed(0)} req/s; reads p50 ${l.reads.p50.toFixed(1)} p95 ${l.reads.p95.toFixed(1)} p99 ${l.reads.p99.toFixed(1)} ms, cache hits ${(100 * l.reads.hitShare).toFixed(0)} %; writes ${l.writes.requests} (${(100 * l.writeShare).toFixed(1)} %), p95 ${l.writes.p95.toFixed(1)} ms, ${l.writes.conflicts} conflicts, ${l.writes.refused} refused; ${l.failures} failures (other processes: ${r.foreignCores.toFixed(2)} cores)`,
  );
  for (const k of l.kinds)
    log(
      `    ${k.kind}: ${k.requests} requests, p50 ${k.p50.toFixed(1)} p95 ${k.p95.toFixed(1)} p99 ${k.p99.toFixed(1)} ms, hits ${(100 * k.hitShare).toFixed(0)} %${Object.keys(k.other).length ? ` ${JSON.stringify(k.other)}` : ''}`,
    );
  if (l.refusals.length) log(`    refused writes, e.g.: ${l.refusals.join('; ')}`);
  if (l.failures) throw new Error(`${l.failures} failed requests in ${opts.label}: ${l.failureSamples.join('; ')}`);
  return r;
}

/**
 * One request at a time, each right after a write that touches what it reads (so no cache can answer it), as the
 * national office: what a reader waits for after any change. Only the read is timed.
 */
export async function uncachedTimings(baseUrl: string, national: LiveUser, prepared: MixedPrepared, runs: number) {
  const api = new ApiClient(baseUrl);
  api.cookie = national.session.cookie;
  api.csrfToken = national.session.csrf;
  const projectId = national.pools.projectIds[0]!;
  const projectWrite = async () => {
    const p = await api.ok<{ version: number; landmark: boolean }>('GET', `/api/projects/${projectId}`);
    await api.ok('PATCH', `/api/projects/${projectId}`, { version: p.version, landmark: !p.landmark });
  };
  const pairing = (await api.ok<{ items: { id: string }[] }>('GET', '/api/pairings?pageSize=1&level=county')).items[0]!;
  const pairingWrite = async () => {
    const p = await api.ok<{ version: number }>('GET', `/api/pairings/${pairing.id}`);
    await api.ok('PATCH', `/api/pairings/${pairing.id}`, { version: p.version, note: `基准测试 ${Date.now()}` });
  };
  const task = (await api.ok<{ items: { id: string }[] }>('GET', `/api/tasks?planId=${prepared.bigPlanId}&pageSize=1`))
    .items[0]!;
  const taskWrite = async () => {
    const t = await api.ok<{ version: number }>('GET', `/api/tasks/${task.id}`);
    await api.ok('PATCH', `/api/tasks/${task.id}`, { version: t.version, progressNote: `基准测试 ${Date.now()}` });
  };
  const cases: [string, string, () => Promise<void>][] = [
    // The dashboard reads projects and pairings: a project edit is the write that matters under the mix.
    ['dashboard', '/api/dashboard', projectWrite],
    ['project stats by pairing', '/api/projects/stats?groupBy=pairing', projectWrite],
    ['project stats by industry', '/api/projects/stats?groupBy=industry', projectWrite],
    ['project stats by year', '/api/projects/stats?groupBy=year', projectWrite],
    ['ledger page 1 with totals', '/api/projects?pageSize=20', projectWrite],
    ['ledger sorted by title', '/api/projects?pageSize=20&sort=title&order=asc', projectWrite],
    ['ledger filtered by signing year', '/api/projects?pageSize=20&year=2024', projectWrite],
    ['ledger filtered by stage, page 5', '/api/projects?pageSize=20&stage=started&page=5', projectWrite],
    ['pairing list', '/api/pairings?pageSize=20', pairingWrite],
    ['project search', '/api/projects?pageSize=20&q=%E5%88%B6%E9%80%A0', projectWrite],
    // A page with its lists (moves, reports, files; offices, contacts, sub-pairs), read in one statement each.
    ['project page', `/api/projects/${projectId}`, projectWrite],
    ['pairing page (a county pair)', `/api/pairings/${pairing.id}`, pairingWrite],
    ['task list of the 5,000-task plan', `/api/tasks?planId=${prepared.bigPlanId}&pageSize=20`, taskWrite],
    // Report slots name their task: a task edit is a write it reads.
    ['report list', '/api/reports?pageSize=20', taskWrite],
    ['tree of the 5,000-task plan', `/api/plans/${prepared.bigPlanId}`, taskWrite],
  ];
  const out: UncachedTiming[] = [];
  for (const [label, path, write] of cases) {
    const xs: number[] = [];
    let hits = 0;
    for (let i = 0; i < runs + 2; i++) {
      await write();
      const t0 = performance.now();
      const res = await fetch(baseUrl + path, {
        headers: { cookie: api.cookie, 'accept-encoding': BROWSER_ACCEPT_ENCODING },
      });
      await res.arrayBuffer();
      const ms = performance.now() - t0;
      if (res.status !== 200) throw new Error(`${path} → ${res.status}`);
      if (i < 2) continue; // warm-up
      if (res.headers.get('x-cache') === 'hit') hits++;
      xs.push(ms);
    }
    out.push({ label, path, median: median(xs), p95: percentile(xs, 95), runs, hits });
  }
  return out;
}

/**
 * The mixed stage on one engine: the data (prepareMixed in a child), the real server, the users signed in, a
 * reporting period opened, then: bare Fastify; the mix with writes (the headline) and without; on PostgreSQL the
 * mix again with two app processes, and with two processes and a streaming replica when one is given; finally
 * the uncached single requests.
 */
export async function measureMixed(
  target: Target,
  log: (line: string) => void,
  opts: { replicaUrl?: (primaryUrl: string) => string } = {},
): Promise<MixedResult> {
  const scale = benchScale();
  const args = {
    subPairs: scaled(MIXED_SIZES.subPairs, 10),
    planTasks: scaled(MIXED_SIZES.planTasks, 100),
    projects: scaled(MIXED_SIZES.projects, 2000),
    nationalUsers: MIXED_SIZES.nationalUsers,
    subOffices: scaled(MIXED_SIZES.subOffices, 5),
    leadUnits: MIXED_SIZES.leadUnits,
    orgDepts: MIXED_SIZES.orgDepts,
  };
  log(`  generating (BENCH_SCALE=${scale}): ${JSON.stringify(args)}`);
  const before = loadavg();
  const prepared = await runInChild<MixedPrepared>('bench/mixed.ts', 'prepareMixed', target, args, log);
  const runs: Quietly<MixedRun>[] = [];
  const failures: string[] = [];
  let bare: Quietly<LoadResult> | undefined;
  let uncached: Quietly<UncachedTiming[]> | undefined;

  const withServer = async <T>(env: NodeJS.ProcessEnv, fn: (s: RunningDuikou) => Promise<T>) => {
    const server = await startDuikou(target, { env });
    try {
      return await fn(server);
    } catch (err) {
      throw new Error(
        `${(err as Error).message}\n--- server output (last lines) ---\n${server.output().split('\n').slice(-30).join('\n')}`,
      );
    } finally {
      await server.stop();
    }
  };

  await withServer({}, async (server) => {
    await openReporting(server.baseUrl, prepared, log);
    const users = await signIn(server.baseUrl, prepared.users);
    log(`  ${users.length} users signed in`);
    bare = await measureBare(log);
    runs.push(
      await mixedRun(
        server,
        users,
        { label: 'mix, 2 % writes', processes: 1, replica: false, writeShare: WRITE_SHARE },
        log,
      ),
    );
    if (!scaleOutOnly())
      runs.push(
        await mixedRun(server, users, { label: 'mix, read-only', processes: 1, replica: false, writeShare: 0 }, log),
      );
    const national = users.find((u) => u.kind === 'national')!;
    uncached = await quietly(() => uncachedTimings(server.baseUrl, national, prepared, scale < 1 ? 5 : 20), {
      retries: 0,
    });
    for (const u of uncached.value)
      log(
        `    uncached ${u.label}: median ${u.median.toFixed(1)} ms, p95 ${u.p95.toFixed(1)} ms${u.hits ? ` (${u.hits} cache hits!)` : ''}`,
      );
  });

  if (target.engine === 'postgres') {
    const scaleOut: [string, NodeJS.ProcessEnv, boolean][] = [
      ['mix, 2 % writes, 2 processes', { WORKERS: '2' }, false],
    ];
    if (opts.replicaUrl)
      scaleOut.push([
        'mix, 2 % writes, 2 processes, reads on a streaming replica',
        { WORKERS: '2', DATABASE_REPLICA_URLS: opts.replicaUrl(target.databaseUrl!) },
        true,
      ]);
    for (const [label, env, replica] of scaleOut) {
      // A scale-out run that fails is reported as such; the single-process figures stand.
      try {
        await withServer(env, async (server) => {
          const users = await signIn(server.baseUrl, prepared.users);
          runs.push(await mixedRun(server, users, { label, processes: 2, replica, writeShare: WRITE_SHARE }, log));
        });
      } catch (err) {
        const message = `${label}: ${(err as Error).message.split('\n')[0]}`;
        log(`  FAILED: ${message}`);
        failures.push(message);
      }
    }
  }
  return {
    engine: target.engine,
    scale,
    prepared,
    bare: bare!,
    runs,
    uncached: uncached!,
    loadavg: { before, after: loadavg() },
    failures,
  };
}
