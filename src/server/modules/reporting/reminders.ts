import type { AppDeps } from '../../http/context.ts';
import { systemContext } from '../../http/system-actor.ts';
import { auditedChange } from '../../kernel/audit/audit-writer.ts';
import { daysOverdue, inReminderWindow, periodLabelEn } from './cycle-period.ts';
import { insertNotifications, reminderCandidates, type NotificationInsert } from './notifications.repository.ts';
import { chinaToday, daysBetween } from '../../kernel/dates.ts';

/** Every few minutes: often enough that a new day's reminders appear soon after midnight, rare enough to cost nothing. */
export const REMINDER_INTERVAL_MS = 5 * 60_000;

/**
 * Reminds each unit of the reports it still owes: before the due date within the cycle's reminder window, and
 * every day after it. Safe to run any number of times: at most one reminder per slot, kind and day (those sent
 * today are left out of the query, and the unique index decides under a race). Units known only by name have no one to remind; the not-reported view shows them.
 */
export async function generateReminders(deps: AppDeps, now: Date = new Date()): Promise<number> {
  const today = chinaToday(now);
  const candidates = await reminderCandidates(deps.db, today);
  const rows: NotificationInsert[] = [];
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
    const inserted = await insertNotifications(tx, rows);
    // One audit row per run that reminded anyone, not one per reminder: the notices themselves are the detail.
    if (inserted.length)
      audit({
        action: 'reminder.generate',
        result: 'success',
        objectType: 'notification',
        details: { day: today, count: inserted.length },
      });
    return inserted.length;
  });
}

/**
 * Runs generateReminders now and then every `intervalMs` until stopped. Runs never overlap,
 * and stop() waits for the one under way so the database can close after it.
 */
export function startReminderTimer(
  deps: AppDeps,
  opts: { intervalMs?: number; onError?: (err: unknown) => void } = {},
) {
  let running: Promise<unknown> | null = null;
  let stopped = false;
  const run = () => {
    // A run still under way when the next tick comes is left to finish; the tick is skipped.
    if (running || stopped) return;
    running = generateReminders(deps)
      .catch((err) => opts.onError?.(err))
      .finally(() => (running = null));
  };
  const timer = setInterval(run, opts.intervalMs ?? REMINDER_INTERVAL_MS);
  timer.unref();
  run();
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
