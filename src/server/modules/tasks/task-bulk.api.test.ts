import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { UnitSuggestions } from '../../../common/api/task-bulk.ts';
import type { TaskDetail } from '../../../common/api/tasks.ts';
import { useProgrammeApp } from '../../testing/programme-fixture.ts';
import type { TestClient } from '../../testing/test-app.ts';
import { testEngines } from '../../testing/test-engines.ts';
import { loadSeedPlans } from '../plans/test-support/plan-api.ts';
import type { TaskSummary } from '../../../common/api/tasks.ts';

/** Bulk work on a plan's tasks: units added to many at once, and units suggested from what the clauses name. */
describe.each(testEngines())('bulk unit assignment on %s', (engine) => {
  const s = useProgrammeApp(engine);
  let office: TestClient;
  let plans: Awaited<ReturnType<typeof loadSeedPlans>>;
  let jlCommerce = '';
  let zjCommerce = '';
  /** The plans' tasks by plan and code, read once (every sign-in counts against the sign-in limit). */
  const byCode = new Map<string, TaskSummary>();
  const taskByCode = (planId: string, code: string) => byCode.get(`${planId}/${code}`)!;

  beforeAll(async () => {
    plans = await loadSeedPlans(s.t);
    office = await s.as(s.f.users.jilin);
    const admin = await s.as(s.f.users.sysadmin);
    const org = async (name: string, regionCode: string) => {
      const res = await admin.post('/api/organisations', { name, kind: 'lead_unit', regionCode });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    jlCommerce = await org('吉林省商务厅', '220000');
    zjCommerce = await org('浙江省商务厅', '330000');
    const national = await s.as(s.f.users.national);
    for (const planId of [plans.jilinZhejiang, plans.liaoningJiangsu]) {
      const items = (await national.get(`/api/tasks?planId=${planId}&pageSize=100`)).json().items as TaskSummary[];
      for (const t of items) byCode.set(`${planId}/${t.code}`, t);
    }
  });

  it('adds a unit to several tasks at once, keeping what they had and not repeating it', async () => {
    const ids = ['1', '2', '3'].map((c) => taskByCode(plans.jilinZhejiang, c).id);
    const unit = { organisationId: jlCommerce, side: 'a', role: 'lead' };
    const res = await office.post('/api/tasks/bulk-units', { taskIds: ids, units: [unit] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ updated: 3 });
    const t1 = (await office.get(`/api/tasks/${ids[0]}`)).json() as TaskDetail;
    expect(t1.units).toEqual([
      expect.objectContaining({ organisationId: jlCommerce, name: '吉林省商务厅', role: 'lead' }),
    ]);
    // Given a unit, a task not started is judged again (no longer grey).
    expect(t1.light).not.toBe('grey');
    expect(t1.history.at(-1)).toMatchObject({ action: 'updated', changes: { units: [[], ['a:lead:吉林省商务厅']] } });

    // Again, with a second unit: the first is kept and not repeated.
    const again = await office.post('/api/tasks/bulk-units', {
      taskIds: ids,
      units: [unit, { organisationId: zjCommerce, side: 'b', role: 'co' }],
    });
    expect(again.json()).toEqual({ updated: 3 });
    expect(((await office.get(`/api/tasks/${ids[2]}`)).json() as TaskDetail).units.map((u) => u.name)).toEqual([
      '吉林省商务厅',
      '浙江省商务厅',
    ]);
    expect((await office.post('/api/tasks/bulk-units', { taskIds: ids, units: [unit] })).json()).toEqual({
      updated: 0,
    });
    const audited = await s.t.database.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'task.update' AND details->>'bulk' = 'true'`,
    );
    expect(audited.rows[0]!.n).toBe(6);
  });

  it("refuses another pairing's task by its place in the list, and changes nothing", async () => {
    const mine = taskByCode(plans.jilinZhejiang, '4');
    const theirs = taskByCode(plans.liaoningJiangsu, '1');
    const res = await office.post('/api/tasks/bulk-units', {
      taskIds: [mine.id, theirs.id],
      units: [{ organisationId: jlCommerce, side: 'a', role: 'lead' }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([expect.objectContaining({ field: 'taskIds.1', code: 'unknown_task' })]);
    expect(((await office.get(`/api/tasks/${mine.id}`)).json() as TaskDetail).units).toEqual([]);
  });

  it('suggests the organisations a clause names, in the order named, for tasks without units', async () => {
    const task = taskByCode(plans.jilinZhejiang, '5');
    await s.t.database.db.execute(
      sql`UPDATE tasks SET text = text || '由省商务厅牵头，浙江省商务厅配合。' WHERE id = ${task.id}`,
    );
    const res = await office.get(`/api/tasks/unit-suggestions?planId=${plans.jilinZhejiang}`);
    expect(res.statusCode, res.body).toBe(200);
    const items = (res.json() as UnitSuggestions).items;
    expect(items.find((i) => i.taskId === task.id)?.units).toEqual([
      { organisationId: jlCommerce, name: '吉林省商务厅', side: 'a', role: 'lead', matched: '省商务厅' },
      { organisationId: zjCommerce, name: '浙江省商务厅', side: 'b', role: 'co', matched: '浙江省商务厅' },
    ]);
    // Tasks that have units already are not proposed again.
    const assigned = taskByCode(plans.jilinZhejiang, '1');
    expect(items.map((i) => i.taskId)).not.toContain(assigned.id);
  });
});
