import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testEngines } from '../testing/test-engines.ts';
import { useProgrammeApp } from '../testing/programme-fixture.ts';
import { loadSeedPlans } from '../modules/plans/test-support/plan-api.ts';
import { assignTask, taskByCode } from '../modules/reporting/test-support/reporting-api.ts';
import { newProject } from '../modules/projects/test-support/project-api.ts';
import { buildOrgUser, buildUser } from '../seed/builders.ts';
import { dataVersionOf } from '../db/data-version.ts';
import { systemContext } from './system-actor.ts';
import { KeepPolicy, keptAnswers, SeenKeys } from './response-cache.ts';
import type { TestClient } from '../testing/test-app.ts';

describe.each(testEngines())('cached answers on %s', (engine) => {
  const s = useProgrammeApp(engine);

  it('keeps an answer while only tables it did not read are written, and drops it when one it read is', async () => {
    const plans = await loadSeedPlans(s.t);
    const jl = await s.as(s.f.users.jilin);
    const url = `/api/tasks?planId=${plans.jilinZhejiang}&pageSize=5`;
    await jl.get(url);
    expect((await jl.get(url)).headers['x-cache']).toBe('hit');
    // Projects, parks and the audit trail are not what a task list is read from.
    await s.t.database.db.execute(sql`UPDATE projects SET updated_at = updated_at WHERE false`);
    await s.t.database.db.execute(sql`UPDATE parks SET updated_at = updated_at WHERE false`);
    expect((await jl.get(url)).headers['x-cache']).toBe('hit');
    // Its tasks are.
    await s.t.database.db.execute(sql`UPDATE tasks SET updated_at = updated_at WHERE false`);
    expect((await jl.get(url)).headers['x-cache']).toBeUndefined();
    expect((await jl.get(url)).headers['x-cache']).toBe('hit');
    // Sessions are not: another user signing in and out leaves it (the answer shows no session's row).
    const zj = await s.as(s.f.users.zhejiang);
    expect((await zj.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await jl.get(url)).headers['x-cache']).toBe('hit');
    // The user's pairing scope is: a change to the pairings drops it.
    await s.t.database.db.execute(sql`UPDATE pairings SET updated_at = updated_at WHERE false`);
    expect((await jl.get(url)).headers['x-cache']).toBeUndefined();
    // A statement whose tables cannot be told counts as changing everything.
    expect((await jl.get(url)).headers['x-cache']).toBe('hit');
    await s.t.database.db.execute(sql`CREATE TEMP TABLE IF NOT EXISTS cache_probe (n int)`);
    expect((await jl.get(url)).headers['x-cache']).toBeUndefined();
  });

  it('serves a read again until anything is written, per user, and never across pairings', async () => {
    const plans = await loadSeedPlans(s.t);
    const jl = await s.as(s.f.users.jilin);
    const url = `/api/tasks?planId=${plans.jilinZhejiang}&pageSize=5`;
    // The same user's answer from the test before would still stand (signing in again changes none of its tables).
    await s.t.database.db.execute(sql`UPDATE tasks SET updated_at = updated_at WHERE false`);
    const first = await jl.get(url);
    expect(first.headers['x-cache']).toBeUndefined();
    const again = await jl.get(url);
    expect(again.headers['x-cache']).toBe('hit');
    expect(again.body).toBe(first.body);
    expect(Number(again.headers['content-length'])).toBe(Buffer.byteLength(first.body));
    expect(again.headers['content-type']).toMatch(/^application\/json/);

    // A change through the API is seen at once.
    const task = first.json().items[0];
    expect((await jl.patch(`/api/tasks/${task.id}`, { version: task.version, status: 'in_progress' })).statusCode).toBe(
      200,
    );
    const after = await jl.get(url);
    expect(after.headers['x-cache']).toBeUndefined();
    expect(after.json().items[0].status).toBe('in_progress');

    // …and so is a change made behind the API's back (another tool, another process's commit).
    await jl.get(url);
    await s.t.database.db.execute(sql`UPDATE tasks SET status = 'delayed' WHERE id = ${task.id}`);
    expect((await jl.get(url)).json().items[0].status).toBe('delayed');

    // Another user asking the same address gets their own answer: another pairing's plan is not theirs to see.
    const ln = await s.as(s.f.users.liaoning);
    const foreign = await ln.get(url);
    expect(foreign.headers['x-cache']).toBeUndefined();
    expect(foreign.json().total).toBe(0);
    expect((await ln.get(`/api/plans/${plans.jilinZhejiang}`)).statusCode).toBe(404);
    expect((await jl.get(`/api/plans/${plans.jilinZhejiang}`)).statusCode).toBe(200);
    expect((await ln.get(`/api/plans/${plans.jilinZhejiang}`)).statusCode).toBe(404);

    // Requests that miss together share one computation: one answers, the others are served its answer.
    await s.t.database.db.execute(sql`UPDATE tasks SET status = 'not_started' WHERE id = ${task.id}`);
    const together = await Promise.all(Array.from({ length: 6 }, () => jl.get(url)));
    expect(together.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(together.filter((r) => r.headers['x-cache'] !== 'hit')).toHaveLength(1);
    expect(new Set(together.map((r) => r.body)).size).toBe(1);
    expect(together[0]!.json().items[0].status).toBe('not_started');

    // The cache is looked up before the query's schema, yet after the session's pending step: a password to replace
    // refuses the cached address too.
    expect((await jl.get(url)).headers['x-cache']).toBe('hit');
    await s.t.database.db.execute(
      sql`UPDATE users SET must_change_password = true WHERE id = ${s.f.users.jilin.userId}`,
    );
    expect((await jl.get(url)).json().error.code).toBe('password_change_required');
    await s.t.database.db.execute(
      sql`UPDATE users SET must_change_password = false WHERE id = ${s.f.users.jilin.userId}`,
    );
    expect((await jl.get(url)).statusCode).toBe(200);

    // Signing out ends the cached session at once: the cookie no longer reads anything.
    const cookie = jl.cookie;
    expect((await jl.post('/api/auth/logout')).statusCode).toBe(200);
    const replay = await s.t.app.inject({ method: 'GET', url, headers: { cookie } });
    expect(replay.statusCode).toBe(401);
  });

  it('shares a kept answer only between readers alike in roles, scope and what the route declares', async () => {
    const plans = await loadSeedPlans(s.t);
    const ctx = systemContext(s.t.deps);
    const office = await s.as(s.f.users.jilin);
    const task = await taskByCode(s, plans.jilinZhejiang, '12');
    await assignTask(office, task.id, [
      { organisationId: s.f.users.jilinUnit.organisationId, side: 'a', role: 'lead' },
    ]);
    // Readers alike another's: the same roles and scope, in another organisation (or, for the unit, the same one).
    const made = {
      national2: await buildOrgUser(ctx, {
        username: 'national-2',
        regionCode: '000000',
        roles: ['national_office'],
        kind: 'national_office',
      }),
      jilin2: await buildOrgUser(ctx, { username: 'jilin-2', regionCode: '220000', roles: ['pairing_office'] }),
      unit2: await buildOrgUser(ctx, {
        username: 'jilin-unit-2',
        regionCode: '220000',
        roles: ['lead_unit'],
        kind: 'lead_unit',
      }),
      unitColleague: {
        username: 'jilin-unit-colleague',
        password: s.f.users.jilin.password,
        userId: await buildUser(ctx, {
          username: 'jilin-unit-colleague',
          organisationId: s.f.users.jilinUnit.organisationId,
          roles: ['lead_unit'],
        }),
      },
      orgDept: await buildOrgUser(ctx, {
        username: 'jilin-org',
        regionCode: '220000',
        roles: ['org_dept'],
        kind: 'org_dept',
      }),
    };
    const c = {
      national: await s.as(s.f.users.national),
      national2: await s.as(made.national2),
      jilin: office,
      jilin2: await s.as(made.jilin2),
      zhejiang: await s.as(s.f.users.zhejiang),
      liaoning: await s.as(s.f.users.liaoning),
      orgDept: await s.as(made.orgDept),
      unit: await s.as(s.f.users.jilinUnit),
      unit2: await s.as(made.unit2),
      unitColleague: await s.as(made.unitColleague),
    };
    // The ledger and the figures are no role's (acrossRoles): readers of one scope share them whatever their roles.
    const noRolesViews = ['/api/projects?pageSize=7', '/api/projects/stats?groupBy=side'];
    const scopeViews = ['/api/dashboard', ...noRolesViews];
    const pairingViews = ['/api/pairings?pageSize=7', `/api/pairings/${s.f.pairings.jilinWenzhou}`];
    const taskViews = [
      `/api/tasks?planId=${plans.jilinZhejiang}&pageSize=7`,
      `/api/plans/${plans.jilinZhejiang}`,
      '/api/plans?pageSize=7',
      '/api/reports?pageSize=7',
    ];
    const version = dataVersionOf(s.t.database.db)!;
    /** `second`'s first read of `url` after `first` read it: whether it was `first`'s answer, and that it is right. */
    const sharedWith = async (first: TestClient, second: TestClient, url: string) => {
      version.bump(null);
      const a = await first.get(url);
      expect(a.statusCode, url).toBe(200);
      const b = await second.get(url);
      expect(b.statusCode, url).toBe(200);
      // A shared answer is what the second reader reads for itself: asked again with everything changed.
      version.bump(null);
      const own = await second.get(url);
      expect(own.headers['x-cache'], url).toBeUndefined();
      expect(b.body, `${url}: as kept and as read`).toBe(own.body);
      return b.headers['x-cache'] === 'hit';
    };
    const cases: [string, TestClient, TestClient, string[], boolean][] = [
      ['two national-office users', c.national, c.national2, [...scopeViews, ...pairingViews, ...taskViews], true],
      ['two offices of the same region', c.jilin, c.jilin2, [...scopeViews, ...pairingViews, ...taskViews], true],
      ['two lead units of the same region: the scope views', c.unit, c.unit2, [...scopeViews, ...pairingViews], true],
      ['two lead units of the same region: their own tasks', c.unit, c.unit2, taskViews, false],
      ['two users of the same lead unit', c.unit, c.unitColleague, [...scopeViews, ...taskViews], true],
      [
        'an office and 组织部 of the same region (roles)',
        c.jilin,
        c.orgDept,
        ['/api/dashboard', ...pairingViews],
        false,
      ],
      ['an office and 组织部 of the same region: ledger and figures', c.jilin, c.orgDept, noRolesViews, true],
      ['a lead unit and an office of the same region: ledger and figures', c.unit, c.jilin, noRolesViews, true],
      // Both sides' offices see the same pairings (each other's): alike, whatever their regions.
      ['the two sides of a pairing', c.jilin, c.zhejiang, [...scopeViews, ...pairingViews, ...taskViews], true],
      ['offices of two pairings (scope)', c.jilin, c.liaoning, [...scopeViews, '/api/pairings?pageSize=7'], false],
      ['the national office and an office (scope, roles)', c.national, c.jilin, [...scopeViews, ...taskViews], false],
      ['offices of the same region asking for their own tasks', c.jilin, c.jilin2, ['/api/tasks?mine=true'], false],
      // A route that does not declare its answer shared keeps one per user.
      ['two national-office users, a route not shared', c.national, c.national2, ['/api/meetings'], false],
    ];
    for (const [name, first, second, urls, shares] of cases)
      for (const url of urls) expect(await sharedWith(first, second, url), `${name}: ${url}`).toBe(shares);
    // The two lead units' task lists differ: sharing them would have shown one unit the other's tasks.
    const ofUnit = (await c.unit.get(taskViews[0]!)).json().items.map((t: { code: string }) => t.code);
    expect(ofUnit).toContain('12');
    expect((await c.unit2.get(taskViews[0]!)).json().items).toEqual([]);
  });

  it("shares a project's page with every reader whose scope holds its pairing, and with no one else", async () => {
    const jilin = await s.as(s.f.users.jilin);
    const created = await jilin.post('/api/projects', newProject(s.f.pairings.jilinZhejiang, { note: '共享页' }));
    expect(created.statusCode, created.body).toBe(201);
    const url = `/api/projects/${created.json().id}`;
    const c = {
      national: await s.as(s.f.users.national),
      jilin,
      zhejiang: await s.as(s.f.users.zhejiang),
      unit: await s.as(s.f.users.jilinUnit),
      liaoning: await s.as(s.f.users.liaoning),
      changchun: await s.as(s.f.users.changchun),
    };
    const version = dataVersionOf(s.t.database.db)!;
    // The national office (every pairing) reads first; offices of both sides and a lead unit (other roles, other
    // scopes holding the pairing) are served its answer, which is what each reads for itself.
    version.bump(null);
    expect((await c.national.get(url)).headers['x-cache']).toBeUndefined();
    for (const [name, reader] of [
      ['jilin', c.jilin],
      ['zhejiang', c.zhejiang],
      ['unit', c.unit],
    ] as const) {
      const shared = await reader.get(url);
      expect(shared.headers['x-cache'], name).toBe('hit');
      version.bump(null);
      const own = await reader.get(url);
      expect(own.headers['x-cache'], name).toBeUndefined();
      expect(shared.body, name).toBe(own.body);
      expect((await c.national.get(url)).headers['x-cache'], `national after ${name}`).toBe('hit');
    }
    // Scopes without the pairing (another province's office, a city's) still get 404, the kept answer stays.
    for (const [name, outsider] of [
      ['liaoning', c.liaoning],
      ['changchun', c.changchun],
    ] as const) {
      const refused = await outsider.get(url);
      expect(refused.statusCode, name).toBe(404);
      expect(refused.headers['x-cache'], name).toBeUndefined();
    }
    expect((await c.jilin.get(url)).headers['x-cache']).toBe('hit');
    // Nor is an outsider handed the answer of a reader asking at the same moment.
    version.bump(null);
    const together = await Promise.all([c.zhejiang.get(url), c.liaoning.get(url), c.national.get(url)]);
    expect(together.map((r) => r.statusCode)).toEqual([200, 404, 200]);
    // A write to the project is seen by every sharer at once.
    const v = (await c.jilin.get(url)).json().version;
    expect((await c.jilin.patch(url, { version: v, landmark: true })).statusCode).toBe(200);
    const after = await c.zhejiang.get(url);
    expect(after.headers['x-cache']).toBeUndefined();
    expect(after.json().landmark).toBe(true);
    expect((await c.national.get(url)).headers['x-cache']).toBe('hit');
  });
});

describe.each(testEngines())('which answers are kept on %s', (engine) => {
  // An app of its own: a route's earlier requests in the other tests would count among its repeats.
  const s = useProgrammeApp(engine);

  it("keeps a route's misses while its addresses come back; once they do not, an address only when asked again", async () => {
    const plans = await loadSeedPlans(s.t);
    const jl = await s.as(s.f.users.jilin);
    const list = `/api/tasks?planId=${plans.jilinZhejiang}`;
    const before = keptAnswers(s.t.app);
    // Addresses asked once each (as on the cooperation lists): past the route's first requests, none is kept.
    const once = Array.from({ length: 160 }, (_, i) => `${list}&pageSize=5&page=${i + 1}`);
    for (const url of once) expect((await jl.get(url)).statusCode).toBe(200);
    const after = keptAnswers(s.t.app);
    expect(after.entries - before.entries).toBeLessThanOrEqual(64);
    expect(after.bytes).toBe(after.summed);

    // An answer not kept goes out as a kept one would: compressed, the same bytes as its hit's later.
    const page = `${list}&pageSize=45`;
    const first = await jl.get(page, { 'accept-encoding': 'gzip, deflate, br' });
    expect(first.headers['x-cache']).toBeUndefined();
    expect(first.headers['content-encoding']).toBe('br');
    expect(first.headers.vary).toMatch(/accept-encoding/i);
    expect(Number(first.headers['content-length'])).toBe(first.rawPayload.length);
    const plain = await jl.get(page);
    expect(plain.headers['x-cache']).toBeUndefined();
    expect(plain.rawPayload.length).toBeGreaterThan(1024);
    expect(zlib.brotliDecompressSync(first.rawPayload).equals(plain.rawPayload)).toBe(true);
    const hit = await jl.get(page, { 'accept-encoding': 'gzip, deflate, br' });
    expect(hit.headers['x-cache']).toBe('hit');
    expect(hit.rawPayload.equals(first.rawPayload)).toBe(true);
    expect(hit.headers.vary).toBe(first.headers.vary);

    // Requests that miss together still share one answer, and an address asked by several at once is kept.
    const together = await Promise.all(Array.from({ length: 6 }, () => jl.get(`${list}&pageSize=46`)));
    expect(together.filter((r) => r.headers['x-cache'] !== 'hit')).toHaveLength(1);
    expect(new Set(together.map((r) => r.body)).size).toBe(1);
    expect((await jl.get(`${list}&pageSize=46`)).headers['x-cache']).toBe('hit');

    // The addresses asked once, asked a second time, were not kept: each misses, is kept now, and is a hit next.
    const kept = keptAnswers(s.t.app).entries;
    for (const url of once.slice(-40)) expect((await jl.get(url)).headers['x-cache'], url).toBeUndefined();
    expect(keptAnswers(s.t.app).entries).toBe(kept + 40);
    for (const url of once.slice(-40)) expect((await jl.get(url)).headers['x-cache'], url).toBe('hit');

    // Its addresses coming back again, the route keeps a miss at once once more.
    expect((await jl.get(`${list}&pageSize=47`)).headers['x-cache']).toBeUndefined();
    expect((await jl.get(`${list}&pageSize=47`)).headers['x-cache']).toBe('hit');
    const end = keptAnswers(s.t.app);
    expect(end.bytes).toBe(end.summed);
  });
});

describe('which misses are kept', () => {
  it('every one of a route while its addresses come back, else only a key missed before in the window', () => {
    const policy = new KeepPolicy();
    // A route's first requests keep their misses, whatever they are.
    for (let i = 0; i < 64; i++) expect(policy.missed('/once', `once ${i}`)).toBe(true);
    // Then, with no address asked twice, a new address is not kept, and kept when it is missed again.
    for (let i = 64; i < 200; i++) expect(policy.missed('/once', `once ${i}`)).toBe(false);
    expect(policy.missed('/once', 'once 150')).toBe(true);
    // A route where one request in 16 or more asks an address again keeps every miss.
    for (let i = 0; i < 300; i++) {
      if (i % 8 === 7) policy.served('/again');
      else expect(policy.missed('/again', `again ${i}`)).toBe(true);
    }
    // One where fewer do keeps only addresses missed before.
    for (let i = 0; i < 600; i++) {
      if (i % 64 === 63) policy.served('/again');
      else policy.missed('/again', `later ${i}`);
    }
    expect(policy.missed('/again', 'new')).toBe(false);
    expect(policy.missed('/again', 'new')).toBe(true);
  });

  it('remembers a key for at least 65,536 other misses, and forgets it after 131,072', () => {
    const seen = new SeenKeys();
    expect(seen.missed('the key')).toBe(false);
    expect(seen.missed('the key')).toBe(true);
    let before = 0;
    for (let i = 0; i < 65_536; i++) if (seen.missed(`other ${i}`)) before++;
    expect(before).toBeLessThan(65_536 * 0.01);
    expect(seen.missed('the key')).toBe(true);
    // Found in the older generation, it was marked again: forgotten only two generations after that.
    for (let i = 0; i < 2 * 65_536 + 1; i++) seen.missed(`later ${i}`);
    expect(seen.missed('the key')).toBe(false);
  });
});
