import type { AuthedContext } from '../../http/context.ts';
import { chinaToday } from '../../kernel/dates.ts';
import { pairingTaskOverview, recentTaskChangesByOthers } from './tasks.repository.ts';

/** How far back "recent" changes reach on the workbench. */
export const RECENT_DAYS = 30;

/** Per pairing in the actor's sight (with a year, its tasks due in it): by light, without a unit, nearest deadlines. */
export async function taskOverviewByPairing(ctx: AuthedContext, year?: number, pairingId?: string) {
  const today = chinaToday();
  return { ...(await pairingTaskOverview(ctx.db, ctx.actor, today, year, pairingId)), today };
}

/** Task edits of the last month by organisations outside the actor's region, newest first. */
export async function recentChangesByOthers(ctx: AuthedContext, limit: number) {
  return recentTaskChangesByOthers(ctx.db, ctx.actor, new Date(Date.now() - RECENT_DAYS * 86_400_000), limit);
}
