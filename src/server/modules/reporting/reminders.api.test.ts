import { describe, it, expect, beforeAll } from 'vitest';
import { sql } from 'drizzle-orm';
import { testEngines } from '../../testing/test-engines.ts';
import { useProgrammeApp } from '../../testing/programme-fixture.ts';
import type { TestClient } from '../../testing/test-app.ts';
import { loadSeedPlans } from '../plans/test-support/plan-api.ts';
import type { CycleDetail, InboxResponse, NotReportedResponse } from '../../../common/api/reporting.ts';
import type { Notification } from '../../../common/api/notifications.ts';
import { dataVersionOf } from '../../db/data-version.ts';
import { generateReminders, reportReminders } from './reminders.ts';
import { startReminderTimer } from '../../kernel/notifications/reminder-timer.ts';
import {
  assignTask,
  createCycle,
  daysFromToday,
  reportsOf,
  taskByCode,
  today,
  zhejiangUnit,
} from './test-support/reporting-api.ts';

const NEXT_DAY = () => new Date(Date.now() + 86_400_000);

/**
 * Who has not reported, what a unit owes, and the reminders before and after the due date. Due dates are set
 * relative to today, so the tests hold whatever day they run.
 */
describe.each(testEngines())('not reported, inbox and reminders on %s', (engine) => {
  const s = useProgrammeApp(engine);
  let office: TestClient;
  let unit: TestClient;
  let zjUnit: TestClient;
  let overdue: CycleDetail;
  let dueSoon: CycleDetail;
  let later: CycleDetail;

  beforeAll(async () => {
    const plans = await loadSeedPlans(s.t);
    const zj = await zhejiangUnit(s.t);
    office = await s.as(s.f.users.jilin);
    unit = await s.as(s.f.users.jilinUnit);
    zjUnit = await s.as(zj);
    for (const code of ['20', '21']) {
      await assignTask(office, (await taskByCode(s, plans.jilinZhejiang, code)).id, [
        { organisationId: s.f.users.jilinUnit.organisationId, side: 'a', role: 'lead' },
        { organisationId: zj.organisationId, side: 'b', role: 'co' },
        { name: '浙江省商务厅', side: 'b', role: 'co' },
      ]);
    }
    // Three periods of different frequencies (one cycle per period): three days overdue, due in two days, due in a month.
    const overdueOn = daysFromToday(-3);
    overdue = await createCycle(office, {
      pairingId: s.f.pairings.jilinZhejiang,
      frequency: 'yearly',
      year: Number(overdueOn.slice(0, 4)),
      period: 1,
      dueOn: overdueOn,
    });
    const t = today();
    dueSoon = await createCycle(office, {
      pairingId: s.f.pairings.jilinZhejiang,
      frequency: 'monthly',
      year: Number(t.slice(0, 4)),
      period: Number(t.slice(5, 7)),
      dueOn: daysFromToday(2),
      reminderDays: 7,
    });
    later = await createCycle(office, {
      pairingId: s.f.pairings.jilinZhejiang,
      frequency: 'half_yearly',
      year: Number(t.slice(0, 4)),
      period: Number(t.slice(5, 7)) <= 6 ? 1 : 2,
      dueOn: daysFromToday(30),
    });
  });

  it('shows who has not reported, by unit, with the days overdue; submitted reports leave the list', async () => {
    const mine = await reportsOf(unit, overdue.id);
    const first = mine.get('20/jilin-unit 单位')!;
    await unit.post(`/api/reports/${first.id}/submit`, {
      version: first.version,
      taskStatus: 'in_progress',
      percent: 30,
      narrative: '推进中',
    });
    const view = (await office.get(`/api/cycles/${overdue.id}/not-reported`)).json() as NotReportedResponse;
    expect(view).toMatchObject({ periodLabel: `${overdue.year}年度`, daysOverdue: 3, total: 5 });
    expect(
      view.units.map((u) => [u.side, u.unitName, u.daysOverdue, u.slots.map((x) => `${x.taskCode}:${x.state}`)]),
    ).toEqual([
      ['a', 'jilin-unit 单位', 3, ['21:pending']],
      ['b', 'zhejiang-unit 单位', 3, ['20:pending', '21:pending']],
      ['b', '浙江省商务厅', 3, ['20:pending', '21:pending']],
    ]);
    expect((await office.get(`/api/cycles/${dueSoon.id}/not-reported`)).json()).toMatchObject({
      daysOverdue: 0,
      total: 6,
    });
    // A lead unit sees only its own organisation's line.
    const own = (await unit.get(`/api/cycles/${overdue.id}/not-reported`)).json() as NotReportedResponse;
    expect(own.units.map((u) => u.unitName)).toEqual(['jilin-unit 单位']);
  });

  it("lists a unit's inbox: what it owes in open periods, earliest due first, with days left", async () => {
    const inbox = (await unit.get('/api/reports/inbox')).json() as InboxResponse;
    expect(inbox.items.map((i) => [i.cycleId, i.taskCode, i.daysLeft])).toEqual([
      [overdue.id, '21', -3],
      [dueSoon.id, '20', 2],
      [dueSoon.id, '21', 2],
      [later.id, '20', 30],
      [later.id, '21', 30],
    ]);
    expect(inbox.overdue).toBe(1);
    // An office whose organisation is assigned nothing owes nothing.
    expect((await office.get('/api/reports/inbox')).json()).toEqual({ items: [], overdue: 0 });
  });

  it('reminds before the due date within the window and after it, at most once per slot, kind and day', async () => {
    // The server's timer runs the generator at once; stop() waits for that run, so its work is visible here.
    const timer = startReminderTimer(s.t.deps, [reportReminders]);
    await timer.stop();
    const created = await s.t.database.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM notifications WHERE kind IN ('due_soon', 'overdue')`,
    );
    // Overdue: jilin-unit 1 (21) + zhejiang-unit 2; due soon: 2 + 2. Units known only by name have no one to remind;
    // the half-year due in 30 days is outside its 7-day window.
    expect(created.rows[0]!.n).toBe(7);
    // A run with nothing new writes nothing: the data version (which empties every cache when it moves) stands still.
    const version = dataVersionOf(s.t.deps.db)!;
    const before = version.current;
    expect(before).not.toBeNull();
    expect(await generateReminders(s.t.deps)).toBe(0);
    expect(version.current).toBe(before);
    const rows = await s.t.database.db.execute<{ kind: string; n: number }>(
      sql`SELECT kind, count(*)::int AS n FROM notifications WHERE kind IN ('due_soon', 'overdue') GROUP BY kind ORDER BY kind`,
    );
    expect(rows.rows).toEqual([
      { kind: 'due_soon', n: 4 },
      { kind: 'overdue', n: 3 },
    ]);
    const audit = await s.t.database.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'reminder.generate'`,
    );
    expect(audit.rows[0]!.n).toBe(1);

    // The next day brings the next day's reminders, once.
    expect(await generateReminders(s.t.deps, NEXT_DAY())).toBe(7);
    const afterNextDay = version.current;
    expect(afterNextDay).toBeGreaterThan(before!);
    expect(await generateReminders(s.t.deps, NEXT_DAY())).toBe(0);
    expect(version.current).toBe(afterNextDay);
  });

  it("lists a user's notices with their text, and marks them read one by one or all at once", async () => {
    const list = (await unit.get('/api/notifications?pageSize=100')).json();
    // Three reminders, three the next day, and the opening of each of the three periods.
    expect(list.total).toBe(9);
    expect(list.unread).toBe(9);
    expect(list.items.filter((n: Notification) => n.kind === 'period_opened')).toHaveLength(3);
    const overdueNotice = list.items.find(
      (n: Notification) => n.kind === 'overdue' && n.params.daysOverdue === 3,
    ) as Notification;
    expect(overdueNotice.zh).toBe(
      `${overdue.year}年度任务 21「${overdueNotice.params.taskTitle}」的进展报告已逾期 3 天（截止 ${overdue.dueOn}），请尽快填报。`,
    );
    expect(overdueNotice.en).toContain('is 3 day(s) overdue');
    const soon = list.items.find((n: Notification) => n.kind === 'due_soon' && n.params.daysLeft === 2) as Notification;
    expect(soon.zh).toContain('还剩 2 天');

    expect((await unit.post(`/api/notifications/${overdueNotice.id}/read`)).statusCode).toBe(200);
    expect((await unit.get('/api/notifications?unread=true&pageSize=100')).json()).toMatchObject({
      total: 8,
      unread: 8,
    });
    // Another organisation's notice is not found, and reading is per user.
    expect((await zjUnit.post(`/api/notifications/${overdueNotice.id}/read`)).statusCode).toBe(404);
    expect((await zjUnit.get('/api/notifications')).json().unread).toBe(11);
    expect((await unit.post('/api/notifications/read-all')).json()).toEqual({ count: 8 });
    expect((await unit.get('/api/notifications')).json()).toMatchObject({ total: 9, unread: 0 });
  });

  it('stops reminding once a report is submitted or its period is locked', async () => {
    const zjReports = await reportsOf(zjUnit, dueSoon.id);
    for (const r of zjReports.values()) {
      const res = await zjUnit.post(`/api/reports/${r.id}/submit`, {
        version: r.version,
        taskStatus: 'in_progress',
        percent: 20,
        narrative: '配合推进',
      });
      expect(res.statusCode).toBe(200);
    }
    const overdueNow = (await office.get(`/api/cycles/${overdue.id}`)).json() as CycleDetail;
    expect(
      (await office.post(`/api/cycles/${overdue.id}/approve`, { version: overdueNow.version, closeUnreported: true }))
        .statusCode,
    ).toBe(200);
    const inTwoDays = new Date(Date.now() + 2 * 86_400_000);
    // Left: jilin-unit's two reports of the month, due on that day.
    expect(await generateReminders(s.t.deps, inTwoDays)).toBe(2);
  });
});
