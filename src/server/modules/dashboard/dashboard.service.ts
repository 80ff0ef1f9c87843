import { notFound } from '../../http/app-error.ts';
import { cachedByVersion } from '../../kernel/cached-by-version.ts';
import type { AuthedContext } from '../../http/context.ts';
import { pairingOverview } from '../pairings/pairings.service.ts';
import { listProgrammes } from '../programmes/programmes.service.ts';
import { scopeInProgramme } from '../../kernel/pairing-scope.repository.ts';
import { projectOverview } from '../projects/projects.service.ts';
import { seesProjectFigures } from './dashboard.policy.ts';

/**
 * The national dashboard, limited to what the actor may see (a pairing office gets its own pairings' view): one
 * call to each module it shows, so each can answer from wherever it keeps its figures.
 */
export async function dashboard(ctx: AuthedContext, programmeId?: string) {
  // The programmes and the pairing overview are kept per scope until their own tables change (cachedByVersion): a
  // project write — the common one — then costs the dashboard only its project figures (on PGlite, whose one
  // connection runs the statements one after another, the overview was as long as the figures).
  const programmes = await cachedByVersion(
    ctx.db,
    ctx.actor,
    `dashboard|programmes|${ctx.actor.scope.all ? '' : (ctx.actor.scope.programmeIds ?? []).join(',')}`,
    () => listProgrammes(ctx),
  );
  const shown = programmeId ? programmes.find((p) => p.programme.id === programmeId) : programmes[0];
  if (programmeId && !shown) throw notFound();
  // The figures of one programme: the actor's scope narrowed to its pairings, kept until a pairing changes (the same
  // scope object each time, so what is built per scope — statements, cache keys — is built once).
  const scope = shown
    ? await cachedByVersion(ctx.db, ctx.actor, `dashboard|scope|${shown.programme.id}`, () =>
        scopeInProgramme(ctx.db, ctx.actor.scope, shown.programme.id),
      )
    : null;
  const inProgramme = scope ? { ...ctx, actor: { ...ctx.actor, scope } } : ctx;
  const [pairings, projects] = await Promise.all([
    cachedByVersion(inProgramme.db, inProgramme.actor, 'dashboard|pairings', () => pairingOverview(inProgramme)),
    seesProjectFigures(ctx.actor) ? projectOverview(inProgramme) : null,
  ]);
  return { programme: shown?.programme ?? null, programmes: programmes.map((p) => p.programme), ...pairings, projects };
}
export type DashboardView = Awaited<ReturnType<typeof dashboard>>;
