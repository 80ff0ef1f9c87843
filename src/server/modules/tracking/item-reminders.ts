import type { AppDeps } from '../../http/context.ts';
import { systemContext } from '../../http/system-actor.ts';
import { auditedChange } from '../../kernel/audit/audit-writer.ts';
import { addDays, chinaToday, daysBetween } from '../../kernel/dates.ts';
import { notify, type Notice } from '../../kernel/notifications/notifications.service.ts';
import { itemNoticeParams } from './item-notices.ts';
import { itemReminderCandidates } from './tracking.repository.ts';

/** Owners of an open item are reminded this many days before its deadline. */
export const ITEM_REMINDER_DAYS = 7;
/** After the deadline, an overdue reminder every this many days until the item is closed. */
export const ITEM_OVERDUE_EVERY_DAYS = 7;

/**
 * The reminder an item's owner is due today, if any, and the day it stands for: one "due soon" per deadline (the
 * first day of its window, so moving the deadline reminds again), then one "overdue" per week past it (the first
 * day of that week). The day is part of the notice's identity, so a run repeated any day makes nothing new.
 */
export function itemReminderFor(deadline: string, today: string) {
  const late = daysBetween(deadline, today);
  if (late > 0) {
    const week = Math.floor((late - 1) / ITEM_OVERDUE_EVERY_DAYS);
    return { kind: 'item_overdue' as const, day: addDays(deadline, 1 + week * ITEM_OVERDUE_EVERY_DAYS), late };
  }
  if (-late <= ITEM_REMINDER_DAYS)
    return { kind: 'item_due_soon' as const, day: addDays(deadline, -ITEM_REMINDER_DAYS), late };
  return null;
}

/** Reminds the owners of open tracked items before and after their deadline (the reminder timer runs it). */
export async function generateItemReminders(deps: AppDeps, now: Date = new Date()): Promise<number> {
  const today = chinaToday(now);
  const rows: Notice[] = [];
  for (const c of await itemReminderCandidates(deps.db, today, ITEM_REMINDER_DAYS)) {
    const due = itemReminderFor(c.deadline, today);
    if (!due) continue;
    rows.push({
      organisationId: c.organisationId,
      kind: due.kind,
      subjectId: c.id,
      day: due.day,
      params: {
        ...itemNoticeParams(c),
        ...(due.kind === 'item_overdue' ? { daysOverdue: due.late } : { daysLeft: -due.late }),
      },
    });
  }
  if (!rows.length) return 0;
  return auditedChange(systemContext(deps, 'item-reminders'), async ({ tx, audit }) => {
    const inserted = await notify({ tx }, rows);
    // One audit row per run that reminded anyone; the notices themselves are the detail.
    if (inserted)
      audit({
        action: 'reminder.generate',
        result: 'success',
        objectType: 'notification',
        details: { day: today, count: inserted, of: 'tracked_item' },
      });
    return inserted;
  });
}
