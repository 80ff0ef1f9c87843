import type { Dashboard } from '../../../common/api/dashboard.ts';
import type { WorkStatus, WorkStatusParams } from '../../../common/api/dashboard-work.ts';
import { api } from '../../app/api-client.ts';

const ask = (programmeId: string | undefined, signal?: AbortSignal, quietUnauthorized = false) =>
  api.get<Dashboard>('/api/dashboard', programmeId ? { programmeId } : undefined, { signal, quietUnauthorized });

/** The dashboard asked for while its page's chunk downloads, for the page's first load to take. */
let early: { programmeId: string | undefined; answer: Promise<Dashboard> } | null = null;

/**
 * Asks for the dashboard before its page is there, so the figures arrive with the page's chunk instead of after
 * it; once asked, not again until the page has taken the answer. `beforeSignIn`: asked while the app still asks
 * who is signed in, so a refusal (signed out, not allowed) is dropped and the page, if shown, asks again.
 */
export function prefetchDashboard(programmeId: string | undefined, beforeSignIn = false): void {
  if (early) return;
  const answer = ask(programmeId, undefined, beforeSignIn);
  const asked = { programmeId, answer };
  answer.catch(() => {
    // A failure is the page's to show, when it asks (again); one asked before sign-in is not kept for it.
    if (beforeSignIn && early === asked) early = null;
  });
  early = asked;
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
