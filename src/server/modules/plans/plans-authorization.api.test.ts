import { describe, it, expect, beforeAll } from 'vitest';
import { sql } from 'drizzle-orm';
import { testEngines } from '../../testing/test-engines.ts';
import { useProgrammeApp } from '../../testing/programme-fixture.ts';
import { loadSeedPlans, uploadPlan, seedPlanText, confirmBody } from './test-support/plan-api.ts';
import type { TaskSummary } from '../../../common/api/tasks.ts';

/** A user of one pairing cannot read, list, search, export or change another pairing's plans and tasks. */
describe.each(testEngines())('plans and tasks across pairings on %s', (engine) => {
  const s = useProgrammeApp(engine);
  let plans: Awaited<ReturnType<typeof loadSeedPlans>>;
  let liaoningTasks: TaskSummary[];
  beforeAll(async () => {
    plans = await loadSeedPlans(s.t);
    liaoningTasks = (
      await (await s.as(s.f.users.liaoning)).get(`/api/tasks?planId=${plans.liaoningJiangsu}&pageSize=100`)
    ).json().items;
  });

  it("reads: another pairing's plan, its ledger and its tasks answer 404", async () => {
    const c = await s.as(s.f.users.jilin);
    expect((await c.get(`/api/plans/${plans.liaoningJiangsu}`)).statusCode).toBe(404);
    expect((await c.get(`/api/plans/${plans.liaoningJiangsu}/ledger.xlsx`)).statusCode).toBe(404);
    expect((await c.get(`/api/plans/${plans.liaoningJiangsu}/source`)).statusCode).toBe(404);
    for (const t of liaoningTasks.slice(0, 5)) expect((await c.get(`/api/tasks/${t.id}`)).statusCode).toBe(404);
    expect((await c.get(`/api/plans/${plans.jilinZhejiang}`)).statusCode).toBe(200);
    // Its own plan's whole source text, in which each task's clause sits at its lines.
    const source = (await c.get(`/api/plans/${plans.jilinZhejiang}/source`)).json();
    expect(source.fileName).toBe('jilin-zhejiang.txt');
    const task = (await c.get(`/api/tasks?planId=${plans.jilinZhejiang}&pageSize=1`)).json().items[0];
    const detail = (await c.get(`/api/tasks/${task.id}`)).json();
    const clause = source.lines
      .slice(detail.sourceLine - 1, detail.sourceEndLine)
      .map((l: { text: string }) => l.text)
      .join('');
    expect(clause.replace(/\s/g, '')).toContain(detail.title.replace(/\s/g, ''));
    // A city office sees its city pairings, not the provincial pairing's plan above them.
    const cc = await s.as(s.f.users.changchun);
    expect((await cc.get(`/api/plans/${plans.jilinZhejiang}`)).statusCode).toBe(404);
  });

  it('lists, searches and filters leak no foreign plan or task', async () => {
    const c = await s.as(s.f.users.jilin);
    const listed = (await c.get('/api/plans?all=true&pageSize=100')).json();
    expect(listed.items.map((p: { id: string }) => p.id).sort()).toEqual([plans.national, plans.jilinZhejiang].sort());
    expect((await c.get('/api/plans?q=辽宁')).json().total).toBe(0);
    expect((await c.get(`/api/plans?pairingId=${s.f.pairings.liaoningJiangsu}`)).json().total).toBe(0);
    const tasks = (await c.get('/api/tasks?pageSize=500')).json();
    const foreign = new Set(liaoningTasks.map((t) => t.id));
    expect(tasks.items.filter((t: TaskSummary) => foreign.has(t.id))).toEqual([]);
    expect(
      tasks.items.every((t: TaskSummary) => t.pairingId === null || t.pairingId === s.f.pairings.jilinZhejiang),
    ).toBe(true);
    expect((await c.get(`/api/tasks?planId=${plans.liaoningJiangsu}`)).json().total).toBe(0);
    expect((await c.get(`/api/tasks?pairingId=${s.f.pairings.liaoningJiangsu}`)).json().total).toBe(0);
    expect((await c.get('/api/tasks?q=辽宁行')).json().total).toBe(0);
    expect((await c.get(`/api/tasks?organisationId=${s.f.users.liaoning.organisationId}`)).json().total).toBe(0);
  });

  it("changes: another pairing's task answers 404 and stays as it was; importing into it is refused; denials are audited", async () => {
    const c = await s.as(s.f.users.jilin);
    const target = liaoningTasks[0]!;
    const res = await c.patch(`/api/tasks/${target.id}`, { version: target.version, status: 'done' });
    expect(res.statusCode).toBe(404);
    const row = await s.t.database.db.execute<{ status: string; version: number }>(
      sql`SELECT status, version FROM tasks WHERE id = ${target.id}`,
    );
    expect(row.rows[0]).toEqual({ status: 'not_started', version: target.version });
    const preview = (await uploadPlan(s.t, c, 'ln.txt', seedPlanText('liaoningJiangsu'))).json();
    expect(preview.existing).toBeNull();
    expect(preview.diff).toBeNull();
    const imported = await c.post('/api/plans', confirmBody(preview, { pairingId: s.f.pairings.liaoningJiangsu }));
    expect(imported.statusCode).toBe(400);
    const annual = await c.post('/api/plans', {
      kind: 'annual',
      pairingId: s.f.pairings.liaoningJiangsu,
      year: 2027,
      title: 'x',
      items: [{ tracedTaskId: target.id }],
    });
    expect(annual.json().error.details[0]).toMatchObject({ field: 'pairingId', code: 'unknown_pairing' });
    const denied = await s.t.database.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'request.denied' AND actor_name = 'jilin'`,
    );
    expect(Number(denied.rows[0]!.n)).toBeGreaterThanOrEqual(1);
  });

  it('both sides of a pairing see and run the same plan', async () => {
    const zj = await s.as(s.f.users.zhejiang);
    expect((await zj.get(`/api/plans/${plans.jilinZhejiang}`)).json().taskCount).toBe(39);
    expect((await zj.get(`/api/plans/${plans.liaoningJiangsu}`)).statusCode).toBe(404);
  });
});
