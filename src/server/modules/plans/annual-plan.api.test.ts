import { describe, it, expect, beforeAll } from 'vitest';
import { sql } from 'drizzle-orm';
import { testEngines } from '../../testing/test-engines.ts';
import { useProgrammeApp } from '../../testing/programme-fixture.ts';
import { loadSeedPlans, counts } from './test-support/plan-api.ts';
import type { TaskSummary } from '../../../common/api/tasks.ts';

describe.each(testEngines())('annual work plans on %s', (engine) => {
  const s = useProgrammeApp(engine);
  let plans: Awaited<ReturnType<typeof loadSeedPlans>>;
  const code = new Map<string, TaskSummary>();
  beforeAll(async () => {
    plans = await loadSeedPlans(s.t);
    const c = await s.as(s.f.users.national);
    for (const planId of Object.values(plans)) {
      for (const t of (await c.get(`/api/tasks?planId=${planId}&pageSize=100`)).json().items as TaskSummary[])
        code.set(`${planId}:${t.code}`, t);
    }
  });
  const jz = (c: string) => code.get(`${plans.jilinZhejiang}:${c}`)!;

  it('assembles a year plan from implementation tasks, each item traced to the task it serves', async () => {
    const c = await s.as(s.f.users.jilin);
    const res = await c.post('/api/plans', {
      kind: 'annual',
      pairingId: s.f.pairings.jilinZhejiang,
      year: 2027,
      title: '吉林省与浙江省对口合作2027年工作要点',
      items: [
        {
          tracedTaskId: jz('12').id,
          deadline: '2027-12-31',
          units: [{ name: '吉林省工信厅', side: 'a', role: 'lead' }],
        },
        {
          tracedTaskId: jz('36').id,
          title: '2027年互派干部挂职',
          text: '全年互派挂职干部不少于20人。',
          deadline: '2027-09-30',
          warningDays: 15,
          units: [
            { organisationId: s.f.users.jilin.organisationId, side: 'a', role: 'lead' },
            { name: '浙江省委组织部', side: 'b', role: 'lead' },
          ],
          targets: [{ min: '20', max: null, unit: '人', comparison: 'atLeast', perYear: true }],
        },
      ],
    });
    expect(res.statusCode, res.body.slice(0, 400)).toBe(201);
    expect(res.json()).toMatchObject({ versionNo: 1, taskCount: 2 });
    const plan = (await c.get(`/api/plans/${res.json().id}`)).json();
    expect(plan).toMatchObject({
      kind: 'annual',
      year: 2027,
      parentPlanId: plans.jilinZhejiang,
      pairingId: s.f.pairings.jilinZhejiang,
      source: null,
      sections: [],
    });
    expect(plan.tasks.map((t: TaskSummary) => [t.code, t.title, t.tracedTaskId, t.deadline])).toEqual([
      ['1', jz('12').title, jz('12').id, '2027-12-31'],
      ['2', '2027年互派干部挂职', jz('36').id, '2027-09-30'],
    ]);
    const item = (await c.get(`/api/tasks/${plan.tasks[1].id}`)).json();
    expect(item.tracedTask).toMatchObject({ id: jz('36').id, code: '36', planId: plans.jilinZhejiang });
    expect(item.targets[0]).toMatchObject({ min: '20', unit: '人', perYear: true });
    expect(item.warningDays).toBe(15);
    const served = (await c.get(`/api/tasks/${jz('12').id}`)).json();
    expect(served.servedBy).toEqual([
      expect.objectContaining({ id: plan.tasks[0].id, year: 2027, planTitle: '吉林省与浙江省对口合作2027年工作要点' }),
    ]);
    expect((await c.get('/api/plans?kind=annual&year=2027')).json().total).toBe(1);
    const audit = await s.t.database.db.execute<{ action: string }>(
      sql`SELECT action FROM audit_log WHERE object_id = ${res.json().id}`,
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['plan.create_annual']);
  });

  it('refuses items traced outside the pairing, deadlines outside the year, a second plan for the year; naming each field', async () => {
    const c = await s.as(s.f.users.jilin);
    const before = await counts(s.t);
    const base = { kind: 'annual', pairingId: s.f.pairings.jilinZhejiang, year: 2028, title: '2028年工作要点' };
    const bad = await c.post('/api/plans', {
      ...base,
      items: [
        { tracedTaskId: code.get(`${plans.liaoningJiangsu}:4`)!.id },
        { tracedTaskId: code.get(`${plans.national}:（一）1`)!.id },
        { tracedTaskId: jz('1').id, deadline: '2029-01-01' },
        { tracedTaskId: jz('2').id, targets: [{ min: null, max: null, unit: '个', comparison: 'atMost' }] },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { field: string; code: string }) => `${d.field}:${d.code}`)).toEqual([
      'items.0.tracedTaskId:unknown_task',
      'items.1.tracedTaskId:unknown_task',
      'items.2.deadline:deadline_outside_year',
      'items.3.targets.0.max:target_needs_max',
    ]);
    const again = await c.post('/api/plans', { ...base, year: 2027, items: [{ tracedTaskId: jz('1').id }] });
    expect(again.json().error.details[0]).toMatchObject({ field: 'year', code: 'annual_plan_exists' });
    const noPlan = await c.post('/api/plans', {
      ...base,
      pairingId: s.f.pairings.jilinWenzhou,
      items: [{ tracedTaskId: jz('1').id }],
    });
    expect(noPlan.json().error.details[0]).toMatchObject({ field: 'pairingId', code: 'no_implementation_plan' });
    const foreign = await c.post('/api/plans', {
      ...base,
      pairingId: s.f.pairings.liaoningJiangsu,
      items: [{ tracedTaskId: jz('1').id }],
    });
    expect(foreign.json().error.details[0]).toMatchObject({ field: 'pairingId', code: 'unknown_pairing' });
    const empty = await c.post('/api/plans', { ...base, items: [] });
    expect(empty.statusCode).toBe(400);
    expect(await counts(s.t)).toEqual(before);
  });
});
