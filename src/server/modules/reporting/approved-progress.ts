import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import type { AuthedContext } from '../../http/context.ts';
import type { TaskStatus } from '../../../common/api/tasks.ts';
import { tasks } from '../tasks/tasks.tables.ts';
import { updateTaskRow, insertHistory } from '../tasks/tasks.repository.ts';
import { approvedReportsOf, tasksReportedLater } from './reports.repository.ts';
import { reportedTaskStatus, type ApprovedReport } from './report-rules.ts';

export type TaskStatusChange = { taskId: string; code: string; from: TaskStatus; to: TaskStatus };

/**
 * After approval, each task takes the status its approved reports of this cycle add up to, so the task list's
 * traffic light (which reads the status) shows what the units reported. A period older than one already approved
 * for the task does not overwrite it. The change goes to the task's history, in the caller's transaction.
 */
export async function applyApprovedProgress(
  tx: DbOrTx,
  ctx: AuthedContext,
  cycle: { id: string; pairingId: string; periodEnd: string; periodLabel: string },
  taskIds: string[],
): Promise<TaskStatusChange[]> {
  const later = await tasksReportedLater(tx, cycle, taskIds);
  const ids = taskIds.filter((id) => !later.has(id));
  if (!ids.length) return [];
  const byTask = new Map<string, ApprovedReport[]>();
  for (const r of await approvedReportsOf(tx, cycle.id, ids)) {
    if (!r.taskStatus || r.percent === null) continue;
    byTask.set(r.taskId, [
      ...(byTask.get(r.taskId) ?? []),
      { role: r.role, taskStatus: r.taskStatus, percent: r.percent },
    ]);
  }
  const current = await tx
    .select({ id: tasks.id, code: tasks.code, status: tasks.status, version: tasks.version, planId: tasks.planId })
    .from(tasks)
    .where(inArray(tasks.id, ids))
    .for('update');
  const changes: TaskStatusChange[] = [];
  const history: Parameters<typeof insertHistory>[1] = [];
  for (const t of current) {
    const status = reportedTaskStatus(byTask.get(t.id) ?? []);
    if (!status || status === t.status) continue;
    // The row is locked above, so its version cannot have moved.
    await updateTaskRow(tx, t.id, t.version, { status });
    history.push({
      taskId: t.id,
      planId: t.planId,
      action: 'updated',
      actorUserId: ctx.actor.userId,
      actorName: ctx.actor.username,
      changes: { status: [t.status, status], report: { cycleId: cycle.id, periodLabel: cycle.periodLabel } },
    });
    changes.push({ taskId: t.id, code: t.code, from: t.status, to: status });
  }
  await insertHistory(tx, history);
  return changes;
}
