import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testEngines } from '../testing/test-engines.ts';
import { useProgrammeApp } from '../testing/programme-fixture.ts';
import { TestClient } from '../testing/test-app.ts';
import { expectKeptOutsideFreshInside, keptAnswers } from '../testing/kept-answers.ts';
import { PAIRING_OWNED_TABLES, dataVersionOf } from '../db/data-version.ts';
import { openDatabase } from '../db/database.ts';
import { buildApp } from '../app.ts';
import { newProject } from '../modules/projects/test-support/project-api.ts';
import { loadSeedPlans } from '../modules/plans/test-support/plan-api.ts';
import { assignTask, createCycle, reportsOf, taskByCode } from '../modules/reporting/test-support/reporting-api.ts';
import { buildOrgUser } from '../seed/builders.ts';
import { systemContext } from './system-actor.ts';

/**
 * Whether a reader may be served what a reader alike read before it after the write (http/response-cache.ts,
 * sharedAnswer): the other side's office sees the same pairings as 吉林's, and reading after it gets the answer 吉林's
 * office read after the write — the new one, which each test checks by its content. A project's page is one answer
 * for every reader who sees its pairing (acrossScopes): the national office, reading after 吉林's, is served it too.
 */
const projectPage = /^\/api\/projects\/[0-9a-f-]{36}$/;
const readsAfterJilin = (name: string, url = '') =>
  name === 'zhejiang' || (name === 'national' && projectPage.test(url));

/**
 * A write to one pairing's projects drops the cached answers of the readers who see that pairing (its offices, the
 * offices of its parent pairing, the national office) and leaves the others' (src/server/db/data-version.ts,
 * PAIRING_OWNED_TABLES). Both halves are checked against what the database says after the write.
 */
describe.each(testEngines())('cached answers after a write to one pairing on %s', (engine) => {
  const s = useProgrammeApp(engine);
  /** Projects of 吉林市—温州市 (under 吉林省—浙江省) and of 盘锦市—无锡市 (under 辽宁省—江苏省). */
  const ids = { jilinWenzhou: '', panjinWuxi: '' };
  let jilin: TestClient;

  beforeAll(async () => {
    jilin = await s.as(s.f.users.jilin);
    const liaoning = await s.as(s.f.users.liaoning);
    const made = await jilin.post('/api/projects', newProject(s.f.pairings.jilinWenzhou, { hostRegionCode: '220200' }));
    expect(made.statusCode, made.body).toBe(201);
    ids.jilinWenzhou = made.json().id;
    const other = await liaoning.post(
      '/api/projects',
      newProject(s.f.pairings.panjinWuxi, { hostRegionCode: '211100', title: '盘锦精细化工项目' }),
    );
    expect(other.statusCode, other.body).toBe(201);
    ids.panjinWuxi = other.json().id;
  });

  /** The writes a pairing office makes on one of its projects: an edit, a money report, a stage move, a new one. */
  async function writeInJilinWenzhou(n: number) {
    const p = (await jilin.get(`/api/projects/${ids.jilinWenzhou}`)).json();
    const edited = await jilin.patch(`/api/projects/${ids.jilinWenzhou}`, {
      version: p.version,
      landmark: !p.landmark,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const reported = await jilin.post(`/api/projects/${ids.jilinWenzhou}/figures`, {
      version: edited.json().version,
      figure: 'planned',
      period: { year: 2024, month: 6 },
      amount: String(60_000 + n),
    });
    expect(reported.statusCode, reported.body).toBe(200);
    const made = await jilin.post(
      '/api/projects',
      newProject(s.f.pairings.jilinWenzhou, { hostRegionCode: '220200', title: `吉林市新材料项目${n}` }),
    );
    expect(made.statusCode, made.body).toBe(201);
    const moved = await jilin.post(`/api/projects/${made.json().id}/moves`, { to: 'signed', on: '2024-03-01' });
    expect(moved.statusCode, moved.body).toBe(200);
  }

  /**
   * Every cacheable list a signed-in user may ask without naming a record, the project views with filters, and the
   * pages of a project and a pairing of 盘锦市—无锡市 (those who cannot see it are answered 404, which is not kept).
   */
  function cachedAddresses() {
    const lists = s.t.app.registeredRoutes
      .filter((r) => r.cacheable && r.method === 'GET' && r.access !== 'public' && !r.url.includes(':'))
      .map((r) => r.url);
    expect(lists).toEqual(expect.arrayContaining(['/api/dashboard', '/api/projects', '/api/projects/stats']));
    return [
      ...lists,
      '/api/projects?pageSize=100&sort=title&order=asc',
      '/api/projects?stage=signed',
      ...['side', 'industry', 'year', 'stage'].map((g) => `/api/projects/stats?groupBy=${g}`),
      `/api/projects/${ids.panjinWuxi}`,
      `/api/pairings/${s.f.pairings.panjinWuxi}`,
    ];
  }

  it('keeps the answers of readers who cannot see the written pairing, and they are what the database says', async () => {
    const readers = { liaoning: await s.as(s.f.users.liaoning), changchun: await s.as(s.f.users.changchun) };
    const urls = cachedAddresses();
    const kept = new Map<string, string>();
    for (const [name, c] of Object.entries(readers))
      for (const url of urls) {
        const first = await c.get(url);
        if (first.statusCode !== 200) continue; // not this reader's to ask (its permission, a required filter)
        const again = await c.get(url);
        expect(again.headers['x-cache'], `${name} ${url}`).toBe('hit');
        kept.set(`${name} ${url}`, again.body);
      }
    // The project views, a project's and a pairing's page among what these readers keep.
    for (const url of ['/api/dashboard', '/api/projects', '/api/projects/stats', `/api/projects/${ids.panjinWuxi}`])
      expect(kept.has(`liaoning ${url}`), url).toBe(true);

    await writeInJilinWenzhou(1);

    for (const [name, c] of Object.entries(readers))
      for (const url of urls) {
        const key = `${name} ${url}`;
        if (!kept.has(key)) continue;
        const res = await c.get(url);
        expect(res.headers['x-cache'], `${key} after a write to another pairing`).toBe('hit');
        expect(res.body, key).toBe(kept.get(key));
      }

    // Now every pairing's rows count as changed, so the answers are read again: they show what was kept (an answer
    // that showed rows of the pairing written would differ here).
    dataVersionOf(s.t.database.db)!.bump(new Map([...PAIRING_OWNED_TABLES].map((t) => [t, null])));
    for (const [name, c] of Object.entries(readers))
      for (const url of urls) {
        const key = `${name} ${url}`;
        if (!kept.has(key)) continue;
        const res = await c.get(url);
        if (url.startsWith('/api/projects') || url === '/api/dashboard')
          expect(res.headers['x-cache'], key).toBeUndefined();
        expect(res.body, `${key} read again`).toBe(kept.get(key));
      }
  });

  it("keeps a project's page across writes to other projects of its pairing, and drops the written one's at once", async () => {
    const made = await jilin.post(
      '/api/projects',
      newProject(s.f.pairings.jilinWenzhou, { hostRegionCode: '220200', title: '吉林市冰雪装备项目' }),
    );
    expect(made.statusCode, made.body).toBe(201);
    const other = `/api/projects/${made.json().id}`;
    const written = `/api/projects/${ids.jilinWenzhou}`;
    // The writer, the other side's office and the national office: all see the pairing and both projects.
    const readers = { jilin, zhejiang: await s.as(s.f.users.zhejiang), national: await s.as(s.f.users.national) };
    const p = async () => (await jilin.get(written)).json();
    const writes: [string, () => Promise<{ statusCode: number; body: string }>][] = [
      ['edit', async () => jilin.patch(written, { version: (await p()).version, landmark: !(await p()).landmark })],
      [
        'money report',
        async () =>
          jilin.post(`${written}/figures`, {
            version: (await p()).version,
            figure: 'planned',
            period: { year: 2024, month: 5 },
            amount: '51234.5',
          }),
      ],
      ['stage move', async () => jilin.post(`${written}/moves`, { to: 'signed', on: '2024-03-01' })],
    ];
    for (const [kind, write] of writes) {
      const kept = new Map<string, string>();
      for (const [name, c] of Object.entries(readers))
        for (const url of [other, written]) {
          await c.get(url);
          const again = await c.get(url);
          expect(again.headers['x-cache'], `${name} ${url}`).toBe('hit');
          kept.set(`${name} ${url}`, again.body);
        }
      const res = await write();
      expect(res.statusCode, `${kind}: ${res.body}`).toBeLessThan(300);
      for (const [name, c] of Object.entries(readers)) {
        const still = await c.get(other);
        expect(still.headers['x-cache'], `${kind}: ${name}, the other project`).toBe('hit');
        expect(still.body, `${kind}: ${name}`).toBe(kept.get(`${name} ${other}`));
        // The writer's own next read included: never an answer from before its write.
        const fresh = await c.get(written);
        if (!readsAfterJilin(name, written))
          expect(fresh.headers['x-cache'], `${kind}: ${name}, the project written`).toBeUndefined();
        expect(fresh.json().version, `${kind}: ${name}`).toBe(JSON.parse(kept.get(`${name} ${written}`)!).version + 1);
      }
    }
    // A write to the pairing's rows that does not name them (a new project) reaches every page of the pairing.
    const kept = new Map<string, string>();
    for (const [name, c] of Object.entries(readers)) {
      await c.get(other);
      kept.set(name, (await c.get(other)).body);
    }
    const another = await jilin.post(
      '/api/projects',
      newProject(s.f.pairings.jilinWenzhou, { hostRegionCode: '220200', title: '吉林市冰雪旅游项目' }),
    );
    expect(another.statusCode, another.body).toBe(201);
    for (const [name, c] of Object.entries(readers)) {
      const res = await c.get(other);
      if (!readsAfterJilin(name, other)) expect(res.headers['x-cache'], name).toBeUndefined();
      // What was kept across the other project's writes is what the database says.
      expect(res.body, name).toBe(kept.get(name));
    }
  });

  // Several app processes share one PostgreSQL (WORKERS, several machines); PGlite's data directory is one process's.
  it.runIf(engine === 'postgres')(
    "hears another process's write: drops the answers that see its pairing, keeps the others",
    async () => {
      const url = (s.t.database.pool.options as { connectionString: string }).connectionString;
      const other = await openDatabase({ dataDir: s.t.deps.config.dataDir, databaseUrl: url });
      const app = await buildApp({ ...s.t.deps, db: other.db }, { logger: false, serveWeb: false });
      try {
        await app.ready();
        // The same signed-in office, its requests served by the other process.
        const writer = Object.assign(new TestClient(app), { cookie: jilin.cookie, csrf: jilin.csrf });
        const sees = await s.as(s.f.users.zhejiang);
        const seesNot = await s.as(s.f.users.liaoning);
        const stats = '/api/projects/stats';
        const landmarks = async (c: TestClient) => (await c.get(stats)).json().counts.landmark as number;
        for (const c of [sees, seesNot]) {
          await c.get(stats);
          expect((await c.get(stats)).headers['x-cache']).toBe('hit');
        }
        const before = await landmarks(sees);
        const kept = (await seesNot.get(stats)).body;
        const p = (await writer.get(`/api/projects/${ids.jilinWenzhou}`)).json();
        const res = await writer.patch(`/api/projects/${ids.jilinWenzhou}`, {
          version: p.version,
          landmark: !p.landmark,
        });
        expect(res.statusCode, res.body).toBe(200);
        // Heard at the other process's commit: the reader who sees the pairing gets the new figure…
        await expect.poll(() => landmarks(sees), { timeout: 5_000 }).toBe(before + (p.landmark ? -1 : 1));
        // …and the one who does not keeps the answer it had.
        const still = await seesNot.get(stats);
        expect(still.headers['x-cache']).toBe('hit');
        expect(still.body).toBe(kept);
      } finally {
        await app.close();
        await other.close();
      }
    },
  );

  it('never serves an answer from before a write to a pairing its reader sees: the pairing, its parent, the nation', async () => {
    const readers = {
      jilin,
      zhejiang: await s.as(s.f.users.zhejiang),
      national: await s.as(s.f.users.national),
    };
    const parent = `/api/projects/stats?pairingId=${s.f.pairings.jilinZhejiang}&withSubPairs=true`;
    const urls = ['/api/dashboard', '/api/projects?pageSize=100', '/api/projects/stats', parent];
    const scopeOf = { jilin: s.f.pairings.jilinZhejiang, zhejiang: s.f.pairings.jilinZhejiang, national: null };
    /** The projects and their planned investment that the reader sees, as the database has them now. */
    const truth = async (name: keyof typeof readers) => {
      const under = scopeOf[name];
      const r = await s.t.database.db.execute<{ n: number; planned: string }>(sql`
        SELECT count(*)::int AS n, coalesce(sum(planned_wan), 0)::text AS planned FROM projects
        WHERE ${
          under === null
            ? sql`true`
            : sql`pairing_id IN (WITH RECURSIVE tree AS (SELECT id FROM pairings WHERE id = ${under}
          UNION SELECT c.id FROM pairings c JOIN tree ON c.parent_id = tree.id) SELECT id FROM tree)`
        }`);
      return { n: r.rows[0]!.n, planned: Number(r.rows[0]!.planned) };
    };
    const p = async () => (await jilin.get(`/api/projects/${ids.jilinWenzhou}`)).json();
    let made = '';
    // Each kind of write on its own, so that one whose pairing is misnamed cannot hide behind another.
    const writes: [string, () => Promise<{ statusCode: number; body: string }>][] = [
      [
        'edit',
        async () =>
          jilin.patch(`/api/projects/${ids.jilinWenzhou}`, {
            version: (await p()).version,
            landmark: !(await p()).landmark,
          }),
      ],
      [
        'money report',
        async () =>
          jilin.post(`/api/projects/${ids.jilinWenzhou}/figures`, {
            version: (await p()).version,
            figure: 'planned',
            period: { year: 2024, month: 7 },
            amount: '71234.5',
          }),
      ],
      [
        'new project',
        async () => {
          const res = await jilin.post(
            '/api/projects',
            newProject(s.f.pairings.jilinWenzhou, { hostRegionCode: '220200', title: '吉林市碳纤维项目' }),
          );
          made = res.json().id;
          return res;
        },
      ],
      ['stage move', async () => jilin.post(`/api/projects/${made}/moves`, { to: 'signed', on: '2024-03-01' })],
    ];
    for (const [kind, write] of writes) {
      // The page of the project written (the writer reads its version there before each change, as the web app does).
      const page = (
        { edit: ids.jilinWenzhou, 'money report': ids.jilinWenzhou, 'stage move': made } as Record<string, string>
      )[kind];
      const asked = page ? [...urls, `/api/projects/${page}`] : urls;
      const before = new Map<string, string>();
      for (const [name, c] of Object.entries(readers))
        for (const url of asked) {
          await c.get(url);
          const again = await c.get(url);
          expect(again.headers['x-cache'], `${name} ${url}`).toBe('hit');
          before.set(`${name} ${url}`, again.body);
        }
      const res = await write();
      expect(res.statusCode, `${kind}: ${res.body}`).toBeLessThan(300);
      for (const [name, c] of Object.entries(readers)) {
        for (const url of asked) {
          const after = await c.get(url);
          if (!readsAfterJilin(name, url)) expect(after.headers['x-cache'], `${kind}: ${name} ${url}`).toBeUndefined();
          expect(after.body, `${kind}: ${name} ${url} shows the change`).not.toBe(before.get(`${name} ${url}`));
        }
        // The ledger's totals (kept apart, per scope: kernel/cached-by-version.ts) are the database's.
        const ledger = (await c.get('/api/projects?pageSize=100')).json();
        const want = await truth(name as keyof typeof readers);
        expect([ledger.total, Number(ledger.totals.planned)], `${kind}: ${name}`).toEqual([want.n, want.planned]);
      }
    }
  });
});

/**
 * A report's draft, submission, return and approval are its cycle's pairing's (reports.service.ts, writingFor): the
 * report list of a reader who cannot see that pairing stays cached and right, while the unit, the pairing's offices
 * (the reviewer among them) and the national office see each change at once.
 */
describe.each(testEngines())('cached report lists after a report write on %s', (engine) => {
  const s = useProgrammeApp(engine);
  let report = { id: '', version: 0 };
  /** A lead unit of the other side, on the same task: its list shows only its own organisation's report. */
  let otherUnit: Awaited<ReturnType<typeof buildOrgUser>>;
  let cycleId = '';

  beforeAll(async () => {
    const plans = await loadSeedPlans(s.t);
    const office = await s.as(s.f.users.jilin);
    const task = await taskByCode(s, plans.jilinZhejiang, '12');
    otherUnit = await buildOrgUser(systemContext(s.t.deps), {
      username: 'zhejiang-unit',
      regionCode: '330000',
      roles: ['lead_unit'],
      kind: 'lead_unit',
    });
    await assignTask(office, task.id, [
      { organisationId: s.f.users.jilinUnit.organisationId, side: 'a', role: 'lead' },
      { organisationId: otherUnit.organisationId, side: 'b', role: 'lead' },
    ]);
    const cycle = await createCycle(office, { pairingId: s.f.pairings.jilinZhejiang });
    cycleId = cycle.id;
    const mine = await reportsOf(await s.as(s.f.users.jilinUnit), cycle.id);
    report = { id: mine.get('12/jilin-unit 单位')!.id, version: mine.get('12/jilin-unit 单位')!.version };
  });

  it('keeps the report lists of readers outside the pairing and refreshes those who see it', async () => {
    const unit = await s.as(s.f.users.jilinUnit);
    const office = await s.as(s.f.users.jilin);
    // 长春 is a sub-pair of 吉林省—浙江省: its office does not see the parent pairing's reports; the other side's unit
    // sees the pairing, but only its own organisation's report (db/routing.ts showingOnly).
    const outside = {
      liaoning: await s.as(s.f.users.liaoning),
      changchun: await s.as(s.f.users.changchun),
      otherUnit: await s.as(otherUnit),
    };
    const inside = {
      unit,
      jilin: office,
      zhejiang: await s.as(s.f.users.zhejiang),
      national: await s.as(s.f.users.national),
    };
    const urls = ['/api/reports', '/api/reports?pageSize=100'];
    const stateOf = async (c: TestClient) =>
      (
        (await c.get('/api/reports?pageSize=100')).json().items as {
          id: string;
          state: string;
          percent: number | null;
        }[]
      ).find((r) => r.id === report.id);
    const writes: [string, string, () => Promise<{ statusCode: number; body: string }>][] = [
      ['draft', 'draft', () => unit.patch(`/api/reports/${report.id}`, { version: report.version, percent: 30 })],
      [
        'submit',
        'submitted',
        () =>
          unit.post(`/api/reports/${report.id}/submit`, {
            version: report.version,
            taskStatus: 'in_progress',
            percent: 35,
            narrative: '已对接 3 户企业。',
          }),
      ],
      [
        'return',
        'returned',
        () => office.post(`/api/reports/${report.id}/return`, { version: report.version, comment: '补充' }),
      ],
      ['resubmit', 'submitted', () => unit.post(`/api/reports/${report.id}/submit`, { version: report.version })],
      ['approve', 'approved', () => office.post(`/api/reports/${report.id}/approve`, { version: report.version })],
    ];
    for (const [kind, state, write] of writes) {
      const kept = new Map<string, string>();
      for (const [name, c] of Object.entries({ ...outside, ...inside }))
        for (const url of urls) {
          const first = await c.get(url);
          expect(first.statusCode, `${name} ${url}`).toBe(200);
          const again = await c.get(url);
          expect(again.headers['x-cache'], `${name} ${url}`).toBe('hit');
          kept.set(`${name} ${url}`, again.body);
        }
      const res = await write();
      expect(res.statusCode, `${kind}: ${res.body}`).toBe(200);
      report.version = (await unit.get(`/api/reports/${report.id}`)).json().version;
      for (const [name, c] of Object.entries(outside))
        for (const url of urls) {
          const after = await c.get(url);
          // An approval also writes the task's progress, and tasks count for every pairing: read again, the same.
          if (kind !== 'approve') expect(after.headers['x-cache'], `${kind}: ${name} ${url}`).toBe('hit');
          expect(after.body, `${kind}: ${name} ${url}`).toBe(kept.get(`${name} ${url}`));
        }
      for (const [name, c] of Object.entries(inside)) {
        for (const url of urls) {
          const after = await c.get(url);
          if (!readsAfterJilin(name, url)) expect(after.headers['x-cache'], `${kind}: ${name} ${url}`).toBeUndefined();
          expect(after.body, `${kind}: ${name} ${url} shows the change`).not.toBe(kept.get(`${name} ${url}`));
        }
        expect((await stateOf(c))?.state, `${kind}: ${name}`).toBe(state);
      }
    }
    // What the outside readers kept is what the database says: read again with every pairing's rows changed.
    const kept = new Map<string, string>();
    for (const [name, c] of Object.entries(outside)) kept.set(name, (await c.get('/api/reports?pageSize=100')).body);
    dataVersionOf(s.t.database.db)!.bump(new Map([...PAIRING_OWNED_TABLES].map((t) => [t, null])));
    for (const [name, c] of Object.entries(outside)) {
      const res = await c.get('/api/reports?pageSize=100');
      expect(res.headers['x-cache'], name).toBeUndefined();
      expect(res.body, name).toBe(kept.get(name));
    }
  });

  it("keeps other pairings' and units' report lists when a unit opens a report, and shows it to those who see it", async () => {
    const plans = await loadSeedPlans(s.t);
    const office = await s.as(s.f.users.jilin);
    // A task given to the other side's unit after the period opened: its report is made when the unit opens it.
    const task = await taskByCode(s, plans.jilinZhejiang, '13');
    await assignTask(office, task.id, [{ organisationId: otherUnit.organisationId, side: 'b', role: 'lead' }]);
    const opener = await s.as(otherUnit);
    const outside = {
      liaoning: await s.as(s.f.users.liaoning),
      changchun: await s.as(s.f.users.changchun),
      // The same pairing's other unit: its list shows only its organisation's reports.
      unit: await s.as(s.f.users.jilinUnit),
    };
    const inside = { opener, jilin: office, national: await s.as(s.f.users.national) };
    const url = '/api/reports?pageSize=100';
    const kept = await keptAnswers({ ...outside, ...inside }, url);
    const opened = await opener.post(`/api/cycles/${cycleId}/reports`, { taskId: task.id });
    expect(opened.statusCode, opened.body).toBe(200);
    const id = opened.json().id as string;
    await expectKeptOutsideFreshInside(url, kept, { outside, inside }, { id, idOf: (r) => r.id });
    // What the outside readers kept is what the database says.
    dataVersionOf(s.t.database.db)!.bump(new Map([...PAIRING_OWNED_TABLES].map((t) => [t, null])));
    for (const [name, c] of Object.entries(outside)) expect((await c.get(url)).body, name).toBe(kept.get(name));
  });
});
