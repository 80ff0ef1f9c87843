import { describe, it, expect, beforeAll } from 'vitest';
import { sql } from 'drizzle-orm';
import { testEngines } from '../../testing/test-engines.ts';
import { useProgrammeApp } from '../../testing/programme-fixture.ts';
import { loadSeedPlans } from '../plans/test-support/plan-api.ts';
import type { PlanDetail } from '../../../common/api/plans.ts';
import { planTasks } from '../../../common/plan-tasks.ts';
import type { TaskSummary } from '../../../common/api/tasks.ts';

/*
 * The plan tree reads its tasks by a statement of its own (plan-task-summaries.repository.ts), not the task list's:
 * both must give the same summary of every task, whatever it holds.
 */
describe.each(testEngines())('plan tree task summaries on %s', (engine) => {
  const s = useProgrammeApp(engine);
  let plans: Awaited<ReturnType<typeof loadSeedPlans>>;
  beforeAll(async () => {
    plans = await loadSeedPlans(s.t);
  });

  it('are the task list’s summaries field for field: lights, units in order, targets, dates and odd text', async () => {
    const planId = plans.liaoningJiangsu;
    const db = s.t.database.db;
    await db.execute(sql`
      UPDATE tasks SET
        status = (ARRAY['not_started','in_progress','done','delayed','suspended'])[1 + no % 5],
        -- From China's date, which lights are reckoned by (kernel/dates.ts chinaToday): the database's current_date is
        -- the day before from 16:00 to 24:00 UTC, which turned the task due today red and left no yellow one.
        deadline = CASE WHEN no % 4 = 0 THEN NULL
                        ELSE (now() AT TIME ZONE 'Asia/Shanghai')::date + (no % 7 - 3) * 20 END,
        warning_days = 10 + no,
        title = CASE WHEN no = 2 THEN title || ' "引号" \\ 反斜杠 😀 ' || chr(9) ELSE title END,
        -- Microseconds past the millisecond, and one just under a second: toISOString() cuts, never rounds.
        updated_at = CASE WHEN no = 3 THEN timestamptz '2026-03-04 05:06:07.999999+00'
                          ELSE now() + no * interval '1.2345 seconds' END
      WHERE plan_id = ${planId}`);
    await db.execute(sql`
      INSERT INTO task_units (task_id, organisation_id, name, side, role, ordinal)
      SELECT id, ${s.f.users.liaoning.organisationId}::uuid, '辽宁省发展改革委', 'a', 'lead', 1
        FROM tasks WHERE plan_id = ${planId} AND no % 3 <> 0
      UNION ALL
      SELECT id, NULL::uuid, '江苏省 "商务厅"', 'b', 'co', 0 FROM tasks WHERE plan_id = ${planId} AND no % 2 = 0`);
    const c = await s.as(s.f.users.liaoning);
    const list = (await c.get(`/api/tasks?planId=${planId}&pageSize=100`)).json().items as TaskSummary[];
    const plan = (await c.get(`/api/plans/${planId}`)).json() as PlanDetail;
    const tree = planTasks(plan);
    expect(tree).toHaveLength(24);
    const byId = new Map(list.map((t) => [t.id, t]));
    for (const t of tree) expect(t).toEqual(byId.get(t.id));
    expect(new Set(tree.map((t) => t.light))).toEqual(new Set(['green', 'yellow', 'red', 'grey']));
    expect(tree.some((t) => t.units.length === 2 && t.units[0]!.role === 'co')).toBe(true);
    expect(tree.some((t) => t.targetCount > 0)).toBe(true);
    expect(tree.find((t) => t.no === 3)!.updatedAt).toBe('2026-03-04T05:06:07.999Z');
    expect(plan.lights).toEqual(
      Object.fromEntries(['green', 'yellow', 'red', 'grey'].map((l) => [l, tree.filter((t) => t.light === l).length])),
    );
  });

  it('are none for a plan without tasks the reader may see, and only their own for a lead unit', async () => {
    const unit = await s.as(s.f.users.jilinUnit);
    const plan = (await unit.get(`/api/plans/${plans.jilinZhejiang}`)).json() as PlanDetail;
    expect(plan.taskCount).toBe(0);
    expect(planTasks(plan)).toEqual([]);
  });
});
