import type { PlanDetail, PlanSectionNode } from './api/plans.ts';
import type { TaskSummary } from './api/tasks.ts';

/** Every task of a plan in document order: the items outside sections, then each section's, depth first. */
export function planTasks(plan: PlanDetail): TaskSummary[] {
  const out = [...plan.tasks];
  const walk = (s: PlanSectionNode) => {
    out.push(...s.tasks);
    s.children.forEach(walk);
  };
  plan.sections.forEach(walk);
  return out;
}
