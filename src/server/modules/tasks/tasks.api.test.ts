import { describe, it, expect, beforeAll } from 'vitest';
import { sql } from 'drizzle-orm';
import { testEngines } from '../../testing/test-engines.ts';
import { useProgrammeApp } from '../../testing/programme-fixture.ts';
import { countStatements } from '../../testing/statement-counter.ts';
import { loadSeedPlans } from '../plans/test-support/plan-api.ts';
import { taskLight } from './task-light.ts';
import { TASK_LIGHTS, type TaskSummary } from '../../../common/api/tasks.ts';
import { TASK_STATUSES } from '../../../common/api/enums.ts';
import { chinaToday } from '../../kernel/dates.ts';

const addDays = (date: string, n: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe.each(testEngines())('tasks on %s', (engine) => {
  const s = useProgrammeApp(engine);
  let plans: Awaited<ReturnType<typeof loadSeedPlans>>;
  beforeAll(async () => {
    plans = await loadSeedPlans(s.t);
  });
  const taskByCode = async (planId: string, code: string) => {
    const c = await s.as(s.f.users.national);
    return ((await c.get(`/api/tasks?planId=${planId}&pageSize=100`)).json().items as TaskSummary[]).find(
      (t) => t.code === code,
    )!;
  };

  it('first start imports 18 + 39 + 24 tasks, and a pairing office lists its own and the national plan', async () => {
    const n = await s.as(s.f.users.national);
    const all = (await n.get('/api/plans')).json();
    expect(all.items.map((p: { taskCount: number }) => p.taskCount)).toEqual([18, 39, 24]);
    const jl = await s.as(s.f.users.jilin);
    const mine = (await jl.get('/api/plans'))
      .json()
      .items.map((p: { title: string; taskCount: number }) => [p.title, p.taskCount]);
    expect(mine).toEqual([
      ['东北地区与东部地区部分省市对口合作工作方案', 18],
      ['吉林省与浙江省对口合作实施方案', 39],
    ]);
    expect((await jl.get('/api/tasks?pageSize=100')).json().total).toBe(57);
    expect((await jl.get(`/api/tasks?pairingId=${s.f.pairings.jilinZhejiang}&pageSize=1`)).json()).toMatchObject({
      total: 39,
      page: 1,
      pageSize: 1,
    });
    const plan = (await jl.get(`/api/plans/${plans.jilinZhejiang}`)).json();
    const institutions = plan.sections
      .flatMap((x: { children: { id: string; title: string }[] }) => x.children)
      .find((x: { title: string }) => x.title === '体制机制创新');
    const inSection = (await jl.get(`/api/tasks?sectionId=${institutions.id}&pageSize=100`)).json();
    expect(inSection.items.map((t: TaskSummary) => t.code)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '10',
    ]);
    expect(
      inSection.items.every(
        // Not started and given to no unit yet: grey, not judged (not green as if on track).
        (t: TaskSummary) => t.sectionTitle === '体制机制创新' && t.light === 'grey' && t.status === 'not_started',
      ),
    ).toBe(true);
    const desc = (await jl.get(`/api/tasks?sectionId=${institutions.id}&order=desc&pageSize=3&page=2`)).json();
    expect(desc.items.map((t: TaskSummary) => t.code)).toEqual(['7', '6', '5']);
  });

  it('updates status, deadline, units, milestones and targets against the version, with history and audit', async () => {
    const c = await s.as(s.f.users.jilin);
    const t = await taskByCode(plans.jilinZhejiang, '12');
    const ok = await c.patch(`/api/tasks/${t.id}`, {
      version: t.version,
      status: 'in_progress',
      deadline: '2031-06-30',
      warningDays: 45,
      progressNote: '已完成前期对接',
      units: [
        { organisationId: s.f.users.jilin.organisationId, side: 'a', role: 'lead' },
        { name: '浙江省经信厅', side: 'b', role: 'lead' },
        { name: '吉林省工信厅', side: 'a', role: 'co' },
      ],
      milestones: [
        { title: '签订合作协议', dueOn: '2030-03-31', doneOn: '2030-03-20' },
        { title: '首批项目落地', dueOn: '2031-03-31' },
      ],
      targets: [
        { min: 10, max: 20, unit: '户', comparison: 'range', perYear: false },
        { min: '1000.5', max: null, unit: '万元', comparison: 'atLeast' },
      ],
    });
    expect(ok.statusCode, ok.body.slice(0, 400)).toBe(200);
    const d = ok.json();
    expect(d).toMatchObject({
      status: 'in_progress',
      deadline: '2031-06-30',
      warningDays: 45,
      progressNote: '已完成前期对接',
      version: t.version + 1,
      light: 'green',
    });
    expect(d.units.map((u: { name: string; side: string; role: string }) => `${u.side}${u.role}${u.name}`)).toEqual([
      'aleadjilin 单位',
      'blead浙江省经信厅',
      'aco吉林省工信厅',
    ]);
    expect(d.targets.map((g: { min: string; max: string | null }) => [g.min, g.max])).toEqual([
      ['10', '20'],
      ['1000.5', null],
    ]);
    expect(d.milestones.map((m: { doneOn: string | null }) => m.doneOn)).toEqual(['2030-03-20', null]);
    expect(d.history.at(-1)).toMatchObject({ action: 'updated', actorName: 'jilin' });
    expect(d.history.at(-1).changes.status).toEqual(['not_started', 'in_progress']);

    const stale = await c.patch(`/api/tasks/${t.id}`, { version: t.version, status: 'done' });
    expect(stale.statusCode).toBe(409);
    const audit = await s.t.database.db.execute<{ action: string }>(
      sql`SELECT action FROM audit_log WHERE object_id = ${t.id}`,
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['task.update']);

    // Filters by unit, side, status; "my unit's tasks" are those its organisation is assigned to.
    expect((await c.get('/api/tasks?unit=经信厅')).json().items.map((x: TaskSummary) => x.id)).toEqual([t.id]);
    expect((await c.get(`/api/tasks?side=b&pairingId=${s.f.pairings.jilinZhejiang}`)).json().total).toBe(1);
    expect((await c.get('/api/tasks?status=in_progress')).json().total).toBe(1);
    expect((await c.get('/api/tasks?mine=true')).json().items.map((x: TaskSummary) => x.id)).toEqual([t.id]);
    expect((await c.get(`/api/tasks?organisationId=${s.f.users.jilin.organisationId}`)).json().total).toBe(1);
  });

  it('refuses bad input naming the field, and changes nothing', async () => {
    const c = await s.as(s.f.users.jilin);
    const t = await taskByCode(plans.jilinZhejiang, '13');
    const cases: [unknown, string, string][] = [
      [{ version: t.version, status: 'finished' }, 'status', 'invalid_value'],
      [{ version: t.version, deadline: '2030-02-30' }, 'deadline', 'invalid_date'],
      [
        { version: t.version, targets: [{ min: '1e5', max: null, unit: '个', comparison: 'atLeast' }] },
        'targets.0.min',
        'invalid_decimal',
      ],
      [
        { version: t.version, targets: [{ min: null, max: null, unit: '个', comparison: 'atLeast' }] },
        'targets.0.min',
        'target_needs_min',
      ],
      [
        { version: t.version, units: [{ organisationId: s.f.users.liaoning.organisationId, side: 'a', role: 'lead' }] },
        'units.0.organisationId',
        'unknown_organisation',
      ],
      [{ version: t.version, units: [{ side: 'a', role: 'lead' }] }, 'units.0.name', 'unit_name_required'],
      [{ version: t.version, colour: 'red' }, 'colour', 'unknown_field'],
    ];
    for (const [body, field, code] of cases) {
      const res = await c.patch(`/api/tasks/${t.id}`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.details, JSON.stringify(res.json().error.details)).toEqual(
        expect.arrayContaining([expect.objectContaining({ field, code })]),
      );
    }
    expect((await c.get(`/api/tasks/${t.id}`)).json().version).toBe(t.version);
    // The national plan's tasks are the national office's to change.
    const national = await taskByCode(plans.national, '（一）1');
    expect((await c.get(`/api/tasks/${national.id}`)).statusCode).toBe(200);
    expect(
      (await c.patch(`/api/tasks/${national.id}`, { version: national.version, status: 'in_progress' })).statusCode,
    ).toBe(403);
    const n = await s.as(s.f.users.national);
    expect(
      (await n.patch(`/api/tasks/${national.id}`, { version: national.version, status: 'in_progress' })).statusCode,
    ).toBe(200);
  });

  it('computes the light on the server: red overdue, yellow due soon without progress, and the SQL rule agrees with taskLight()', async () => {
    const today = chinaToday();
    const statuses = ['not_started', 'in_progress', 'done', 'delayed', 'suspended'];
    const offsets = [-30, -1, 0, 1, 3, 29, 30, 31, 200, null];
    await s.t.database.db.execute(sql`
      UPDATE tasks SET
        status = (${sql.param(statuses)}::text[])[1 + (no % 5)],
        deadline = CASE WHEN (${sql.param(offsets)}::int[])[1 + (no % 10)] IS NULL THEN NULL ELSE ${today}::date + (${sql.param(offsets)}::int[])[1 + (no % 10)] END,
        warning_days = CASE WHEN no % 3 = 0 THEN 3 ELSE 30 END
      WHERE plan_id = ${plans.liaoningJiangsu}`);
    // Half the tasks have a unit (by name), so unassigned ones (grey when not started) are among them too.
    await s.t.database.db.execute(sql`
      INSERT INTO task_units (task_id, name, side, role)
      SELECT id, '省发展改革委', 'a', 'lead' FROM tasks WHERE plan_id = ${plans.liaoningJiangsu} AND no % 4 < 2`);
    const c = await s.as(s.f.users.liaoning);
    const items = (await c.get(`/api/tasks?planId=${plans.liaoningJiangsu}&pageSize=100`)).json()
      .items as TaskSummary[];
    expect(items).toHaveLength(24);
    for (const t of items) expect(t.light, JSON.stringify(t)).toBe(taskLight(t, today));
    const lights = new Set(items.map((t) => t.light));
    expect([...lights].sort()).toEqual(['green', 'grey', 'red', 'yellow']);
    const expected = Object.fromEntries(
      ['green', 'yellow', 'red', 'grey'].map((l) => [l, items.filter((t) => t.light === l).length]),
    );
    for (const light of lights) {
      const filtered = (await c.get(`/api/tasks?planId=${plans.liaoningJiangsu}&light=${light}&pageSize=5`)).json();
      expect(filtered.total).toBe(expected[light]);
      // The counts per light ignore the light filter itself, so a legend can show them all.
      expect(filtered.lights).toEqual(expected);
    }
    // …and follow the other filters.
    const suspended = (await c.get(`/api/tasks?planId=${plans.liaoningJiangsu}&status=suspended&pageSize=5`)).json();
    expect(suspended.lights).toEqual({
      green: 0,
      yellow: 0,
      red: 0,
      grey: items.filter((t) => t.status === 'suspended').length,
    });
    const plan = (await c.get(`/api/plans/${plans.liaoningJiangsu}`)).json();
    expect(plan.lights.red).toBe(items.filter((t) => t.light === 'red').length);
    const overdue = items.find((t) => t.status === 'in_progress' && t.deadline === addDays(today, -1));
    if (overdue) expect(overdue.light).toBe('red');
    const byDeadline = (await c.get(`/api/tasks?planId=${plans.liaoningJiangsu}&sort=deadline&pageSize=100`)).json()
      .items as TaskSummary[];
    const dated = byDeadline.filter((t) => t.deadline).map((t) => t.deadline!);
    expect(dated).toEqual([...dated].sort());
    expect(byDeadline.at(-1)!.deadline).toBeNull();
  });

  it('counts the lights once per filter across its pages and sorts, and follows a task change at once', async () => {
    const db = s.t.database.db;
    const statements = countStatements(db, /from "tasks".*group by 1/is);
    try {
      const c = await s.as(s.f.users.liaoning);
      const url = (q: string) => `/api/tasks?planId=${plans.liaoningJiangsu}&pageSize=5${q}`;
      const first = (await c.get(url('&page=1'))).json();
      const before = statements.count;
      const second = (await c.get(url('&page=2&sort=deadline'))).json();
      expect(statements.count).toBe(before);
      expect({ lights: second.lights, total: second.total }).toEqual({ lights: first.lights, total: first.total });
      const task = (first.items as TaskSummary[]).find((t) => t.light !== 'green')!;
      await db.execute(sql`UPDATE tasks SET status = 'done' WHERE id = ${task.id}`);
      const after = (await c.get(url('&page=3'))).json();
      expect(statements.count).toBe(before + 1);
      expect(after.lights).toEqual({
        ...first.lights,
        green: first.lights.green + 1,
        [task.light]: first.lights[task.light] - 1,
      });
    } finally {
      statements.restore();
    }
  });

  it('plans a page and its light counts once for every plan, reader and page, not afresh on every run', async () => {
    // The two statements as the app sends them for a pairing office's page of a plan, and their values.
    const sent: Record<'page' | 'lights', { text: string; values: unknown[] } | undefined> = {
      page: undefined,
      lights: undefined,
    };
    const db = s.t.database.db;
    // The counts are kept per filter until a task changes: counted again for this request.
    await db.execute(sql`UPDATE tasks SET version = version WHERE plan_id = ${plans.liaoningJiangsu}`);
    const pages = countStatements(db, /^select "tasks"\."id" from/i, (text, values) => (sent.page = { text, values }));
    const counts = countStatements(
      db,
      /^select \(CASE.*group by 1$/is,
      (text, values) => (sent.lights = { text, values }),
    );
    const c = await s.as(s.f.users.liaoning);
    const res = await c.get(`/api/tasks?planId=${plans.liaoningJiangsu}&pageSize=5&page=2`);
    pages.restore();
    counts.restore();
    expect(res.statusCode, res.body).toBe(200);
    // Run by themselves on one connection (rolled back) over plans of very different sizes, as the mix's are (18 to
    // 5,000 tasks), for other plans and pages: PostgreSQL plans each named statement's first five runs for their
    // values, then keeps one plan if it costs no more than theirs. With the plan and the pairings given as values it
    // priced that plan far above the runs' own and planned every run afresh.
    const client = await s.t.database.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO tasks (plan_id, code, no, ordinal, title, text)
         SELECT $1, 'big-' || g, 1000 + g, 1000 + g, '任务' || g, '任务' || g FROM generate_series(1, 3000) g`,
        [plans.jilinZhejiang],
      );
      await client.query('ANALYZE tasks');
      // Mostly small plans, as the mix's pages are (223 of 300 of its 18-task plan), the large one now and then.
      const planIds = [plans.liaoningJiangsu, plans.national, plans.liaoningJiangsu, plans.national, plans.national];
      planIds.push(
        plans.jilinZhejiang,
        plans.national,
        plans.jilinZhejiang,
        plans.liaoningJiangsu,
        plans.jilinZhejiang,
      );
      for (const [name, statement] of Object.entries(sent)) {
        for (let i = 0; i < 10; i++)
          await client.query({
            name: `tasks_${name}`,
            text: statement!.text,
            // Another plan and, for the page, another offset (its last value).
            values: statement!.values.map((v, k, all) =>
              v === plans.liaoningJiangsu ? planIds[i] : name === 'page' && k === all.length - 1 ? 5 * (i % 4) : v,
            ),
          });
      }
      const { rows } = await client.query<{ name: string; generic_plans: string; custom_plans: string }>(
        `SELECT name, generic_plans, custom_plans FROM pg_prepared_statements WHERE name LIKE 'tasks\\_%' ORDER BY name`,
      );
      expect(rows).toEqual([
        { name: 'tasks_lights', generic_plans: '5', custom_plans: '5' },
        { name: 'tasks_page', generic_plans: '5', custom_plans: '5' },
      ]);
    } finally {
      await client.query('ROLLBACK');
      // Dropped, not given back: its named statements go with it.
      client.release(true);
    }
  });

  it.runIf(engine === 'pglite')("counts a unit's own tasks with a generic plan on PGlite", async () => {
    const db = s.t.database.db;
    const c = await s.as(s.f.users.liaoning);
    const url = `/api/tasks?planId=${plans.liaoningJiangsu}&mine=true&pageSize=5`;
    // Counted again after each change (the counts are kept until then); the app names a statement the second time,
    // on each of PGlite's two connections: four named runs put two on one of them.
    for (let i = 0; i < 5; i++) {
      expect((await c.get(url)).statusCode).toBe(200);
      await db.execute(sql`UPDATE tasks SET version = version WHERE plan_id = ${plans.liaoningJiangsu}`);
    }
    const { rows } = await s.t.database.pool.query<{ generic_plans: string; custom_plans: string }>(
      `SELECT generic_plans, custom_plans FROM pg_prepared_statements
       WHERE statement LIKE '%group by 1' AND statement LIKE '%u.organisation_id = (SELECT $%'`,
    );
    // Every such statement (a lead unit's of the tests before too): never a custom plan once named.
    expect(rows.map((r) => r.custom_plans)).toEqual(rows.map(() => '0'));
    expect(rows.some((r) => Number(r.generic_plans) >= 2)).toBe(true);
  });

  it('pages every sort both ways as the whole list orders it, each row with its own units and target count', async () => {
    const c = await s.as(s.f.users.national);
    // Units on some tasks (two on a few, in an order of their own) and targets on others, so rows differ.
    await s.t.database.db.execute(sql`
      INSERT INTO task_units (task_id, name, side, role, ordinal)
      SELECT id, '第' || no || '单位', 'b', 'co', 5 - no % 3 FROM tasks WHERE plan_id = ${plans.jilinZhejiang} AND no % 3 = 0
      UNION ALL SELECT id, '另一单位', 'a', 'lead', 9 FROM tasks WHERE plan_id = ${plans.jilinZhejiang} AND no % 6 = 0`);
    await s.t.database.db.execute(sql`
      INSERT INTO task_targets (task_id, ordinal, min, unit, comparison, source)
      SELECT id, k, k, '个', 'atLeast', '测试' FROM tasks, generate_series(0, 1) k
      WHERE plan_id = ${plans.jilinZhejiang} AND no % 4 = 1`);
    for (const sort of ['plan', 'deadline', 'status', 'updatedAt'])
      for (const order of ['asc', 'desc']) {
        const url = (q: string) => `/api/tasks?sort=${sort}&order=${order}${q}`;
        const whole = (await c.get(url('&pageSize=100'))).json();
        expect(whole.items).toHaveLength(whole.total);
        const paged: TaskSummary[] = [];
        for (let page = 1; page <= Math.ceil(whole.total / 7); page++)
          paged.push(...(await c.get(url(`&pageSize=7&page=${page}`))).json().items);
        expect(paged, `${sort} ${order}`).toEqual(whole.items);
      }
    const items = (await c.get(`/api/tasks?planId=${plans.jilinZhejiang}&pageSize=100`)).json().items as TaskSummary[];
    expect(items.filter((t) => t.units.length === 2)).not.toHaveLength(0);
    expect(items.filter((t) => t.targetCount === 2)).not.toHaveLength(0);
    for (const t of items.filter((x) => x.units.length || x.targetCount)) {
      const detail = (await c.get(`/api/tasks/${t.id}`)).json();
      expect(t.units, t.code).toEqual(detail.units);
      expect(t.targetCount, t.code).toBe(detail.targets.length);
    }
  });

  it("lets a lead unit read only its organisation's tasks, and not change them", async () => {
    const office = await s.as(s.f.users.jilin);
    const t = await taskByCode(plans.jilinZhejiang, '20');
    const other = await taskByCode(plans.jilinZhejiang, '21');
    await office.patch(`/api/tasks/${t.id}`, {
      version: t.version,
      units: [{ organisationId: s.f.users.jilinUnit.organisationId, side: 'a', role: 'co' }],
    });
    const unit = await s.as(s.f.users.jilinUnit);
    expect((await unit.get('/api/tasks?pageSize=100')).json().items.map((x: TaskSummary) => x.id)).toEqual([t.id]);
    expect((await unit.get('/api/tasks?mine=true')).json().total).toBe(1);
    expect((await unit.get(`/api/tasks/${t.id}`)).statusCode).toBe(200);
    expect((await unit.get(`/api/tasks/${other.id}`)).statusCode).toBe(404);
    const plan = (await unit.get(`/api/plans/${plans.jilinZhejiang}`)).json();
    expect(plan.taskCount).toBe(1);
    expect((await unit.patch(`/api/tasks/${t.id}`, { version: t.version + 1, status: 'done' })).statusCode).toBe(403);
  });

  it('answers each user and each filter its own tasks, though each list statement is built once per shape', async () => {
    const office = await s.as(s.f.users.jilin);
    const unit = await s.as(s.f.users.jilinUnit);
    const list = async (c: typeof office, query: string) =>
      (await c.get(`/api/tasks?pageSize=100&planId=${plans.jilinZhejiang}${query}`)).json().items as (TaskSummary & {
        units: { organisationId: string | null }[];
      })[];
    const idsOf = (items: { id: string }[]) => items.map((x) => x.id).sort();
    const all = await list(office, '');
    // The same pairings in scope and the same filters: the office sees the plan's tasks, the lead unit only those
    // its organisation was given (one, by the test above), then the office all of them again.
    const given = all.filter((t) => t.units.some((u) => u.organisationId === s.f.users.jilinUnit.organisationId));
    expect(given.length).toBeGreaterThan(0);
    expect(idsOf(await list(unit, ''))).toEqual(idsOf(given));
    expect(idsOf(await list(office, ''))).toEqual(idsOf(all));
    expect(idsOf(await list(unit, '&mine=true'))).toEqual(idsOf(given));
    // One user: a filter given with each of its values, then absent.
    const byStatus = await Promise.all(TASK_STATUSES.map((st) => list(office, `&status=${st}`)));
    for (const [k, st] of TASK_STATUSES.entries()) expect(byStatus[k]!.every((t) => t.status === st)).toBe(true);
    expect(idsOf(byStatus.flat())).toEqual(idsOf(all));
    expect(idsOf(await list(office, `&q=${encodeURIComponent(given[0]!.title)}`))).toContain(given[0]!.id);
    expect(idsOf(await list(office, ''))).toEqual(idsOf(all));
  });

  it("reads a page's rows by id with one statement for every shape, in the list's order", async () => {
    const texts = new Set<string>();
    const rowsStatements = countStatements(s.t.database.db, /where "tasks"\."id" = ANY\(/i, (text) => texts.add(text));
    try {
      const office = await s.as(s.f.users.jilin);
      const page = async (query: string) => (await office.get(`/api/tasks?${query}`)).json().items as TaskSummary[];
      const byDeadline = await page(`pageSize=10&planId=${plans.jilinZhejiang}&sort=deadline&order=desc`);
      const byStatus = await page('pageSize=10&sort=status&page=2');
      const second = await page(`pageSize=10&planId=${plans.jilinZhejiang}&page=2`);
      const whole = await page(`pageSize=100&planId=${plans.jilinZhejiang}&sort=plan`);
      expect(await page(`pageSize=10&planId=${plans.jilinZhejiang}&page=99`)).toEqual([]);
      // Four pages with rows, one text: the empty page sent none.
      expect(rowsStatements.count).toBe(4);
      expect(texts.size).toBe(1);
      const deadlines = byDeadline.map((t) => t.deadline).filter((d) => d !== null);
      expect(deadlines).toEqual([...deadlines].sort().reverse());
      expect(byStatus).toHaveLength(10);
      expect(second.map((t) => t.id)).toEqual(whole.slice(10, 20).map((t) => t.id));
    } finally {
      rowsStatements.restore();
    }
  });

  it("answers a page past the list's end from its light counts, without reading the page", async () => {
    const pages = countStatements(s.t.database.db, /^select "tasks"\."id" from "tasks"/i);
    try {
      const office = await s.as(s.f.users.jilin);
      const url = (q: string) => `/api/tasks?pageSize=10&planId=${plans.jilinZhejiang}${q}`;
      const first = (await office.get(url(''))).json();
      const lastPage = Math.ceil(first.total / 10);
      expect(lastPage).toBeGreaterThan(1);
      const last = (await office.get(url(`&page=${lastPage}`))).json();
      expect(last.items).toHaveLength(first.total - 10 * (lastPage - 1));
      expect(pages.count).toBe(2);
      const past = (await office.get(url(`&page=${lastPage + 1}&sort=deadline`))).json();
      expect(past).toEqual({ ...first, items: [], page: lastPage + 1 });
      const light = TASK_LIGHTS.find((l) => first.lights[l] > 0)!;
      const pastLight = Math.ceil(first.lights[light] / 10) + 1;
      const lit = (await office.get(url(`&light=${light}&page=${pastLight}`))).json();
      expect({ items: lit.items, total: lit.total }).toEqual({ items: [], total: first.lights[light] });
      expect(pages.count).toBe(2);
    } finally {
      pages.restore();
    }
  });

  it("answers every scope its own tasks, though a shape's statement takes the reader's scope as a value", async () => {
    const ids = async (user: keyof typeof s.f.users, query = '') =>
      ((await (await s.as(s.f.users[user])).get(`/api/tasks?pageSize=100${query}`)).json().items as TaskSummary[])
        .map((t) => t.id)
        .sort();
    // The same filters, the unlimited scope first, then two pairings' offices and a city's, and back.
    const national = await ids('national');
    const jilin = await ids('jilin');
    const liaoning = await ids('liaoning');
    const changchun = await ids('changchun');
    expect(national.length).toBe(18 + 39 + 24);
    expect(jilin.length).toBe(18 + 39);
    expect(liaoning.length).toBe(18 + 24);
    // The national plan's tasks are every pairing's; 长春 works under the national plan and sees no pairing's plan.
    expect(jilin.filter((id) => liaoning.includes(id))).toHaveLength(18);
    expect(changchun).toEqual(jilin.filter((id) => liaoning.includes(id)));
    expect(await ids('jilin')).toEqual(jilin);
    expect(await ids('national')).toEqual(national);
    const red = `&light=red&planId=${plans.jilinZhejiang}`;
    expect(await ids('liaoning', red)).toEqual([]);
    expect((await ids('national', red)).every((id) => jilin.includes(id))).toBe(true);
  });
});
