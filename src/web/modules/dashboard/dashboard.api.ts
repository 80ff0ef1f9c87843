import type { Dashboard } from '../../../common/api/dashboard.ts';
import type { WorkStatus, WorkStatusParams } from '../../../common/api/dashboard-work.ts';
import { api } from '../../app/api-client.ts';

const ask = (programmeId: string | undefined, signal?: AbortSignal) =>
  api.get<Dashboard>('/api/dashboard', programmeId ? { programmeId } : undefined, { signal });

/** The dashboard asked for while its page's chunk downloads, for the page's first load to take. */
let early: { programmeId: string | undefined; answer: Promise<Dashboard> } | null = null;

/**
 * Asks for the dashboard before its page is there, so the figures arrive with the page's chunk instead of after
 * it; once asked, not again until the page has taken the answer.
 */
export function prefetchDashboard(programmeId: string | undefined): void {
  if (early) return;
  const answer = ask(programmeId);
  // A failure is the page's to show, when it asks (again).
  answer.catch(() => undefined);
  early = { programmeId, answer };
}

export const dashboardApi = {
  /** One programme's dashboard (undefined: the first the user works in); the early answer when it is that one. */
  get: (programmeId: string | undefined, signal?: AbortSignal) => {
    const taken = early;
    early = null;
    return taken && taken.programmeId === programmeId ? taken.answer : ask(programmeId, signal);
  },
  workStatus: (params: WorkStatusParams, signal?: AbortSignal) =>
    api.get<WorkStatus>('/api/dashboard/work-status', params, { signal }),
};
