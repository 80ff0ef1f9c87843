import type { AuthedContext } from '../../http/context.ts';
import { invalid, fieldError, type ErrorDetail } from '../../http/app-error.ts';
import { auditedChange } from '../../kernel/audit/audit-writer.ts';
import type { AnnualPlanInput, PlanCreated } from '../../../common/api/plans.ts';
import { visiblePairing } from '../pairings/pairings.service.ts';
import {
  addTasks,
  recordTaskHistory,
  replaceTaskTargets,
  replaceTaskUnits,
  traceableTasks,
  type TargetRow,
  type UnitRow,
} from '../tasks/plan-tasks.service.ts';
import { resolveUnitLists, targetProblems, targetRows } from '../tasks/task-input.ts';
import { currentOfLineage, currentSourcePlans, insertPlan } from './plans.repository.ts';
import { lineageKey } from './plan-tree.ts';
import { assertPlanKindOfProgramme } from './plan-kind.ts';

/**
 * An annual work plan (年度工作计划/工作要点) of a pairing: items each traced to the implementation-plan task it
 * serves (picked as worded there, or worded anew), with owner units, a deadline within the year and targets for
 * the year. One annual plan per pairing and year.
 */
export async function createAnnualPlan(ctx: AuthedContext, input: AnnualPlanInput): Promise<PlanCreated> {
  return auditedChange(ctx, async (work) => {
    const { tx } = work;
    const pairing = await visiblePairing(work, ctx.actor, input.pairingId);
    if (!pairing) throw invalid(fieldError('pairingId', 'unknown_pairing'));
    await assertPlanKindOfProgramme(work, pairing.programmeId, 'annual');
    const key = lineageKey({ annual: true, pairingId: pairing.id, year: input.year });
    if (await currentOfLineage(tx, key)) throw invalid(fieldError('year', 'annual_plan_exists', { year: input.year }));
    const sources = await currentSourcePlans(tx, pairing.id);
    if (!sources.length) throw invalid(fieldError('pairingId', 'no_implementation_plan'));

    // Traced tasks must be current tasks of this pairing's own plans (not of a sub-pair, not of another pairing).
    const tracedIds = [...new Set(input.items.map((i) => i.tracedTaskId))];
    const traced = new Map(
      (
        await traceableTasks(
          work,
          tracedIds,
          sources.map((s) => s.id),
        )
      ).map((t) => [t.id, t]),
    );
    const problems: ErrorDetail[] = [];
    const resolved = await resolveUnitLists(
      tx,
      ctx.actor,
      input.items.map((item, i) => ({ units: item.units, prefix: `items.${i}.units` })),
    );
    const units = resolved.rows;
    for (const [i, item] of input.items.entries()) {
      const at = `items.${i}`;
      if (!traced.has(item.tracedTaskId)) problems.push(fieldError(`${at}.tracedTaskId`, 'unknown_task'));
      if (item.deadline && !item.deadline.startsWith(`${input.year}-`))
        problems.push(fieldError(`${at}.deadline`, 'deadline_outside_year', { year: input.year }));
      problems.push(...targetProblems(item.targets, `${at}.targets`));
      problems.push(...resolved.problems.filter((p) => p.field.startsWith(`${at}.units.`)));
    }
    if (problems.length) throw invalid(...problems);

    const parentPlanId = traced.get(input.items[0]!.tracedTaskId)!.planId;
    const planId = await insertPlan(tx, {
      programmeId: pairing.programmeId,
      pairingId: pairing.id,
      kind: 'annual',
      title: input.title,
      docNo: input.docNo ?? null,
      year: input.year,
      parentPlanId,
      lineageKey: key,
      createdBy: ctx.actor.userId,
    });
    const created = await addTasks(
      work,
      input.items.map((item, i) => {
        const source = traced.get(item.tracedTaskId)!;
        return {
          planId,
          pairingId: pairing.id,
          code: String(i + 1),
          no: i + 1,
          ordinal: i,
          tracedTaskId: item.tracedTaskId,
          title: item.title || source.title,
          text: item.text || source.text,
          deadline: item.deadline ?? null,
          ...(item.warningDays !== undefined ? { warningDays: item.warningDays } : {}),
        };
      }),
    );
    await replaceTaskTargets(
      work,
      new Map<string, TargetRow[]>(created.map((t, i) => [t.id, targetRows(input.items[i]!.targets)])),
    );
    await replaceTaskUnits(work, new Map<string, UnitRow[]>(created.map((t, i) => [t.id, units[i]!])));
    await recordTaskHistory(
      work,
      created.map((t, i) => ({
        taskId: t.id,
        planId,
        action: 'created' as const,
        actorUserId: ctx.actor.userId,
        actorName: ctx.actor.username,
        changes: { tracedTaskId: input.items[i]!.tracedTaskId },
      })),
    );
    work.audit({
      action: 'plan.create_annual',
      result: 'success',
      objectType: 'plan',
      objectId: planId,
      details: { pairingId: pairing.id, year: input.year, title: input.title, parentPlanId, items: input.items.length },
    });
    return { id: planId, versionNo: 1, taskCount: created.length, changes: null, subPairIds: [], unchanged: false };
  });
}
