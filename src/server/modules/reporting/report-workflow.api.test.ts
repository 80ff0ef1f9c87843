import { describe, it, expect, beforeAll } from 'vitest';
import { sql } from 'drizzle-orm';
import { testEngines } from '../../testing/test-engines.ts';
import { useProgrammeApp } from '../../testing/programme-fixture.ts';
import type { TestClient } from '../../testing/test-app.ts';
import { loadSeedPlans } from '../plans/test-support/plan-api.ts';
import type { CycleDetail, ReportDetail } from '../../../common/api/reporting.ts';
import type { TaskDetail } from '../../../common/api/tasks.ts';
import {
  assignTask,
  auditActions,
  createCycle,
  fieldCodes,
  reportsOf,
  taskByCode,
  zhejiangUnit,
} from './test-support/reporting-api.ts';

/**
 * One quarter of 吉林—浙江 from opening to lock: slots for every assigned unit on both sides, a unit's draft and
 * submission, a return with a comment, the resubmission, approval (the task takes the progress), the period's
 * approval and lock, a refused report on the locked period, and the recorded unlock.
 */
describe.each(testEngines())('report workflow on %s', (engine) => {
  const s = useProgrammeApp(engine);
  let office: TestClient;
  let zjOffice: TestClient;
  let unit: TestClient;
  let zjUnit: TestClient;
  let task12: TaskDetail;
  let task13: TaskDetail;
  let cycle: CycleDetail;
  let report: ReportDetail;

  beforeAll(async () => {
    const plans = await loadSeedPlans(s.t);
    const zj = await zhejiangUnit(s.t);
    office = await s.as(s.f.users.jilin);
    zjOffice = await s.as(s.f.users.zhejiang);
    unit = await s.as(s.f.users.jilinUnit);
    zjUnit = await s.as(zj);
    task12 = await assignTask(
      office,
      (await taskByCode(s, plans.jilinZhejiang, '12')).id,
      [
        { organisationId: s.f.users.jilinUnit.organisationId, side: 'a', role: 'lead' },
        { organisationId: zj.organisationId, side: 'b', role: 'lead' },
        { name: '吉林省工信厅', side: 'a', role: 'co' },
      ],
      [
        { min: '10', max: '20', unit: '户', comparison: 'range', perYear: false },
        { min: '1000', max: null, unit: '万元', comparison: 'atLeast', perYear: false },
      ],
    );
    task13 = await assignTask(office, (await taskByCode(s, plans.jilinZhejiang, '13')).id, [
      { organisationId: s.f.users.jilinUnit.organisationId, side: 'a', role: 'co' },
    ]);
  });

  it('opens a quarter with one slot per assigned task and unit, on both sides', async () => {
    cycle = await createCycle(office, { pairingId: s.f.pairings.jilinZhejiang, reminderDays: 5 });
    expect(cycle).toMatchObject({
      periodLabel: '2026年第四季度',
      periodLabelEn: 'Q4 2026',
      periodStart: '2026-10-01',
      periodEnd: '2026-12-31',
      dueOn: '2027-01-10',
      reminderDays: 5,
      status: 'open',
    });
    // The period opened for the two tasks with units; the 37 others are listed to be assigned, not a refusal.
    expect(cycle.unassignedTasks).toHaveLength(37);
    expect(cycle.unassignedTasks.map((t) => t.code)).not.toContain('12');
    expect(cycle.unassignedTasks[0]).toMatchObject({ code: '1', title: expect.any(String) });
    expect(cycle.counts).toEqual({ total: 4, pending: 4, draft: 0, submitted: 0, returned: 0, approved: 0 });
    expect(cycle.history.map((h) => h.action)).toEqual(['created']);
    const slots = await reportsOf(zjOffice, cycle.id);
    expect([...slots.keys()].sort()).toEqual(
      ['12/jilin-unit 单位', '12/zhejiang-unit 单位', '12/吉林省工信厅', '13/jilin-unit 单位'].sort(),
    );
    expect(slots.get('12/吉林省工信厅')).toMatchObject({
      organisationId: null,
      side: 'a',
      role: 'co',
      state: 'pending',
    });
    expect((await auditActions(s.t, cycle.id)).map((a) => a.action)).toEqual(['cycle.create']);
  });

  it('refuses a second cycle for the same period, a period beyond the year, and a pairing without assigned tasks', async () => {
    const again = await office.post('/api/cycles', {
      pairingId: s.f.pairings.jilinZhejiang,
      frequency: 'quarterly',
      year: 2026,
      period: 4,
    });
    expect(again.statusCode).toBe(400);
    expect(fieldCodes(again)).toEqual(['period:duplicate_cycle']);
    expect(again.json().error.details[0].zh).toBe('2026年第四季度的填报期已经开启');
    const beyond = await office.post('/api/cycles', {
      pairingId: s.f.pairings.jilinZhejiang,
      frequency: 'quarterly',
      year: 2026,
      period: 5,
    });
    expect(fieldCodes(beyond)).toEqual(['period:too_big']);
    const early = await office.post('/api/cycles', {
      pairingId: s.f.pairings.jilinZhejiang,
      frequency: 'monthly',
      year: 2026,
      period: 11,
      dueOn: '2026-10-31',
    });
    expect(fieldCodes(early)).toEqual(['dueOn:due_before_period']);
    const empty = await office.post('/api/cycles', {
      pairingId: s.f.pairings.jilinWenzhou,
      frequency: 'yearly',
      year: 2026,
      period: 1,
    });
    expect(fieldCodes(empty)).toEqual(['pairingId:no_assigned_tasks']);
    expect(
      (
        await unit.post('/api/cycles', {
          pairingId: s.f.pairings.jilinZhejiang,
          frequency: 'yearly',
          year: 2026,
          period: 1,
        })
      ).statusCode,
    ).toBe(403);
  });

  it('lets a unit save a draft, refuses figures in the wrong unit with the reason, then submits', async () => {
    const mine = await reportsOf(unit, cycle.id);
    expect([...mine.keys()].sort()).toEqual(['12/jilin-unit 单位', '13/jilin-unit 单位']);
    report = (await unit.get(`/api/reports/${mine.get('12/jilin-unit 单位')!.id}`)).json();
    expect(report.targets.map((t) => [t.text, t.unit])).toEqual([
      ['10—20 户', '户'],
      ['≥1000 万元', '万元'],
    ]);
    expect(report.editable).toBe(true);
    const [households, money] = report.targets;

    const wrong = await unit.patch(`/api/reports/${report.id}`, {
      version: report.version,
      figures: [{ targetId: money!.id, value: '0.15', unit: '亿元' }],
    });
    expect(wrong.statusCode).toBe(400);
    expect(fieldCodes(wrong)).toEqual(['figures.0.unit:figure_wrong_unit']);
    expect(wrong.json().error.details[0].zh).toContain('请按“万元”填写');

    const draft = await unit.patch(`/api/reports/${report.id}`, {
      version: report.version,
      taskStatus: 'in_progress',
      percent: 40,
      narrative: '已对接 12 户企业。',
      figures: [
        { targetId: households!.id, value: 12, unit: '户' },
        { targetId: money!.id, value: '1500.5', unit: '万元', note: '签约额' },
      ],
    });
    expect(draft.statusCode, draft.body.slice(0, 300)).toBe(200);
    report = draft.json();
    expect(report).toMatchObject({
      state: 'draft',
      taskStatus: 'in_progress',
      percent: 40,
      narrative: '已对接 12 户企业。',
    });
    expect(report.figures.map((f) => [f.targetText, f.value, f.unit])).toEqual([
      ['10—20 户', '12', '户'],
      ['≥1000 万元', '1500.5', '万元'],
    ]);

    const stale = await unit.post(`/api/reports/${report.id}/submit`, { version: report.version - 1 });
    expect(stale.statusCode).toBe(409);
    const submitted = await unit.post(`/api/reports/${report.id}/submit`, { version: report.version });
    expect(submitted.statusCode, submitted.body.slice(0, 300)).toBe(200);
    report = submitted.json();
    expect(report).toMatchObject({ state: 'submitted', editable: false });
    expect(report.submittedAt).not.toBeNull();

    const after = await unit.patch(`/api/reports/${report.id}`, { version: report.version, percent: 50 });
    expect(after.statusCode).toBe(409);
    expect(after.json().error).toMatchObject({ code: 'report_state', zh: '报告当前为“已提交待审核”，不能保存' });
  });

  it('refuses a submission without status, percentage or narrative, naming each field', async () => {
    const r13 = (await reportsOf(unit, cycle.id)).get('13/jilin-unit 单位')!;
    const res = await unit.post(`/api/reports/${r13.id}/submit`, { version: r13.version });
    expect(res.statusCode).toBe(400);
    expect(fieldCodes(res)).toEqual(['taskStatus:required', 'percent:required', 'narrative:required']);
    const contradiction = await unit.patch(`/api/reports/${r13.id}`, {
      version: r13.version,
      taskStatus: 'done',
      percent: 80,
    });
    expect(fieldCodes(contradiction)).toEqual(['percent:done_needs_full_percent']);
    expect((await unit.get(`/api/reports/${r13.id}`)).json()).toMatchObject({ state: 'pending', version: r13.version });
  });

  it('does not let a lead unit review; the office returns with a comment and the unit resubmits', async () => {
    // The submission reached the reviewers: the pairing offices of both sides, each with a notice of its own.
    for (const reviewer of [office, zjOffice]) {
      const notices = (await reviewer.get('/api/notifications')).json();
      expect(notices.items).toContainEqual(
        expect.objectContaining({
          kind: 'report_submitted',
          slotId: report.id,
          zh: expect.stringMatching(/^jilin-unit 单位已提交2026年第四季度任务 12「.+」的进展报告，请审核。$/),
        }),
      );
    }
    expect((await unit.post(`/api/reports/${report.id}/approve`, { version: report.version })).statusCode).toBe(403);
    expect(
      (await unit.post(`/api/reports/${report.id}/return`, { version: report.version, comment: '自己退回' }))
        .statusCode,
    ).toBe(403);
    const noComment = await office.post(`/api/reports/${report.id}/return`, { version: report.version, comment: '' });
    expect(fieldCodes(noComment)).toEqual(['comment:required']);
    const returned = await office.post(`/api/reports/${report.id}/return`, {
      version: report.version,
      comment: '请补充签约项目名单',
    });
    expect(returned.statusCode, returned.body.slice(0, 300)).toBe(200);
    report = returned.json();
    expect(report).toMatchObject({ state: 'returned', reviewComment: '请补充签约项目名单', editable: true });

    const inbox = (await unit.get('/api/reports/inbox')).json();
    expect(inbox.items.find((i: { slotId: string }) => i.slotId === report.id)).toMatchObject({
      state: 'returned',
      reviewComment: '请补充签约项目名单',
      periodLabel: '2026年第四季度',
    });
    const notices = (await unit.get('/api/notifications')).json();
    // Newest first: the return, and before it the opening of the period.
    expect(notices.items.map((n: { kind: string; zh: string }) => [n.kind, n.zh])).toEqual([
      ['returned', expect.stringContaining('被退回：请补充签约项目名单')],
      ['period_opened', expect.stringContaining('2026年第四季度报送期已开启')],
    ]);

    const again = await unit.post(`/api/reports/${report.id}/submit`, {
      version: report.version,
      narrative: '已对接 12 户企业，名单见附件。',
    });
    expect(again.statusCode).toBe(200);
    report = again.json();
    expect(report.events.map((e) => e.action)).toEqual(['saved', 'submitted', 'returned', 'submitted']);
    expect(report.events[2]).toMatchObject({ comment: '请补充签约项目名单', actorName: 'jilin' });
  });

  it("the other side's office approves, and the task takes the approved progress", async () => {
    expect(task12.status).toBe('not_started');
    const approved = await zjOffice.post(`/api/reports/${report.id}/approve`, {
      version: report.version,
      comment: '同意',
    });
    expect(approved.statusCode, approved.body.slice(0, 300)).toBe(200);
    report = approved.json();
    expect(report.state).toBe('approved');
    expect((await unit.get('/api/notifications')).json().items[0]).toMatchObject({
      kind: 'report_approved',
      slotId: report.id,
      en: expect.stringContaining('was approved'),
    });
    const task = (await office.get(`/api/tasks/${task12.id}`)).json() as TaskDetail;
    expect(task.status).toBe('in_progress');
    expect(task.history.at(-1)).toMatchObject({
      action: 'updated',
      actorName: 'zhejiang',
      changes: { status: ['not_started', 'in_progress'], report: { periodLabel: '2026年第四季度' } },
    });
    expect((await auditActions(s.t, report.id)).map((a) => a.action)).toEqual([
      'report.save',
      'report.submit',
      'report.return',
      'report.submit',
      'report.approve',
    ]);
  });

  it('approves the period only once every slot is submitted, or when the office closes the rest as not reported; then it is locked', async () => {
    cycle = (await office.get(`/api/cycles/${cycle.id}`)).json();
    expect(cycle.counts).toMatchObject({ total: 4, approved: 1, pending: 3 });
    const zjReport = (await reportsOf(zjUnit, cycle.id)).get('12/zhejiang-unit 单位')!;
    expect(
      (
        await zjUnit.post(`/api/reports/${zjReport.id}/submit`, {
          version: zjReport.version,
          taskStatus: 'delayed',
          percent: 10,
          narrative: '受政策调整影响，进度滞后。',
        })
      ).statusCode,
    ).toBe(200);

    const refused = await office.post(`/api/cycles/${cycle.id}/approve`, { version: cycle.version });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({
      code: 'cycle_has_unreported',
      zh: expect.stringContaining('还有 2 份报告未提交'),
    });
    expect(
      (await unit.post(`/api/cycles/${cycle.id}/approve`, { version: cycle.version, closeUnreported: true }))
        .statusCode,
    ).toBe(403);

    const locked = await office.post(`/api/cycles/${cycle.id}/approve`, {
      version: cycle.version,
      closeUnreported: true,
      comment: '本季度调度结束',
    });
    expect(locked.statusCode, locked.body.slice(0, 300)).toBe(200);
    cycle = locked.json();
    expect(cycle).toMatchObject({ status: 'locked', counts: { approved: 2, pending: 2 } });
    expect(cycle.lockedAt).not.toBeNull();
    // Both lead units are approved now: one says 推进中, the other 滞后, so the task is 滞后 and its light red.
    const task = (await office.get(`/api/tasks/${task12.id}`)).json() as TaskDetail;
    expect([task.status, task.light]).toEqual(['delayed', 'red']);
    const notReported = (await office.get(`/api/cycles/${cycle.id}/not-reported`)).json();
    expect(notReported.total).toBe(2);
  });

  it('refuses reports, reviews and attachments on the locked period with the reason', async () => {
    const r13 = (await reportsOf(unit, cycle.id)).get('13/jilin-unit 单位')!;
    const res = await unit.patch(`/api/reports/${r13.id}`, { version: r13.version, percent: 10 });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'report_period_locked',
      zh: '2026年第四季度的报告已审定锁定，不能再填报或修改；如需更正，请联系对口合作办公室解锁',
      details: [expect.objectContaining({ field: 'cycleId', code: 'period_locked' })],
    });
    expect((await unit.post(`/api/reports/${r13.id}/submit`, { version: r13.version })).json().error.code).toBe(
      'report_period_locked',
    );
    expect(
      (await office.post(`/api/reports/${report.id}/return`, { version: report.version, comment: '再改' })).json().error
        .code,
    ).toBe('report_period_locked');
    expect((await unit.get(`/api/reports/${r13.id}`)).json()).toMatchObject({ editable: false, state: 'pending' });
    expect((await office.post(`/api/cycles/${cycle.id}/approve`, { version: cycle.version })).json().error.code).toBe(
      'report_period_locked',
    );
  });

  it('unlocks only for the office, with a reason that is recorded in the cycle history and the audit trail', async () => {
    expect(
      (await unit.post(`/api/cycles/${cycle.id}/unlock`, { version: cycle.version, reason: '需更正' })).statusCode,
    ).toBe(403);
    const noReason = await office.post(`/api/cycles/${cycle.id}/unlock`, { version: cycle.version });
    expect(fieldCodes(noReason)).toEqual(['reason:required']);
    const unlocked = await office.post(`/api/cycles/${cycle.id}/unlock`, {
      version: cycle.version,
      reason: '浙江方报送数据有误，需更正',
    });
    expect(unlocked.statusCode, unlocked.body.slice(0, 300)).toBe(200);
    cycle = unlocked.json();
    expect(cycle).toMatchObject({ status: 'open', lockedAt: null });
    expect(cycle.history.map((h) => [h.action, h.reason, h.actorName])).toEqual([
      ['created', null, 'jilin'],
      ['approved', '本季度调度结束', 'jilin'],
      ['unlocked', '浙江方报送数据有误，需更正', 'jilin'],
    ]);
    const audit = await auditActions(s.t, cycle.id);
    expect(audit.map((a) => a.action)).toEqual(['cycle.create', 'cycle.approve', 'cycle.unlock']);
    expect(audit[2]!.details).toMatchObject({ reason: '浙江方报送数据有误，需更正', periodLabel: '2026年第四季度' });
    expect(
      (await office.post(`/api/cycles/${cycle.id}/unlock`, { version: cycle.version, reason: '再次解锁' })).json().error
        .code,
    ).toBe('cycle_not_locked');

    // Open again: an approved report can be sent back for correction, and the missing reports can be filled.
    const back = await office.post(`/api/reports/${report.id}/return`, {
      version: report.version,
      comment: '请更正签约额',
    });
    expect(back.json()).toMatchObject({ state: 'returned' });
    const r13 = (await reportsOf(unit, cycle.id)).get('13/jilin-unit 单位')!;
    expect((await unit.patch(`/api/reports/${r13.id}`, { version: r13.version, percent: 10 })).statusCode).toBe(200);
  });

  it('refuses a unit that is not assigned to the task, with the reason; an assigned unit gets its own report', async () => {
    const res = await zjUnit.post(`/api/cycles/${cycle.id}/reports`, { taskId: task13.id });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({
      code: 'unit_not_assigned',
      zh: '贵单位不是任务 13 的牵头或配合单位，不能填报该任务的进展',
    });
    const mine = await unit.post(`/api/cycles/${cycle.id}/reports`, { taskId: task12.id });
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({ id: report.id, unitName: 'jilin-unit 单位' });
    // Another unit's report is not even visible to a lead unit.
    const zjReport = (await reportsOf(zjOffice, cycle.id)).get('12/zhejiang-unit 单位')!;
    expect((await unit.get(`/api/reports/${zjReport.id}`)).statusCode).toBe(404);
    expect(
      (await unit.patch(`/api/reports/${zjReport.id}`, { version: zjReport.version, percent: 99 })).statusCode,
    ).toBe(404);
  });

  it('makes the slot on the spot for a unit assigned after the cycle opened', async () => {
    await assignTask(office, task13.id, [
      { organisationId: s.f.users.jilinUnit.organisationId, side: 'a', role: 'co' },
      {
        organisationId: (
          await s.t.database.db.execute<{ organisation_id: string }>(
            sql`SELECT organisation_id FROM users WHERE username = 'zhejiang-unit'`,
          )
        ).rows[0]!.organisation_id,
        side: 'b',
        role: 'lead',
      },
    ]);
    const opened = await zjUnit.post(`/api/cycles/${cycle.id}/reports`, { taskId: task13.id });
    expect(opened.statusCode, opened.body.slice(0, 300)).toBe(200);
    expect(opened.json()).toMatchObject({
      taskCode: '13',
      unitName: 'zhejiang-unit 单位',
      side: 'b',
      role: 'lead',
      state: 'pending',
    });
    expect(opened.json().events.map((e: { action: string }) => e.action)).toEqual(['opened']);
  });
});
