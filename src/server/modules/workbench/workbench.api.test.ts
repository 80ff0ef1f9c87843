import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Workbench } from '../../../common/api/workbench.ts';
import { addDays, chinaToday } from '../../kernel/dates.ts';
import { useProgrammeApp } from '../../testing/programme-fixture.ts';
import type { TestClient } from '../../testing/test-app.ts';
import { testEngines } from '../../testing/test-engines.ts';
import { loadSeedPlans } from '../plans/test-support/plan-api.ts';
import { newProject } from '../projects/test-support/project-api.ts';
import { assignTask, createCycle, reportsOf, taskByCode } from '../reporting/test-support/reporting-api.ts';

/** 工作台: each role's to-dos, its pairings' lights and what the other side did, within its scope only. */
describe.each(testEngines())('workbench on %s', (engine) => {
  const s = useProgrammeApp(engine);
  let office: TestClient;
  let zjOffice: TestClient;
  let lnOffice: TestClient;
  let unit: TestClient;
  let plans: Awaited<ReturnType<typeof loadSeedPlans>>;
  const bench = async (c: TestClient) => {
    const res = await c.get('/api/workbench');
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    return res.json() as Workbench;
  };

  beforeAll(async () => {
    plans = await loadSeedPlans(s.t);
    office = await s.as(s.f.users.jilin);
    zjOffice = await s.as(s.f.users.zhejiang);
    lnOffice = await s.as(s.f.users.liaoning);
    unit = await s.as(s.f.users.jilinUnit);
    await assignTask(office, (await taskByCode(s, plans.jilinZhejiang, '12')).id, [
      { organisationId: s.f.users.jilinUnit.organisationId, side: 'a', role: 'lead' },
    ]);
  });

  it("gives a pairing office its pairings' lights, unassigned tasks and nearest deadlines, and nothing of others", async () => {
    const w = await bench(office);
    expect(w.toFill).toEqual([]);
    expect(w.toReview).toEqual([]);
    const jz = w.pairings!.find((p) => p.pairingId === s.f.pairings.jilinZhejiang)!;
    const total = Object.values(jz.lights).reduce((a, b) => a + b, 0);
    expect(total).toBe(39);
    // One task has a unit; the 38 others are still to be given one (and show grey).
    expect(jz.unassigned).toBe(38);
    expect(jz.lights.grey).toBe(38);
    expect(w.counts.unassignedTasks).toBeGreaterThanOrEqual(38);
    expect(w.pairings!.map((p) => p.pairingId)).not.toContain(s.f.pairings.liaoningJiangsu);
    expect((await bench(lnOffice)).pairings!.map((p) => p.pairingId)).not.toContain(s.f.pairings.jilinZhejiang);
  });

  it('lists the reports a unit owes, then the submitted report for the offices of both sides to review', async () => {
    const cycle = await createCycle(office, { pairingId: s.f.pairings.jilinZhejiang });
    let w = await bench(unit);
    expect(w.toFill).toEqual([expect.objectContaining({ taskCode: '12', state: 'pending', cycleId: cycle.id })]);
    // A unit reviews nothing and assigns nothing: those parts are not its own.
    expect(w.toReview).toBeNull();
    expect(w.counts).toMatchObject({ toFill: 1, toReview: 0, unassignedTasks: 0 });

    const r = (await reportsOf(unit, cycle.id)).get('12/jilin-unit 单位')!;
    const submitted = await unit.post(`/api/reports/${r.id}/submit`, {
      version: r.version,
      taskStatus: 'in_progress',
      percent: 30,
      narrative: '已对接企业 8 户',
    });
    expect(submitted.statusCode, submitted.body.slice(0, 300)).toBe(200);
    w = await bench(unit);
    expect(w.toFill).toEqual([]);
    for (const reviewer of [office, zjOffice]) {
      const rw = await bench(reviewer);
      expect(rw.toReview).toEqual([expect.objectContaining({ id: r.id, state: 'submitted', taskCode: '12' })]);
      expect(rw.counts.toReview).toBe(1);
    }
    expect((await bench(lnOffice)).toReview).toEqual([]);
  });

  it("lists the unit's tracked items due within a week or overdue, not another unit's", async () => {
    const res = await office.post('/api/meetings', {
      pairingId: s.f.pairings.jilinZhejiang,
      kind: 'joint_meeting',
      title: '工作例会',
      heldOn: '2024-05-20',
      hostSide: 'a',
      decisions: [
        {
          text: '报送园区共建进展',
          deadline: addDays(chinaToday(), 3),
          owners: [{ organisationId: s.f.users.jilinUnit.organisationId, role: 'lead' }],
        },
        {
          text: '筹备年度联席会议',
          deadline: addDays(chinaToday(), 60),
          owners: [{ organisationId: s.f.users.jilinUnit.organisationId, role: 'lead' }],
        },
      ],
    });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(201);
    const w = await bench(unit);
    expect(w.itemsDue!.map((i) => i.text)).toEqual(['报送园区共建进展']);
    expect(w.counts.itemsDue).toBe(1);
    expect((await bench(zjOffice)).itemsDue).toEqual([]);
  });

  it("shows the other side's recent task edits, not the office's own, and the user's failed imports", async () => {
    const task = await taskByCode(s, plans.jilinZhejiang, '20');
    const t = (await zjOffice.get(`/api/tasks/${task.id}`)).json();
    const edited = await zjOffice.patch(`/api/tasks/${task.id}`, { version: t.version, progressNote: '浙江已对接' });
    expect(edited.statusCode, edited.body.slice(0, 300)).toBe(200);
    const mine = await taskByCode(s, plans.jilinZhejiang, '21');
    const m = (await office.get(`/api/tasks/${mine.id}`)).json();
    expect(
      (await office.patch(`/api/tasks/${mine.id}`, { version: m.version, progressNote: '吉林已推进' })).statusCode,
    ).toBe(200);

    const jl = await bench(office);
    expect(jl.recentChanges!.map((c) => c.code)).toEqual(['20']);
    expect(jl.recentChanges![0]).toMatchObject({ taskId: task.id, fields: ['progressNote'] });
    const zj = await bench(zjOffice);
    // Newest first: jilin's note on 21, and before it the units it gave task 12.
    expect(zj.recentChanges!.map((c) => [c.code, c.fields])).toEqual([
      ['21', ['progressNote']],
      ['12', ['units']],
    ]);
    expect((await bench(lnOffice)).recentChanges).toEqual([]);

    await s.t.database.db.execute(sql`
      INSERT INTO background_jobs (id, kind, owner_user_id, status, phase, outcome)
      VALUES (gen_random_uuid(), 'project_import', ${s.f.users.jilin.userId}, 'failed', 'done',
        '{"errors": [{"row": 3}, {"row": 5}]}'::jsonb)`);
    const after = await bench(office);
    expect(after.failedImports).toEqual([expect.objectContaining({ kind: 'project_import', rowErrors: 2 })]);
    expect(after.counts.failedImports).toBe(1);
    expect((await bench(zjOffice)).failedImports).toEqual([]);
  });

  it("tells of the other side's projects, reports, meetings and tracked items, within the pairings seen", async () => {
    const created = await zjOffice.post(
      '/api/projects',
      newProject(s.f.pairings.jilinZhejiang, { title: '浙吉数字经济产业园' }),
    );
    expect(created.statusCode, created.body.slice(0, 300)).toBe(201);
    const jl = (await bench(office)).recentActivity!;
    expect(jl[0]).toMatchObject({
      action: 'project.create',
      objectType: 'project',
      objectId: created.json().id,
      title: '浙吉数字经济产业园',
      pairingName: '吉林省—浙江省',
      organisationName: expect.stringContaining('zhejiang'),
    });
    // Its own side's doings are not "recent changes by the other side": the unit's report, the office's meeting.
    expect(jl.map((a) => a.action)).not.toContain('report.submit');
    expect(jl.map((a) => a.action)).not.toContain('meeting.create');

    const zj = (await bench(zjOffice)).recentActivity!;
    expect(zj.map((a) => a.action)).not.toContain('project.create');
    // Newest first: jilin's meeting with its two decisions as tracked items, before it the unit's report.
    expect(zj.map((a) => [a.action, a.title])).toEqual([
      ['item.create', '筹备年度联席会议'],
      ['item.create', '报送园区共建进展'],
      ['meeting.create', '工作例会'],
      ['report.submit', expect.stringContaining('12 ')],
      ['cycle.create', expect.any(String)],
    ]);
    expect((await bench(lnOffice)).recentActivity).toEqual([]);
  });

  it('is for business roles only', async () => {
    expect((await (await s.as(s.f.users.sysadmin)).get('/api/workbench')).statusCode).toBe(403);
  });
});
