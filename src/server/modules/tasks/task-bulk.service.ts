import type { BulkUnitsInput } from '../../../common/api/task-bulk.ts';
import { fieldError, invalid, type ErrorDetail } from '../../http/app-error.ts';
import type { AuthedContext } from '../../http/context.ts';
import { auditedChange } from '../../kernel/audit/audit-writer.ts';
import { chinaToday } from '../../kernel/dates.ts';
import { sideOfRegions } from '../pairings/pairings.service.ts';
import { assertCanManageProgrammeLevel } from './tasks.policy.ts';
import { resolveUnits } from './task-input.ts';
import {
  findTask,
  insertHistory,
  organisationsInRegions,
  replaceUnits,
  unassignedTasksOfPlan,
  unitsOf,
  updateTaskRow,
} from './tasks.repository.ts';
import { mentionOf } from './unit-matching.ts';

const unitKey = (u: { organisationId?: string | null; name: string; side: string }) =>
  `${u.side}|${u.organisationId ?? u.name}`;

/**
 * Adds the same units to many tasks in one change (the office selects tasks, a section, or confirms suggestions):
 * each task keeps its units and gains those it lacks; every task's version, history and audit row move as with a
 * single edit. A task out of sight is refused by its place in the list and nothing changes.
 */
export async function addUnitsToTasks(ctx: AuthedContext, input: BulkUnitsInput): Promise<number> {
  return auditedChange(ctx, async ({ tx, audit }) => {
    const today = chinaToday();
    const problems: ErrorDetail[] = [];
    const units = await resolveUnits(tx, ctx.actor, input.units, 'units');
    problems.push(...units.problems);
    const found = [];
    for (const [i, id] of input.taskIds.entries()) {
      const task = await findTask(tx, ctx.actor, id, today);
      if (!task) problems.push(fieldError(`taskIds.${i}`, 'unknown_task'));
      else {
        if (!task.pairingId) assertCanManageProgrammeLevel(ctx.actor);
        found.push(task);
      }
    }
    if (problems.length) throw invalid(...problems);

    const current = await unitsOf(
      tx,
      found.map((t) => t.id),
    );
    const next = new Map<string, typeof units.rows>();
    let updated = 0;
    for (const task of found) {
      const had = current.filter((u) => u.taskId === task.id);
      const known = new Set(had.map(unitKey));
      const added = units.rows.filter((u) => !known.has(unitKey(u)));
      if (!added.length) continue;
      const rows = [
        ...had.map((u) => ({ organisationId: u.organisationId, name: u.name, side: u.side, role: u.role })),
        ...added,
      ];
      next.set(task.id, rows);
      const changes = {
        units: [had.map((u) => `${u.side}:${u.role}:${u.name}`), rows.map((u) => `${u.side}:${u.role}:${u.name}`)],
      };
      await updateTaskRow(tx, task.id, task.version, {});
      await insertHistory(tx, [
        {
          taskId: task.id,
          planId: task.planId,
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
        objectId: task.id,
        details: { code: task.code, planId: task.planId, changes, bulk: true },
      });
      updated++;
    }
    if (next.size) await replaceUnits(tx, next);
    return updated;
  });
}

/**
 * For each task of the plan without a unit, the registered organisations of its pairing's two sides that its text
 * names (unit-matching.ts), the first named as lead and the others co-operating. The office confirms them.
 */
export async function unitSuggestions(ctx: AuthedContext, planId: string) {
  const open = await unassignedTasksOfPlan(ctx.db, ctx.actor, planId);
  const pairingIds = [...new Set(open.flatMap((t) => (t.pairingId ? [t.pairingId] : [])))];
  const items = [];
  for (const pairingId of pairingIds) {
    const sides = await sideOfRegions({ tx: ctx.db }, pairingId);
    const organisations = await organisationsInRegions(ctx.db, [...sides.keys()]);
    for (const task of open.filter((t) => t.pairingId === pairingId)) {
      const text = `${task.title}\n${task.text}`;
      const named = organisations.flatMap((o) => {
        const matched = mentionOf(text, o.name, o.region_name);
        return matched ? [{ o, matched, at: text.indexOf(matched) }] : [];
      });
      // In the order the clause names them: the first named leads.
      named.sort((a, b) => a.at - b.at);
      if (!named.length) continue;
      items.push({
        taskId: task.id,
        units: named.map(({ o, matched }, i) => ({
          organisationId: o.id,
          name: o.name,
          side: sides.get(o.region_code)!,
          role: i === 0 ? ('lead' as const) : ('co' as const),
          matched,
        })),
      });
    }
  }
  return { items };
}
