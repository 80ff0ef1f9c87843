import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Notification } from '../../../common/api/notifications.ts';
import { addDays, chinaToday } from '../../kernel/dates.ts';
import { useProgrammeApp } from '../../testing/programme-fixture.ts';
import type { TestClient } from '../../testing/test-app.ts';
import { testEngines } from '../../testing/test-engines.ts';
import { generateItemReminders } from './item-reminders.ts';

/** The moment (noon, China time) of a day so many days from today. */
const dayFromToday = (n: number) => new Date(`${addDays(chinaToday(), n)}T12:00:00+08:00`);

async function noticesOf(c: TestClient, kind: Notification['kind']) {
  const list = (await c.get('/api/notifications?pageSize=100')).json();
  return (list.items as Notification[]).filter((n) => n.kind === kind);
}

/** Owners of tracked items hear that they were made owners, and are reminded before and after the deadline. */
describe.each(testEngines())('tracked item notices on %s', (engine) => {
  const s = useProgrammeApp(engine);

  it('tells the owner units of a new item, and a unit added later, once', async () => {
    const office = await s.as(s.f.users.jilin);
    const unit = await s.as(s.f.users.jilinUnit);
    const zhejiang = await s.as(s.f.users.zhejiang);
    const res = await office.post('/api/meetings', {
      pairingId: s.f.pairings.jilinZhejiang,
      kind: 'joint_meeting',
      title: '第三次联席会议',
      heldOn: '2024-05-20',
      hostSide: 'a',
      decisions: [
        {
          text: '报送挂职干部名单',
          deadline: addDays(chinaToday(), 200),
          owners: [{ organisationId: s.f.users.jilinUnit.organisationId, role: 'lead' }],
        },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const item = res.json().decisions[0];
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
    const res = await office.post('/api/meetings', {
      pairingId: s.f.pairings.jilinZhejiang,
      kind: 'joint_meeting',
      title: '第四次联席会议',
      heldOn: '2024-06-20',
      hostSide: 'a',
      decisions: [
        {
          text: '完成园区共建协议签订',
          deadline,
          owners: [
            { organisationId: s.f.users.jilinUnit.organisationId, role: 'lead' },
            { organisationId: s.f.users.jilin.organisationId, role: 'co' },
          ],
        },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const item = res.json().decisions[0];
    const count = async (kind: string) =>
      (
        await s.t.database.db.execute<{ n: number }>(
          sql`SELECT count(*)::int AS n FROM notifications WHERE subject_id = ${item.id} AND kind = ${kind}`,
        )
      ).rows[0]!.n;

    expect(await generateItemReminders(s.t.deps, dayFromToday(22))).toBe(0); // 8 days before: not yet
    expect(await generateItemReminders(s.t.deps, dayFromToday(25))).toBe(2); // 5 days before: both owners
    expect(await generateItemReminders(s.t.deps, dayFromToday(27))).toBe(0); // the same week: nothing new
    const [soon] = await noticesOf(unit, 'item_due_soon');
    expect(soon!.zh).toBe(`督办事项「第四次联席会议」第 1 项将于 ${deadline} 到期，还剩 5 天：完成园区共建协议签订`);

    expect(await generateItemReminders(s.t.deps, dayFromToday(31))).toBe(2); // a day late
    expect(await generateItemReminders(s.t.deps, dayFromToday(35))).toBe(0); // the same overdue week
    expect(await generateItemReminders(s.t.deps, dayFromToday(38))).toBe(2); // the next week
    expect(await count('item_overdue')).toBe(4);
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
});
