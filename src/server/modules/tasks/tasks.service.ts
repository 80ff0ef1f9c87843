import type { AuthedContext } from '../../http/context.ts';
import { invalid, notFound, conflict, type ErrorDetail } from '../../http/app-error.ts';
import { auditedChange } from '../../kernel/audit/audit-writer.ts';
import type { TaskListQuery, UpdateTaskInput } from '../../../common/api/tasks.ts';
import {
  findTask,
  findTaskDetail,
  listTasks,
  updateTaskRow,
  replaceTargets,
  replaceUnits,
  replaceMilestones,
  insertHistory,
  unitsOf,
  targetsOf,
  milestonesOf,
} from './tasks.repository.ts';
import { resolveUnits, targetProblems, targetRows, milestoneRows } from './task-input.ts';
import { assertCanManageProgrammeLevel } from './tasks.policy.ts';
import { chinaToday, dateString } from '../../kernel/dates.ts';
import { decimalString } from '../../kernel/decimal.ts';

export async function listTaskPage(ctx: AuthedContext, query: TaskListQuery) {
  const { items, total, lights } = await listTasks(ctx.db, ctx.actor, query, chinaToday());
  return { items, total, lights, page: query.page, pageSize: query.pageSize };
}

export async function taskDetail(ctx: AuthedContext, id: string) {
  const found = await findTaskDetail(ctx.db, ctx.actor, id, chinaToday());
  if (!found) throw notFound();
  return found;
}

/**
 * Status, deadline, progress note, milestones, units and targets of a task, checked against the version the user
 * saw. The change, the task's history entry and the audit row commit together.
 */
export async function updateTask(ctx: AuthedContext, id: string, input: UpdateTaskInput) {
  return auditedChange(ctx, async ({ tx, audit }) => {
    const current = await findTask(tx, ctx.actor, id, chinaToday());
    if (!current) throw notFound();
    if (!current.pairingId) assertCanManageProgrammeLevel(ctx.actor);
    if (current.version !== input.version) throw conflict();

    const problems: ErrorDetail[] = [];
    if (input.targets) problems.push(...targetProblems(input.targets, 'targets'));
    const units = input.units ? await resolveUnits(tx, ctx.actor, input.units, 'units') : undefined;
    if (units) problems.push(...units.problems);
    if (problems.length) throw invalid(...problems);

    const changes: Record<string, [unknown, unknown]> = {};
    const patch: Parameters<typeof updateTaskRow>[3] = {};
    const scalar = {
      status: current.status,
      deadline: dateString(current.deadline),
      warningDays: current.warningDays,
      progressNote: current.progressNote,
    };
    for (const k of ['status', 'deadline', 'warningDays', 'progressNote'] as const) {
      if (input[k] === undefined || input[k] === scalar[k]) continue;
      (patch as Record<string, unknown>)[k] = input[k];
      changes[k] = [scalar[k], input[k]];
    }
    if (input.targets) {
      const before = (await targetsOf(tx, [id])).map((t) => ({
        min: decimalString(t.min),
        max: decimalString(t.max),
        unit: t.unit,
        comparison: t.comparison,
        perYear: t.perYear,
      }));
      changes.targets = [
        before,
        input.targets.map((t) => ({
          min: t.min,
          max: t.max,
          unit: t.unit,
          comparison: t.comparison,
          perYear: t.perYear,
        })),
      ];
      await replaceTargets(tx, new Map([[id, targetRows(input.targets)]]));
    }
    if (units) {
      changes.units = [
        (await unitsOf(tx, [id])).map((u) => `${u.side}:${u.role}:${u.name}`),
        units.rows.map((u) => `${u.side}:${u.role}:${u.name}`),
      ];
      await replaceUnits(tx, new Map([[id, units.rows]]));
    }
    if (input.milestones) {
      changes.milestones = [(await milestonesOf(tx, [id])).map((m) => m.title), input.milestones.map((m) => m.title)];
      await replaceMilestones(tx, new Map([[id, milestoneRows(input.milestones)]]));
    }
    // Lists, children and the version all move together: a change to units alone still bumps the version.
    if (!(await updateTaskRow(tx, id, input.version, patch))) throw conflict();
    await insertHistory(tx, [
      {
        taskId: id,
        planId: current.planId,
        action: 'updated',
        actorUserId: ctx.actor.userId,
        actorName: ctx.actor.username,
        changes,
      },
    ]);
    audit({
      action: 'task.update',
      result: 'success',
      objectType: 'task',
      objectId: id,
      details: { code: current.code, planId: current.planId, changes },
    });
  });
}
