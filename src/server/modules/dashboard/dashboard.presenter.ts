import type { Dashboard } from '../../../common/api/dashboard.ts';
import type { DashboardView } from './dashboard.service.ts';

export function presentDashboard({ programme, counts, pairings, projects }: DashboardView): Dashboard {
  return {
    programme: programme
      ? { id: programme.id, name: programme.name, docNo: programme.docNo, issuedOn: programme.issuedOn }
      : null,
    counts,
    pairings,
    projects,
  };
}
