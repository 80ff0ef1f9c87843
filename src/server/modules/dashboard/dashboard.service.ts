import { notFound } from '../../http/app-error.ts';
import type { AuthedContext } from '../../http/context.ts';
import { pairingOverview } from '../pairings/pairings.service.ts';
import { listProgrammes, withinProgramme } from '../programmes/programmes.service.ts';
import { projectFigures } from '../projects/projects.service.ts';
import { seesProjectFigures } from './dashboard.policy.ts';

/**
 * The national dashboard, limited to what the actor may see (a pairing office gets its own pairings' view): one
 * call to each module it shows, so each can answer from wherever it keeps its figures.
 */
export async function dashboard(ctx: AuthedContext, programmeId?: string) {
  const programmes = await listProgrammes(ctx);
  const shown = programmeId ? programmes.find((p) => p.programme.id === programmeId) : programmes[0];
  if (programmeId && !shown) throw notFound();
  // The figures of one programme: the actor's scope narrowed to its pairings.
  const inProgramme = shown ? await withinProgramme(ctx, shown.programme.id) : ctx;
  const [pairings, projects] = await Promise.all([
    pairingOverview(inProgramme),
    seesProjectFigures(ctx.actor) ? projectFigures(inProgramme, { groupBy: 'pairing' }) : null,
  ]);
  return { programme: shown?.programme ?? null, programmes: programmes.map((p) => p.programme), ...pairings, projects };
}
export type DashboardView = Awaited<ReturnType<typeof dashboard>>;
