import type { PlanListQuery } from '../../../common/api/plans.ts';
import type { AuthedContext } from '../../http/context.ts';
import { notFound } from '../../http/app-error.ts';
import { chinaToday } from '../../kernel/dates.ts';
import { taskCountsOfPlans, taskSummariesOfPlan } from '../tasks/plan-tasks.service.ts';
import { findPlanDetail, listPlans, planSourceText } from './plans.repository.ts';

/** A page of the plans the actor sees, each with the count and lights of the tasks it sees in it. */
export async function planPage(ctx: AuthedContext, { page, pageSize, ...filter }: PlanListQuery) {
  const { items, total } = await listPlans(ctx.db, ctx.actor, filter, page, pageSize);
  const counts = await taskCountsOfPlans(
    ctx,
    items.map((p) => p.id),
    chinaToday(),
  );
  return { items: items.map((row) => ({ row, counts: counts.get(row.id) })), total, page, pageSize };
}

/** A plan with its sections, versions and the tasks the actor sees in it, in document order. */
export async function planDetail(ctx: AuthedContext, id: string) {
  const [found, tasks] = await Promise.all([
    findPlanDetail(ctx.db, ctx.actor, id),
    taskSummariesOfPlan(ctx, id, chinaToday()),
  ]);
  if (!found) throw notFound();
  return { ...found, tasks };
}

export async function planSource(ctx: AuthedContext, id: string) {
  const found = await planSourceText(ctx.db, ctx.actor, id);
  if (!found) throw notFound();
  return found;
}
