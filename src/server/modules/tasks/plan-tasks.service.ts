import type { AuthedContext } from '../../http/context.ts';
import type { UnitOfWork } from '../../kernel/audit/audit-writer.ts';
import { TASK_LIGHTS, type TaskLight, type TaskSummary } from '../../../common/api/tasks.ts';
import {
  insertHistory,
  insertTasks,
  milestonesOf,
  replaceTargets,
  replaceUnits,
  targetsOf,
  taskLightsOfPlans,
  taskTextsOf,
  tasksForReimport,
  tasksOfPlansByIds,
  unitsOf,
  updateTaskRow,
  type TargetRow,
  type TaskInsert,
  type UnitRow,
} from './tasks.repository.ts';
import { tasksOfPlan } from './plan-task-summaries.repository.ts';
import { presentTaskSummary } from './tasks.presenter.ts';
import { targetText } from './target-text.ts';

/*
 * What a plan asks of its tasks: the plan pages' lists and counts, the ledger's columns, and the writes of an
 * import or an annual plan, inside the plan's own transaction.
 */

export type { TargetRow, UnitRow };
export type TaskHistoryEntry = Parameters<typeof insertHistory>[1][number];

/** The tasks of a plan version the actor may see, in document order, as the plan page lists them. */
export async function taskSummariesOfPlan(ctx: AuthedContext, planId: string, today: string): Promise<TaskSummary[]> {
  return (await tasksOfPlan(ctx.db, ctx.actor, planId, today)).map(presentTaskSummary);
}

export type PlanTaskCounts = { taskCount: number; lights: Record<TaskLight, number> };

/** How many tasks of each plan the actor sees, in all and by light; a plan without any is left out. */
export async function taskCountsOfPlans(
  ctx: AuthedContext,
  planIds: readonly string[],
  today: string,
): Promise<Map<string, PlanTaskCounts>> {
  const counts = new Map<string, PlanTaskCounts>();
  for (const { planId, light, n } of await taskLightsOfPlans(ctx.db, ctx.actor, planIds, today)) {
    const entry = counts.get(planId) ?? {
      taskCount: 0,
      lights: Object.fromEntries(TASK_LIGHTS.map((l) => [l, 0])) as Record<TaskLight, number>,
    };
    entry.lights[light as TaskLight] = n;
    entry.taskCount += n;
    counts.set(planId, entry);
  }
  return counts;
}

/** The 任务台账's columns beyond a task's summary: its clause, progress note, targets in words and milestones. */
export async function ledgerColumnsOf(ctx: AuthedContext, taskIds: readonly string[]) {
  const ids = [...taskIds];
  const [texts, targets, milestones] = await Promise.all([
    taskTextsOf(ctx.db, ids),
    targetsOf(ctx.db, ids),
    milestonesOf(ctx.db, ids),
  ]);
  return new Map(
    texts.map((t) => [
      t.id,
      {
        text: t.text,
        progressNote: t.progressNote,
        targets: targets.filter((g) => g.taskId === t.id).map(targetText),
        milestones: milestones.filter((m) => m.taskId === t.id),
      },
    ]),
  );
}

/** A plan version's tasks as a re-import compares them (unscoped: the caller has found the plan). */
export async function tasksOfPlanForReimport({ tx }: Pick<UnitOfWork, 'tx'>, planId: string) {
  return tasksForReimport(tx, planId);
}

/** The tasks among `taskIds` of the given plans: those an annual plan's items may serve. */
export async function traceableTasks(
  { tx }: Pick<UnitOfWork, 'tx'>,
  taskIds: readonly string[],
  planIds: readonly string[],
) {
  return tasksOfPlansByIds(tx, taskIds, planIds);
}

/** Which of the tasks have units assigned already. */
export async function tasksWithUnits({ tx }: Pick<UnitOfWork, 'tx'>, taskIds: string[]): Promise<Set<string>> {
  return new Set((await unitsOf(tx, taskIds)).map((u) => u.taskId));
}

export async function addTasks({ tx }: UnitOfWork, rows: TaskInsert[]) {
  return insertTasks(tx, rows);
}

/** Saves a task over the version it was read at (a re-import moving it to the new plan version); false when it moved. */
export async function moveTask({ tx }: UnitOfWork, id: string, version: number, patch: Partial<TaskInsert>) {
  return !!(await updateTaskRow(tx, id, version, patch));
}

export async function replaceTaskTargets({ tx }: UnitOfWork, byTask: Map<string, TargetRow[]>) {
  await replaceTargets(tx, byTask);
}

export async function replaceTaskUnits({ tx }: UnitOfWork, byTask: Map<string, UnitRow[]>) {
  await replaceUnits(tx, byTask);
}

export async function recordTaskHistory({ tx }: UnitOfWork, entries: TaskHistoryEntry[]) {
  await insertHistory(tx, entries);
}
