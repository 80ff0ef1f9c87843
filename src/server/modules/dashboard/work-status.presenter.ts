import type { WorkStatus } from '../../../common/api/dashboard-work.ts';
import { presentCycle } from '../reporting/reporting.presenter.ts';
import { presentPairingTasks } from '../tasks/task-overview.presenter.ts';
import type { WorkStatusRows } from './work-status.service.ts';

export function presentWorkStatus(w: WorkStatusRows): WorkStatus {
  return {
    year: w.year,
    pairings: presentPairingTasks(w.overview),
    reporting: w.cycles.map((row, i) => {
      const c = presentCycle(row, w.today);
      const slots = w.owing[i]!.slots;
      return {
        cycleId: c.id,
        pairingName: c.pairingName,
        periodLabel: c.periodLabel,
        periodLabelEn: c.periodLabelEn,
        dueOn: c.dueOn,
        daysOverdue: c.daysOverdue,
        total: c.counts.total,
        unreported: slots.length,
        units: [...new Set(slots.map((s) => s.unitName))],
      };
    }),
  };
}
