import { getTableName } from 'drizzle-orm';
import type { AppDeps } from '../../http/context.ts';
import { systemContext } from '../../http/system-actor.ts';
import { auditedChange } from '../../kernel/audit/audit-writer.ts';
import { chinaToday } from '../../kernel/dates.ts';
import { notify, type Notice } from '../../kernel/notifications/notifications.service.ts';
import type { ReminderGenerator } from '../../kernel/notifications/reminder-timer.ts';
import { itemNoticeParams } from './item-notices.ts';
import { dueItemReminders } from './tracking.repository.ts';
import { trackedItemOwners, trackedItems } from './tracking.tables.ts';

/** Owners of an open item are reminded this many days before its deadline. */
export const ITEM_REMINDER_DAYS = 7;
/** After the deadline, an overdue reminder every this many days until the item is closed. */
export const ITEM_OVERDUE_EVERY_DAYS = 7;
/**
 * Notices given per transaction: a first run over tens of thousands of overdue items (a new install's, or a day
 * many weeks turn over) commits in parts, so it never holds PGlite's one connection, which requests wait for, for
 * long; each part has its audit row.
 */
const NOTICES_PER_COMMIT = 1000;

/**
 * Reminds the owners of open tracked items before and after their deadline (the reminder timer runs it): one "due
 * soon" per deadline (for the first day of its window, so moving the deadline reminds again), then one "overdue"
 * per week past it (for the first day of that week). The day is part of the notice's identity, so a run repeated
 * any day makes nothing new; the database picks the reminders due and not yet given (dueItemReminders).
 */
export async function generateItemReminders(deps: AppDeps, now: Date = new Date()): Promise<number> {
  const today = chinaToday(now);
  const rows: Notice[] = (await dueItemReminders(deps.db, today, ITEM_REMINDER_DAYS, ITEM_OVERDUE_EVERY_DAYS)).map(
    (c) => ({
      organisationId: c.organisationId,
      kind: c.kind,
      subjectId: c.id,
      day: c.day,
      params: {
        ...itemNoticeParams(c),
        ...(c.kind === 'item_overdue' ? { daysOverdue: c.late } : { daysLeft: -c.late }),
      },
    }),
  );
  let made = 0;
  for (let i = 0; i < rows.length; i += NOTICES_PER_COMMIT)
    made += await auditedChange(systemContext(deps, 'item-reminders'), async ({ tx, audit }) => {
      const inserted = await notify({ tx }, rows.slice(i, i + NOTICES_PER_COMMIT));
      // One audit row per part that reminded anyone; the notices themselves are the detail.
      if (inserted)
        audit({
          action: 'reminder.generate',
          result: 'success',
          objectType: 'notification',
          details: { day: today, count: inserted, of: 'tracked_item' },
        });
      return inserted;
    });
  return made;
}

/** For the reminder timer: what is due changes only with the items and their owners, or the day. */
export const itemReminders: ReminderGenerator = {
  generate: generateItemReminders,
  reads: [trackedItems, trackedItemOwners].map(getTableName),
};
