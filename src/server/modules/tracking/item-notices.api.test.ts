import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Notification } from '../../../common/api/notifications.ts';
import { addDays, chinaToday } from '../../kernel/dates.ts';
import { useProgrammeApp } from '../../testing/programme-fixture.ts';
import type { TestClient } from '../../testing/test-app.ts';
import { testEngines } from '../../testing/test-engines.ts';
import { reminderRunner } from '../../kernel/notifications/reminder-timer.ts';
import { generateItemReminders, itemReminders } from './item-reminders.ts';

/** The moment (noon, China time) of a day so many days from today. */
const dayFromToday = (n: number) => new Date(`${addDays(chinaToday(), n)}T12:00:00+08:00`);

async function noticesOf(c: TestClient, kind: Notification['kind']) {
  const list = (await c.get('/api/notifications?pageSize=100')).json();
  return (list.items as Notification[]).filter((n) => n.kind === kind);
}

/** Owners of tracked items hear that they were made owners, and are reminded before and after the deadline. */
describe.each(testEngines())('tracked item notices on %s', (engine) => {
  const s = useProgrammeApp(engine);

  /** A joint meeting of 吉林省—浙江省 recorded by `office`, hosted by its side a: the decisions it made. */
  async function meetingDecisions(office: TestClient, title: string, heldOn: string, decisions: unknown[]) {
    const res = await office.post('/api/meetings', {
      pairingId: s.f.pairings.jilinZhejiang,
      kind: 'joint_meeting',
      title,
      heldOn,
      hostSide: 'a',
      decisions,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().decisions as { id: string }[];
  }

  it('tells the owner units of a new item, and a unit added later, once', async () => {
    const office = await s.as(s.f.users.jilin);
    const unit = await s.as(s.f.users.jilinUnit);
    const zhejiang = await s.as(s.f.users.zhejiang);
    const decisions = await meetingDecisions(office, '第三次联席会议', '2024-05-20', [
      {
        text: '报送挂职干部名单',
        deadline: addDays(chinaToday(), 200),
        owners: [{ organisationId: s.f.users.jilinUnit.organisationId, role: 'lead' }],
      },
    ]);
    const item = decisions[0];
    const [assigned] = await noticesOf(unit, 'item_assigned');
    expect(assigned).toMatchObject({ subjectId: item.id, read: false });
    expect(assigned!.zh).toBe(
      `您单位被列为督办事项「第三次联席会议」第 1 项的责任单位：报送挂职干部名单（完成时限 ${addDays(chinaToday(), 200)}）。`,
    );
    expect(await noticesOf(zhejiang, 'item_assigned')).toEqual([]);

    const d = (await office.get(`/api/tracked-items/${item.id}`)).json();
    const edited = await office.patch(`/api/tracked-items/${item.id}`, {
      version: d.version,
      owners: [
        { organisationId: s.f.users.jilinUnit.organisationId, role: 'lead' },
        { organisationId: s.f.users.zhejiang.organisationId, role: 'co' },
      ],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(await noticesOf(zhejiang, 'item_assigned')).toHaveLength(1);
    // The unit that already owned it is not told again.
    expect(await noticesOf(unit, 'item_assigned')).toHaveLength(1);
  });

  it('reminds every owner a week before the deadline and weekly after it, once per reminder, until closed', async () => {
    const office = await s.as(s.f.users.jilin);
    const unit = await s.as(s.f.users.jilinUnit);
    const deadline = addDays(chinaToday(), 30);
    const decisions = await meetingDecisions(office, '第四次联席会议', '2024-06-20', [
      {
        text: '完成园区共建协议签订',
        deadline,
        owners: [
          { organisationId: s.f.users.jilinUnit.organisationId, role: 'lead' },
          { organisationId: s.f.users.jilin.organisationId, role: 'co' },
        ],
      },
    ]);
    const item = decisions[0];
    const count = async (kind: string) =>
      (
        await s.t.database.db.execute<{ n: number }>(
          sql`SELECT count(*)::int AS n FROM notifications WHERE subject_id = ${item.id} AND kind = ${kind}`,
        )
      ).rows[0]!.n;

    expect(await generateItemReminders(s.t.deps, dayFromToday(22))).toBe(0); // 8 days before: not yet
    expect(await generateItemReminders(s.t.deps, dayFromToday(23))).toBe(2); // 7 days before: both owners
    expect(await generateItemReminders(s.t.deps, dayFromToday(30))).toBe(0); // the deadline, same window: nothing new
    const [soon] = await noticesOf(unit, 'item_due_soon');
    expect(soon!.zh).toBe(`督办事项「第四次联席会议」第 1 项将于 ${deadline} 到期，还剩 7 天：完成园区共建协议签订`);

    expect(await generateItemReminders(s.t.deps, dayFromToday(31))).toBe(2); // a day late
    expect(await generateItemReminders(s.t.deps, dayFromToday(37))).toBe(0); // 7 days late: the same overdue week
    expect(await generateItemReminders(s.t.deps, dayFromToday(38))).toBe(2); // 8 days late: the next week
    expect(await count('item_overdue')).toBe(4);
    // Each reminder stands for the first day of its window or week, with the days as of the run that made it.
    const made = await s.t.database.db.execute<{ kind: string; day: string; days: string }>(
      sql`SELECT DISTINCT kind, to_char(day, 'YYYY-MM-DD') AS day, coalesce(params->>'daysLeft', params->>'daysOverdue') AS days
          FROM notifications WHERE subject_id = ${item.id} AND kind <> 'item_assigned' ORDER BY day`,
    );
    expect(made.rows).toEqual([
      { kind: 'item_due_soon', day: addDays(deadline, -7), days: '7' },
      { kind: 'item_overdue', day: addDays(deadline, 1), days: '1' },
      { kind: 'item_overdue', day: addDays(deadline, 8), days: '8' },
    ]);
    const audit = await s.t.database.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'reminder.generate' AND details->>'of' = 'tracked_item'`,
    );
    expect(audit.rows[0]!.n).toBe(3);

    const d = (await office.get(`/api/tracked-items/${item.id}`)).json();
    const closed = await office.post(`/api/tracked-items/${item.id}/close`, {
      version: d.version,
      note: '协议已签订',
      link: 'https://example.org/agreement',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(await generateItemReminders(s.t.deps, dayFromToday(45))).toBe(0);
    expect(await count('item_overdue')).toBe(4);
  });
  it('skips a run the same day while no item or owner changed, and reminds at once after a change', async () => {
    const office = await s.as(s.f.users.jilin);
    const unit = await s.as(s.f.users.jilinUnit);
    let runs = 0;
    const counted = {
      ...itemReminders,
      generate: (...a: Parameters<typeof generateItemReminders>) => {
        runs++;
        return itemReminders.generate(...a);
      },
    };
    const runAll = reminderRunner(s.t.deps, [counted]);
    const today = dayFromToday(0);
    await runAll(today);
    await runAll(today);
    expect(runs).toBe(1);
    // A write to a table the reminders do not read (a notice marked read) leaves the next run skipped.
    await unit.post('/api/notifications/read-all', {});
    await runAll(today);
    expect(runs).toBe(1);

    const decisions = await meetingDecisions(office, '第五次联席会议', '2024-07-20', [
      {
        text: '完成人才交流计划',
        deadline: addDays(chinaToday(), 40),
        owners: [{ organisationId: s.f.users.jilinUnit.organisationId, role: 'lead' }],
      },
    ]);
    const item = decisions[0];
    await runAll(today);
    expect(runs).toBe(2); // the items changed: run, nothing due yet
    const d = (await office.get(`/api/tracked-items/${item.id}`)).json();
    const moved = await office.patch(`/api/tracked-items/${item.id}`, {
      version: d.version,
      deadline: addDays(chinaToday(), 3),
    });
    expect(moved.statusCode, moved.body).toBe(200);
    await runAll(today);
    expect(runs).toBe(3);
    const due = (await noticesOf(unit, 'item_due_soon')).filter((n) => n.subjectId === item.id);
    expect(due.map((n) => n.params.daysLeft)).toEqual([3]);
    await runAll(today);
    expect(runs).toBe(3);
    // The next day runs again, whatever changed.
    await runAll(dayFromToday(1));
    expect(runs).toBe(4);
  });

  it('gives each reminder once when two runs race (two processes, or a timer and a second leader)', async () => {
    const office = await s.as(s.f.users.jilin);
    const decisions = await meetingDecisions(
      office,
      '第六次联席会议',
      '2024-08-20',
      [1, 2, 3].map((n) => ({
        text: `议定事项${n}`,
        deadline: addDays(chinaToday(), 2),
        owners: [
          { organisationId: s.f.users.jilinUnit.organisationId, role: 'lead' },
          { organisationId: s.f.users.jilin.organisationId, role: 'co' },
        ],
      })),
    );
    const ids: string[] = decisions.map((x: { id: string }) => x.id);
    const reminders = async (only?: string[]) =>
      (
        await s.t.database.db.execute<{ n: number }>(
          sql`SELECT count(*)::int AS n FROM notifications WHERE kind IN ('item_overdue', 'item_due_soon')
              ${only ? sql`AND subject_id = ANY(${sql.param(only)}::uuid[])` : sql``}`,
        )
      ).rows[0]!.n;
    const before = await reminders();
    const later = dayFromToday(60);
    const made = await Promise.all([generateItemReminders(s.t.deps, later), generateItemReminders(s.t.deps, later)]);
    expect(await reminders(ids)).toBe(6); // 3 items x 2 owners, overdue
    expect(made[0]! + made[1]!).toBe((await reminders()) - before);
  });
});
