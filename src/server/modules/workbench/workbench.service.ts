import { hasPermission } from '../../../common/access/permissions.ts';
import type { AuthedContext } from '../../http/context.ts';
import { addDays, chinaToday } from '../../kernel/dates.ts';
import { failedJobsOf } from '../../kernel/jobs/jobs.repository.ts';
import { listReportPage, reportInbox } from '../reporting/reports.service.ts';
import { RECENT_DAYS, recentChangesByOthers, taskOverviewByPairing } from '../tasks/task-overview.service.ts';
import { listItemPage } from '../tracking/tracking.service.ts';
import { recentActivityByOthers } from './recent-activity.repository.ts';

/** How many of each list the workbench shows; the counts say how many there are in all. */
export const WORKBENCH_LIST = 10;
/** Items due within this many days count as due (the same week the owners are reminded: item-reminders.ts). */
const ITEMS_DUE_WITHIN_DAYS = 7;

/**
 * What the signed-in user's organisation has to do today, each part read through the module that owns it and
 * only for a role that has a part in it (a unit fills, an office reviews and assigns), all in the actor's scope.
 */
export async function workbench(ctx: AuthedContext) {
  const can = (p: Parameters<typeof hasPermission>[1]) => hasPermission(ctx.actor.roles, p);
  const today = chinaToday();
  const page = { page: 1, pageSize: WORKBENCH_LIST };
  const since = new Date(Date.now() - RECENT_DAYS * 86_400_000);
  const [inbox, toReview, itemsDue, overview, recent, activity, failedImports] = await Promise.all([
    can('report.fill') ? reportInbox(ctx) : null,
    can('report.review') ? listReportPage(ctx, { ...page, state: 'submitted' }) : null,
    can('item.progress')
      ? listItemPage(ctx, {
          ...page,
          mine: true,
          withSubPairs: false,
          demo: undefined,
          dueBefore: addDays(today, ITEMS_DUE_WITHIN_DAYS),
        })
      : null,
    can('task.read') ? taskOverviewByPairing(ctx) : null,
    can('task.read') ? recentChangesByOthers(ctx, WORKBENCH_LIST) : null,
    // Projects, reports, meetings and tracked items the other side changed, from the audit trail, in scope.
    can('task.read') ? recentActivityByOthers(ctx.db, ctx.actor, since, WORKBENCH_LIST) : null,
    failedJobsOf(ctx.db, ctx.actor.userId, WORKBENCH_LIST),
  ]);
  return { today, inbox, toReview, itemsDue, overview, recent, activity, failedImports, canAssign: can('task.update') };
}
export type WorkbenchRows = Awaited<ReturnType<typeof workbench>>;
