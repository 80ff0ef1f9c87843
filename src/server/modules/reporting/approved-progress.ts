import type { Actor } from '../../http/context.ts';
import type { UnitOfWork } from '../../kernel/audit/audit-writer.ts';
import type { TaskStatus } from '../../../common/api/tasks.ts';
import { takeReportedStatuses, type TaskStatusChange } from '../tasks/task-progress.service.ts';
import { approvedReportsOf, tasksReportedLater } from './reports.repository.ts';
import { reportedTaskStatus, type ApprovedReport } from './report-rules.ts';

/**
 * After approval, each task takes the status its approved reports of this cycle add up to. A period older than one
 * already approved for the task does not overwrite it. In the caller's transaction; answers what changed.
 */
export async function applyApprovedProgress(
  work: UnitOfWork,
  actor: Actor,
  cycle: { id: string; pairingId: string; periodEnd: string; periodLabel: string },
  taskIds: string[],
): Promise<TaskStatusChange[]> {
  const later = await tasksReportedLater(work.tx, cycle, taskIds);
  const ids = taskIds.filter((id) => !later.has(id));
  if (!ids.length) return [];
  const byTask = new Map<string, ApprovedReport[]>();
  for (const r of await approvedReportsOf(work.tx, cycle.id, ids)) {
    if (!r.taskStatus || r.percent === null) continue;
    byTask.set(r.taskId, [
      ...(byTask.get(r.taskId) ?? []),
      { role: r.role, taskStatus: r.taskStatus, percent: r.percent },
    ]);
  }
  const statuses = new Map<string, TaskStatus | null>(ids.map((id) => [id, reportedTaskStatus(byTask.get(id) ?? [])]));
  return takeReportedStatuses(work, actor, statuses, { cycleId: cycle.id, periodLabel: cycle.periodLabel });
}
