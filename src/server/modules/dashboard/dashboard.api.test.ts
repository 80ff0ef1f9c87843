import { describe, it, expect, beforeAll } from 'vitest';
import { sql } from 'drizzle-orm';
import { testEngines } from '../../testing/test-engines.ts';
import { useProgrammeApp } from '../../testing/programme-fixture.ts';
import { systemContext } from '../../http/system-actor.ts';
import { buildEvent, buildOrgUser, buildPark, buildProject } from '../../seed/builders.ts';
import { newProject } from '../projects/test-support/project-api.ts';
import type { Db } from '../../db/database.ts';
import { dashboard } from './dashboard.service.ts';
import { presentDashboard } from './dashboard.presenter.ts';
import { projectFigures } from '../projects/projects.service.ts';

/** The pairings whose figures (project-stats.repository.ts, readPieces) each statement Drizzle sends reads again. */
function spyPieceReads(db: Db) {
  const client = (db as unknown as { $client: { query: (...args: unknown[]) => unknown } }).$client;
  const query = client.query;
  const reads: string[][] = [];
  const sent: { text: string; values: unknown[] }[] = [];
  client.query = function (this: unknown, ...args: unknown[]) {
    const first = args[0] as string | { text?: string; values?: unknown[] };
    const text = typeof first === 'string' ? first : first?.text;
    // Named statements come with their values apart; others carry them.
    const values = (Array.isArray(args[1]) ? args[1] : typeof first === 'object' ? first.values : undefined) as
      | unknown[]
      | undefined;
    // The ids go as the array's text (kernel/pairing-scope.repository.ts uuidArray): {"id","id"}.
    if (text?.includes('FROM project_rollups x') && text.includes('x.pairing_id = ANY')) {
      sent.push({ text, values: values ?? [] });
      reads.push(
        String(values?.[0] ?? '{}')
          .replace(/[{}"]/g, '')
          .split(',')
          .filter(Boolean),
      );
    }
    return query.apply(this, args);
  };
  return { reads, sent, restore: () => void (client.query = query) };
}

/*
 * The dashboard's project figures: counts of projects, parks and events, the funnel, money by stage and rates,
 * each limited to the pairings the user may see, and absent for users who may not read projects.
 */
describe.each(testEngines())('dashboard projects on %s', (engine) => {
  const s = useProgrammeApp(engine);
  let enterprise: { username: string; password: string };

  beforeAll(async () => {
    const ctx = systemContext(s.t.deps);
    const jz = s.f.pairings.jilinZhejiang;
    // 吉林—浙江: one project produced (through every stage), one signed, one only planned; one demo project in the
    // 吉林市—温州市 sub-pair. 辽宁—江苏: one signed project, a park and an event, none of which 吉林 may see.
    await buildProject(
      ctx,
      newProject(jz, { title: '长春汽车零部件项目', investor: '宁波甲公司', stageOn: '2024-01-05' }) as never,
      {
        moves: [
          { to: 'signed', on: '2024-03-01' },
          { to: 'started', on: '2024-06-01' },
          { to: 'producing', on: '2025-06-01' },
        ],
        reports: [
          { figure: 'signed', period: { year: 2024, month: 3 }, amount: '50000' },
          { figure: 'arrived', period: { year: 2024, month: 12 }, amount: '20000.5' },
          { figure: 'completed', period: { year: 2025, month: 6 }, amount: '30000' },
        ],
      },
    );
    await buildProject(
      ctx,
      newProject(jz, {
        title: '长春医药项目',
        investor: '杭州乙公司',
        stage: 'signed',
        stageOn: '2024-05-01',
        signedAmount: '8000',
        plannedInvestment: '9000',
      }) as never,
    );
    await buildProject(
      ctx,
      newProject(jz, { title: '长春物流项目', investor: '杭州丙公司', plannedInvestment: '3000' }) as never,
    );
    await buildProject(
      ctx,
      newProject(s.f.pairings.jilinWenzhou, {
        title: '吉林市鞋业项目',
        investor: '温州丁公司',
        hostRegionCode: '220200',
        stage: 'signed',
        stageOn: '2024-02-01',
        signedAmount: '1000',
      }) as never,
      {},
      { demo: true },
    );
    await buildPark(ctx, { pairingId: jz, name: '吉浙合作产业园', type: 'cooperation', hostRegionCode: '220100' });
    await buildEvent(ctx, {
      pairingId: jz,
      kind: 'promotion',
      title: '浙商吉林行',
      startsOn: '2024-05-10',
      endsOn: '2024-05-12',
    });
    await buildEvent(ctx, {
      pairingId: s.f.pairings.jilinWenzhou,
      kind: 'forum',
      title: '温州吉林经贸论坛',
      startsOn: '2024-06-10',
      endsOn: '2024-06-10',
    });
    const lj = s.f.pairings.liaoningJiangsu;
    await buildProject(
      ctx,
      newProject(lj, {
        title: '沈阳机器人项目',
        investor: '南京戊公司',
        hostRegionCode: '210100',
        investorRegionCode: '320100',
        stage: 'signed',
        stageOn: '2024-04-01',
        signedAmount: '70000',
      }) as never,
    );
    await buildPark(ctx, { pairingId: lj, name: '辽苏合作园', type: 'cooperation', hostRegionCode: '210100' });
    await buildEvent(ctx, {
      pairingId: lj,
      kind: 'expo',
      title: '江苏行',
      startsOn: '2024-07-01',
      endsOn: '2024-07-02',
    });
    enterprise = await buildOrgUser(ctx, {
      username: 'enterprise-a',
      regionCode: '220100',
      roles: ['enterprise'],
      kind: 'enterprise',
    });
  });

  it('a pairing office sees its pairings’ projects, parks and events with the funnel and money by stage', async () => {
    const c = await s.as(s.f.users.jilin);
    const res = await c.get('/api/dashboard');
    expect(res.statusCode).toBe(200);
    const p = res.json().projects;
    expect(p.counts).toEqual({ projects: 4, landmark: 0, demo: 1, parks: 1, events: 2 });
    expect(p.funnel).toEqual([
      { stage: 'planning', reached: 4 },
      { stage: 'signed', reached: 3 },
      { stage: 'sited', reached: 1 },
      { stage: 'started', reached: 1 },
      { stage: 'producing', reached: 1 },
    ]);
    const byStage = Object.fromEntries(
      p.byStage.map((b: { stage: string; projects: number; figures: unknown }) => [b.stage, b]),
    );
    expect(byStage.producing).toMatchObject({
      projects: 1,
      figures: { signed: '50000', planned: '52000', arrived: '20000.5', completed: '30000' },
    });
    expect(byStage.signed).toMatchObject({
      projects: 2,
      figures: { signed: '9000', planned: '61000', arrived: '0', completed: '0' },
    });
    expect(byStage.planning).toMatchObject({ projects: 1, figures: { signed: '0', planned: '3000' } });
    // 到位率 = 20000.5 / 59000; 开工率 and 投产率 over the three signed projects.
    expect(p.overall).toMatchObject({
      signedProjects: 3,
      signedAmount: '59000',
      arrivedFunds: '20000.5',
      arrivalRate: '33.90',
      startRate: '33.33',
      productionRate: '33.33',
    });
    // The rates by pairing are the statistics page's: the dashboard shows none, so its answer has none, and the rest
    // is the statistics' figures.
    expect(p).not.toHaveProperty('groups');
    const { groups, ...figures } = (await c.get('/api/projects/stats?groupBy=pairing')).json();
    expect(groups.map((g: { label: string }) => g.label).sort()).toEqual(['吉林市—温州市', '吉林省—浙江省']);
    expect(p).toEqual(figures);
  });

  it('another pairing’s office and the national office see their own figures; the national office sees all', async () => {
    const liaoning = (await (await s.as(s.f.users.liaoning)).get('/api/dashboard')).json().projects;
    expect(liaoning.counts).toEqual({ projects: 1, landmark: 0, demo: 0, parks: 1, events: 1 });
    expect(liaoning.byStage.find((b: { stage: string }) => b.stage === 'signed').figures.signed).toBe('70000');
    const national = (await (await s.as(s.f.users.national)).get('/api/dashboard')).json().projects;
    const truth = await s.t.database.db.execute<{ projects: number; parks: number; events: number }>(sql`
      SELECT (SELECT count(*)::int FROM projects) AS projects, (SELECT count(*)::int FROM parks) AS parks, (SELECT count(*)::int FROM events) AS events`);
    expect(national.counts).toMatchObject(truth.rows[0]!);
    expect(national.counts.projects).toBe(5);
  });

  it('follows a new project at once, and gives no project figures to a user who may not read projects', async () => {
    const c = await s.as(s.f.users.jilin);
    const before = (await c.get('/api/dashboard')).json().projects;
    expect(
      (
        await c.post(
          '/api/projects',
          newProject(s.f.pairings.jilinZhejiang, { title: '新登记的项目', investor: '某公司', landmark: true }),
        )
      ).statusCode,
    ).toBe(201);
    const after = (await c.get('/api/dashboard')).json().projects;
    expect(after.counts).toMatchObject({ projects: before.counts.projects + 1, landmark: before.counts.landmark + 1 });
    expect(after.funnel[0].reached).toBe(before.funnel[0].reached + 1);

    const e = await s.as(enterprise);
    const dash = await e.get('/api/dashboard');
    expect(dash.statusCode).toBe(200);
    expect(dash.json().projects).toBeNull();
  });

  it('keeps its pairing overview across project writes, and follows a new sub-pair at once for every office that sees it', async () => {
    const jilin = await s.as(s.f.users.jilin);
    const national = await s.as(s.f.users.national);
    const overview = async (c: typeof jilin) => {
      const body = (await c.get('/api/dashboard')).json();
      const pair = body.pairings.find((p: { id: string }) => p.id === s.f.pairings.jilinZhejiang);
      return { counts: body.counts, subPairs: pair.subPairCount as number, projects: body.projects.counts.projects };
    };
    const before = { jilin: await overview(jilin), national: await overview(national) };
    const project = await jilin.post(
      '/api/projects',
      newProject(s.f.pairings.jilinZhejiang, { title: '又一个项目', investor: '某公司' }),
    );
    expect(project.statusCode, project.body).toBe(201);
    const afterProject = await overview(jilin);
    expect(afterProject).toEqual({ ...before.jilin, projects: before.jilin.projects + 1 });
    const sub = await jilin.post('/api/pairings', {
      programmeId: s.f.programmeId,
      parentId: s.f.pairings.jilinZhejiang,
      level: 'county',
      sideA: ['220103'],
      sideB: ['330106'],
      theme: '现代农业',
    });
    expect(sub.statusCode, sub.body).toBe(201);
    for (const [who, c] of [
      ['jilin', jilin],
      ['national', national],
    ] as const) {
      const after = await overview(c);
      // Its two districts are new to 吉林's pairings (the national office may have them elsewhere).
      expect(after.counts, who).toEqual({
        ...before[who].counts,
        subPairs: before[who].counts.subPairs + 1,
        regions: who === 'jilin' ? before.jilin.counts.regions + 2 : after.counts.regions,
      });
      expect(after.counts.regions).toBeGreaterThanOrEqual(before[who].counts.regions);
      expect(after.subPairs, who).toBe(before[who].subPairs + 1);
    }
  });

  it('after a project write reads again only that pairing’s figures, which every office that sees it follows at once', async () => {
    const lj = s.f.pairings.liaoningJiangsu;
    // Signed in one after another: the server hashes one password per client address at a time.
    const clients = {
      national: await s.as(s.f.users.national),
      jilin: await s.as(s.f.users.jilin),
      liaoning: await s.as(s.f.users.liaoning),
    };
    const figures = async () => {
      const out: Record<string, { counts: { projects: number }; groups: { key: string; projects: number }[] }> = {};
      for (const [k, c] of Object.entries(clients))
        out[k] = (await c.get('/api/projects/stats?groupBy=pairing')).json();
      return out;
    };
    const before = await figures();
    const spy = spyPieceReads(s.t.database.db);
    try {
      const created = await clients.liaoning.post(
        '/api/projects',
        newProject(lj, {
          title: '大连港口项目',
          investor: '苏州己公司',
          hostRegionCode: '210100',
          investorRegionCode: '320100',
        }),
      );
      expect(created.statusCode, created.body).toBe(201);
      const after = await figures();
      // The national office's pairings and 辽宁's: 辽宁—江苏's figures alone are read again.
      expect(spy.reads.length).toBeGreaterThan(0);
      for (const read of spy.reads) expect(read).toEqual([lj]);
      for (const k of ['national', 'liaoning'] as const) {
        expect(after[k]!.counts.projects, k).toBe(before[k]!.counts.projects + 1);
        const group = (f: typeof after) => f[k]!.groups.find((g) => g.key === lj)!.projects;
        expect(group(after), k).toBe(group(before) + 1);
      }
      expect(after.jilin).toEqual(before.jilin);
      // Equal to figures read afresh: a programme chosen on the dashboard reads the same pieces, composed anew.
      const truth = await s.t.database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM projects`);
      expect(after.national!.counts.projects).toBe(truth.rows[0]!.n);
    } finally {
      spy.restore();
    }
  });

  it('reads a written pairing’s figures by a plan kept after five runs, whichever pairing', async () => {
    const c = await s.as(s.f.users.national);
    expect((await c.get('/api/dashboard')).statusCode).toBe(200);
    const spy = spyPieceReads(s.t.database.db);
    try {
      const made = await c.post(
        '/api/projects',
        newProject(s.f.pairings.jilinZhejiang, { title: '又一项目', investor: '某公司' }),
      );
      expect(made.statusCode, made.body).toBe(201);
      expect((await c.get('/api/dashboard')).statusCode).toBe(200);
    } finally {
      spy.restore();
    }
    expect(spy.reads).toEqual([[s.f.pairings.jilinZhejiang]]);
    const { text, values } = spy.sent[0]!;
    // As after each write, one pairing at a time, on one connection (rolled back), over rollups of the mix's size per
    // pairing: PostgreSQL plans a named statement's first five runs for their values, then keeps one plan if it costs
    // no more than theirs. Given the pairing as a value, one pairing's plan was priced below the plan for any, and
    // every read was planned afresh.
    const pairings = Object.values(s.f.pairings);
    const client = await s.t.database.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`INSERT INTO project_rollups (dim, pairing_id, is_demo, key, furthest_stage, projects)
        SELECT 'industry', p.id, false, 'k' || g, 'planning', 1 FROM pairings p, generate_series(1, 500) g`);
      await client.query('ANALYZE project_rollups');
      for (let i = 0; i < 10; i++) {
        const asked = `{${pairings[i % pairings.length]}}`;
        await client.query({ name: 'stats_pieces', text, values: values.map(() => asked) });
      }
      const { rows } = await client.query(
        `SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE name = 'stats_pieces'`,
      );
      expect(rows).toEqual([{ generic_plans: '5', custom_plans: '5' }]);
    } finally {
      await client.query('ROLLBACK');
      // Dropped, not given back: its named statement goes with it.
      client.release(true);
    }
  });

  it('after writes to one pairing at a time, the national figures of every grouping equal the figures summed afresh', async () => {
    const { jilinZhejiang: jz, liaoningJiangsu: lj } = s.f.pairings;
    const national = await s.as(s.f.users.national);
    const jilin = await s.as(s.f.users.jilin);
    const liaoning = await s.as(s.f.users.liaoning);
    const groupings = ['pairing', 'side', 'industry', 'year'] as const;
    // Composed afresh: a transaction's handle keeps no piece and no running sums (kernel/cached-per-pairing.ts).
    const fresh = () =>
      s.t.database.db.transaction(async (tx) => {
        const ctx = { ...systemContext(s.t.deps), db: tx as unknown as Db };
        const stats: Record<string, unknown> = {};
        for (const groupBy of groupings) stats[groupBy] = await projectFigures(ctx, { groupBy });
        return JSON.parse(JSON.stringify({ dashboard: presentDashboard(await dashboard(ctx)), ...stats }));
      });
    const served = async () => {
      const out: Record<string, unknown> = { dashboard: (await national.get('/api/dashboard')).json() };
      for (const groupBy of groupings)
        out[groupBy] = (await national.get(`/api/projects/stats?groupBy=${groupBy}`)).json();
      return out;
    };
    // Kept first, so each write below is summed into figures already kept (taken out and put in again).
    expect(await served()).toEqual(await fresh());
    const made = await liaoning.post(
      '/api/projects',
      newProject(lj, {
        title: '大连船舶配套项目',
        investor: '苏州庚公司',
        hostRegionCode: '210200',
        investorRegionCode: '320500',
      }),
    );
    expect(made.statusCode, made.body).toBe(201);
    let project = made.json() as { id: string; version: number; landmark: boolean };
    const writes = [
      () =>
        liaoning.post(`/api/projects/${project.id}/moves`, {
          to: 'signed',
          on: '2025-03-01',
        }),
      () =>
        liaoning.post(`/api/projects/${project.id}/figures`, {
          version: project.version,
          figure: 'signed',
          period: { year: 2025, month: 3 },
          amount: '12345.678',
        }),
      () =>
        liaoning.post(`/api/projects/${project.id}/figures`, {
          version: project.version,
          figure: 'arrived',
          period: { year: 2025, month: 6 },
          amount: '2000.5',
        }),
      () => liaoning.patch(`/api/projects/${project.id}`, { version: project.version, landmark: !project.landmark }),
      () =>
        liaoning.patch(`/api/projects/${project.id}`, {
          version: project.version,
          industrySection: 'C',
          industryDivision: '36',
        }),
    ];
    for (const write of writes) {
      const res = await write();
      expect(res.statusCode, res.body).toBe(200);
      project = res.json();
      expect(await served()).toEqual(await fresh());
    }
    // Another pairing's project, and the first one's pairing read again in between.
    const other = await jilin.post(
      '/api/projects',
      newProject(jz, { title: '长春冰雪旅游项目', investor: '杭州辛公司' }),
    );
    expect(other.statusCode, other.body).toBe(201);
    expect(await served()).toEqual(await fresh());
  });
});
