import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testEngines } from '../testing/test-engines.ts';
import { useProgrammeApp } from '../testing/programme-fixture.ts';
import { loadSeedPlans } from '../modules/plans/test-support/plan-api.ts';

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
});
