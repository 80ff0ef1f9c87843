import type { Dashboard } from '../../../common/api/dashboard.ts';
import { sideNamesOf } from '../../../common/programme-sides.ts';
import type { DashboardView } from './dashboard.service.ts';

export function presentDashboard({ programme, programmes, counts, pairings, projects }: DashboardView): Dashboard {
  return {
    programme: programme
      ? {
          id: programme.id,
          name: programme.name,
          docNo: programme.docNo,
          issuedOn: programme.issuedOn,
          sides: sideNamesOf(programme),
        }
      : null,
    programmes: programmes.map((p) => ({ id: p.id, name: p.name, sides: sideNamesOf(p) })),
    counts,
    pairings,
    projects,
  };
}
