import { getTableName } from 'drizzle-orm';
import type { AppDeps } from '../../http/context.ts';
import { systemContext } from '../../http/system-actor.ts';
import { auditedChange } from '../../kernel/audit/audit-writer.ts';
import { daysOverdue, inReminderWindow, periodLabelEn } from './cycle-period.ts';
import { notify, type Notice } from '../../kernel/notifications/notifications.service.ts';
import type { ReminderGenerator } from '../../kernel/notifications/reminder-timer.ts';
import { tasks } from '../tasks/tasks.tables.ts';
import { reminderCandidates } from './reminders.repository.ts';
import { reportingCycles, reportSlots } from './reporting.tables.ts';
import { chinaToday, daysBetween } from '../../kernel/dates.ts';

/**
 * Reminds each unit of the reports it still owes: before the due date within the cycle's reminder window, and
 * every day after it. Safe to run any number of times: at most one reminder per slot, kind and day (those sent
 * today are left out of the query, and the unique index decides under a race). Units known only by name have no one to remind; the not-reported view shows them.
 */
export async function generateReminders(deps: AppDeps, now: Date = new Date()): Promise<number> {
  const today = chinaToday(now);
  const candidates = await reminderCandidates(deps.db, today);
  const rows: Notice[] = [];
  for (const c of candidates) {
    const late = daysOverdue(c.dueOn, today);
    const kind = late > 0 ? 'overdue' : inReminderWindow(c.dueOn, c.reminderDays, today) ? 'due_soon' : null;
    if (!kind) continue;
    rows.push({
      organisationId: c.organisationId!,
      kind,
      slotId: c.slotId,
      cycleId: c.cycleId,
      day: today,
      params: {
        periodLabel: c.periodLabel,
        periodLabelEn: periodLabelEn(c.frequency, c.year, c.period),
        taskCode: c.taskCode,
        taskTitle: c.taskTitle,
        dueOn: c.dueOn,
        ...(kind === 'overdue' ? { daysOverdue: late } : { daysLeft: daysBetween(today, c.dueOn) }),
      },
    });
  }
  if (!rows.length) return 0; // nothing new: no transaction, no write
  return auditedChange(systemContext(deps, 'reminders'), async ({ tx, audit }) => {
    const inserted = await notify({ tx }, rows);
    // One audit row per run that reminded anyone, not one per reminder: the notices themselves are the detail.
    if (inserted)
      audit({
        action: 'reminder.generate',
        result: 'success',
        objectType: 'notification',
        details: { day: today, count: inserted },
      });
    return inserted;
  });
}

/**
 * For the reminder timer: what is due changes only with the slots, their cycles and tasks (a slot or cycle removed
 * takes its notices with it), or the day.
 */
export const reportReminders: ReminderGenerator = {
  generate: generateReminders,
  reads: [reportSlots, reportingCycles, tasks].map(getTableName),
};
