import type { AuthedContext } from '../../http/context.ts';
import { pairingOverview } from '../pairings/pairings.service.ts';
import { listProgrammes } from '../programmes/programmes.service.ts';
import { projectFigures } from '../projects/projects.service.ts';
import { seesProjectFigures } from './dashboard.policy.ts';

/**
 * The national dashboard, limited to what the actor may see (a pairing office gets its own pairings' view): one
 * call to each module it shows, so each can answer from wherever it keeps its figures.
 */
export async function dashboard(ctx: AuthedContext) {
  const [programmes, pairings, projects] = await Promise.all([
    listProgrammes(ctx),
    pairingOverview(ctx),
    seesProjectFigures(ctx.actor) ? projectFigures(ctx, { groupBy: 'pairing' }) : null,
  ]);
  return { programme: programmes[0]?.programme ?? null, ...pairings, projects };
}
export type DashboardView = Awaited<ReturnType<typeof dashboard>>;
