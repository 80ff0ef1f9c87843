import type { FirstRun, Workbench } from '../../../common/api/workbench.ts';
import { presentPairingTasks } from '../tasks/task-overview.presenter.ts';
import { type FirstRunRows, NATIONAL_OFFICE } from './first-run.service.ts';
import { presentInbox, presentReportSummary } from '../reporting/reporting.presenter.ts';
import { presentItemSummary } from '../tracking/tracking.presenter.ts';
import type { WorkbenchRows } from './workbench.service.ts';

export function presentWorkbench(w: WorkbenchRows): Workbench {
  const toFill = w.inbox ? presentInbox(w.inbox).items : null;
  const openItems = w.itemsDue ? w.itemsDue.items.filter((i) => i.status !== 'closed') : null;
  const itemsDueCount = w.itemsDue
    ? w.itemsDue.counts.overdue + w.itemsDue.counts.not_started + w.itemsDue.counts.in_progress
    : 0;
  const pairings = w.overview ? presentPairingTasks(w.overview) : null;
  const unassignedTasks = w.canAssign && pairings ? pairings.reduce((n, p) => n + p.unassigned, 0) : 0;
  const counts = {
    toFill: toFill?.length ?? 0,
    toReview: w.toReview?.total ?? 0,
    itemsDue: itemsDueCount,
    unassignedTasks,
    failedImports: w.failedImports.length,
  };
  return {
    today: w.today,
    counts: { ...counts, total: Object.values(counts).reduce((a, b) => a + b, 0) },
    toFill,
    toReview: w.toReview ? w.toReview.items.map(presentReportSummary) : null,
    itemsDue: openItems && w.itemsDue ? openItems.map((i) => presentItemSummary(i, i.owners)) : null,
    pairings,
    failedImports: w.failedImports.map((j) => ({
      id: j.id,
      kind: j.kind,
      createdAt: j.createdAt.toISOString(),
      rowErrors: j.rowErrors,
    })),
    recentChanges: w.recent
      ? w.recent.map((c) => ({
          taskId: c.task_id,
          code: c.code,
          title: c.title,
          pairingName: c.pairing_name,
          at: new Date(c.at).toISOString(),
          actorName: c.actor_name,
          organisationName: c.organisation_name,
          fields: c.changes && typeof c.changes === 'object' ? Object.keys(c.changes) : [],
        }))
      : null,
    recentActivity: w.activity
      ? w.activity.map((a) => ({
          action: a.action,
          objectType: a.object_type,
          objectId: a.object_id,
          title: a.title,
          pairingName: a.pairing_name,
          at: new Date(a.at).toISOString(),
          actorName: a.actor_name,
          organisationName: a.organisation_name,
        }))
      : null,
  };
}

export function presentFirstRun({ national, offices }: FirstRunRows): FirstRun {
  const nationalOffice = {
    proposedName: national.name ?? NATIONAL_OFFICE.name,
    regionCode: NATIONAL_OFFICE.regionCode,
    regionName: national.region_name,
    organisationId: national.id,
    users: national.users,
  };
  const list = offices.map((o) => ({
    officeName: o.office_name,
    pairingName: o.pairing_name,
    proposedName: o.proposed_name,
    regionCode: o.region_code,
    regionName: o.region_name,
    organisationId: o.organisation_id,
    users: o.users,
  }));
  const done = [nationalOffice, ...list].every((o) => o.organisationId && o.users > 0);
  return { nationalOffice, offices: list, done };
}
