import { describe, expect, it } from 'vitest';
import { itemReminderFor } from './item-reminders.ts';

describe('the reminder an item owner is due', () => {
  const deadline = '2026-06-30';
  it('reminds once in the week before the deadline, standing for the first day of that week', () => {
    expect(itemReminderFor(deadline, '2026-06-22')).toBeNull();
    expect(itemReminderFor(deadline, '2026-06-23')).toMatchObject({
      kind: 'item_due_soon',
      day: '2026-06-23',
      late: -7,
    });
    expect(itemReminderFor(deadline, '2026-06-30')).toMatchObject({
      kind: 'item_due_soon',
      day: '2026-06-23',
      late: 0,
    });
  });
  it('then once a week while overdue, each week standing for its first day', () => {
    expect(itemReminderFor(deadline, '2026-07-01')).toMatchObject({ kind: 'item_overdue', day: '2026-07-01', late: 1 });
    expect(itemReminderFor(deadline, '2026-07-07')).toMatchObject({ kind: 'item_overdue', day: '2026-07-01', late: 7 });
    expect(itemReminderFor(deadline, '2026-07-08')).toMatchObject({ kind: 'item_overdue', day: '2026-07-08', late: 8 });
  });
});
