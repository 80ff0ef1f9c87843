import type { Actor } from '../../http/context.ts';
import type { UnitOfWork } from '../../kernel/audit/audit-writer.ts';
import type { TaskStatus } from '../../../common/api/tasks.ts';
import {
  insertHistory,
  lockTasks,
  targetsOf,
  taskOfPairing,
  unassignedTasksOf,
  unitsOfOpenTasks,
  unitsOfOrganisationOnTask,
  updateTaskRow,
} from './tasks.repository.ts';
import { targetText } from './target-text.ts';

/** A task of a pairing, by id; undefined when the task belongs to another pairing. */
export async function taskOfPairingById({ tx }: Pick<UnitOfWork, 'tx'>, taskId: string, pairingId: string) {
  return taskOfPairing(tx, taskId, pairingId);
}

/** Where an organisation stands on a task: the unit rows naming it (lead or co-responsible, either side). */
export async function organisationOnTask({ tx }: Pick<UnitOfWork, 'tx'>, taskId: string, organisationId: string) {
  return unitsOfOrganisationOnTask(tx, taskId, organisationId);
}

/** A pairing's current tasks still under way that no unit has been given (they have no one to report on them). */
export async function tasksWithoutUnits({ tx }: Pick<UnitOfWork, 'tx'>, pairingId: string) {
  return unassignedTasksOf(tx, pairingId);
}

/** The units that owe progress on a pairing's current tasks still under way, one row per task and unit. */
export async function unitsOwingProgress({ tx }: Pick<UnitOfWork, 'tx'>, pairingId: string) {
  return unitsOfOpenTasks(tx, pairingId);
}

/** A task's current targets as figures are reported against them: id, unit, and the words kept with a figure. */
export async function targetsForFigures({ tx }: Pick<UnitOfWork, 'tx'>, taskId: string) {
  return figureTargets(await targetsOf(tx, [taskId]));
}

/** Target rows read with something else (a report's page reads its task's with the report) as targetsForFigures gives them. */
export function figureTargets(rows: readonly FigureTargetRow[]) {
  return rows.map((t) => ({ id: t.id, unit: t.unit, text: targetText(t) }));
}
export type FigureTargetRow = Parameters<typeof targetText>[0] & { id: string; unit: string };

export type TaskStatusChange = { taskId: string; code: string; from: TaskStatus; to: TaskStatus };

/**
 * Tasks take the status reported on them (null: nothing to take), so the task list's traffic light, which reads
 * the status, shows what the units reported. Each change goes to the task's history, naming the report's period,
 * in the caller's transaction.
 */
export async function takeReportedStatuses(
  { tx }: UnitOfWork,
  actor: Actor,
  statuses: ReadonlyMap<string, TaskStatus | null>,
  report: { cycleId: string; periodLabel: string },
): Promise<TaskStatusChange[]> {
  const changes: TaskStatusChange[] = [];
  const history: Parameters<typeof insertHistory>[1] = [];
  for (const t of await lockTasks(tx, [...statuses.keys()])) {
    const status = statuses.get(t.id);
    if (!status || status === t.status) continue;
    // The row is locked, so its version cannot have moved.
    await updateTaskRow(tx, t.id, t.version, { status });
    history.push({
      taskId: t.id,
      planId: t.planId,
      action: 'updated',
      actorUserId: actor.userId,
      actorName: actor.username,
      changes: { status: [t.status, status], report },
    });
    changes.push({ taskId: t.id, code: t.code, from: t.status, to: status });
  }
  await insertHistory(tx, history);
  return changes;
}

/** The yearly targets of tasks (每年培训千人以上: ≥1000 人/年), for records that count toward them year by year. */
export async function yearlyTargetsOf({ tx }: Pick<UnitOfWork, 'tx'>, taskIds: string[]) {
  return (await targetsOf(tx, taskIds))
    .filter((t) => t.perYear)
    .map((t) => ({ taskId: t.taskId, min: t.min, max: t.max, unit: t.unit, text: targetText(t) }));
}

/**
 * A record counted toward a task's yearly target (a training toward 每年培训千人以上) shows on the task: a task not
 * yet started goes to 推进中, so its light reads as work under way rather than as due and idle; the change goes to
 * the task's history, naming what moved it. 已完成 stays the office's call: a yearly target is met year by year.
 */
export async function takeTargetProgress(
  { tx }: UnitOfWork,
  actor: Actor,
  taskId: string,
  cause: { kind: string; id: string; year: number; achieved: number },
): Promise<TaskStatusChange | null> {
  const [t] = await lockTasks(tx, [taskId]);
  if (t?.status !== 'not_started' || cause.achieved <= 0) return null;
  await updateTaskRow(tx, t.id, t.version, { status: 'in_progress' });
  await insertHistory(tx, [
    {
      taskId: t.id,
      planId: t.planId,
      action: 'updated',
      actorUserId: actor.userId,
      actorName: actor.username,
      changes: { status: [t.status, 'in_progress'], progress: cause },
    },
  ]);
  return { taskId: t.id, code: t.code, from: t.status, to: 'in_progress' };
}
