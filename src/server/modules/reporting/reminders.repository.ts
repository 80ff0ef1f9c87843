import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import { notifications } from '../../kernel/notifications/notifications.tables.ts';
import { tasks } from '../tasks/tasks.tables.ts';
import { reportingCycles, reportSlots } from './reporting.tables.ts';
import { UNREPORTED_STATES } from './report-rules.ts';

/**
 * The open cycles' slots of units with an organisation that still owe their report and may need reminding today:
 * from the cycle's reminder window on, leaving out those already reminded today (the kind is the one the caller
 * chooses: overdue once past the due date), so a run with nothing new reads nothing to write.
 */
export async function reminderCandidates(db: DbOrTx, today: string) {
  return db
    .select({
      slotId: reportSlots.id,
      cycleId: reportSlots.cycleId,
      organisationId: reportSlots.organisationId,
      taskCode: tasks.code,
      taskTitle: tasks.title,
      periodLabel: reportingCycles.periodLabel,
      frequency: reportingCycles.frequency,
      year: reportingCycles.year,
      period: reportingCycles.period,
      dueOn: reportingCycles.dueOn,
      reminderDays: reportingCycles.reminderDays,
    })
    .from(reportSlots)
    .innerJoin(reportingCycles, eq(reportingCycles.id, reportSlots.cycleId))
    .innerJoin(tasks, eq(tasks.id, reportSlots.taskId))
    .where(
      and(
        eq(reportingCycles.status, 'open'),
        inArray(reportSlots.state, [...UNREPORTED_STATES]),
        isNotNull(reportSlots.organisationId),
        // A cheap bound in SQL; the caller's inReminderWindow/daysOverdue decide which reminder, if any.
        sql`${reportingCycles.dueOn} - ${reportingCycles.reminderDays} <= ${today}::date`,
        sql`NOT EXISTS (SELECT 1 FROM ${notifications} WHERE ${notifications.slotId} = ${reportSlots.id} AND ${notifications.day} = ${today}::date
        AND ${notifications.kind} = CASE WHEN ${reportingCycles.dueOn} < ${today}::date THEN 'overdue' ELSE 'due_soon' END)`,
      ),
    );
}
