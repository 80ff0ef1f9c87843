import type { AuthedContext } from '../../http/context.ts';
import { chinaToday } from '../../kernel/dates.ts';
import { listCyclePage, unreportedSlots } from '../reporting/cycles.service.ts';
import { taskOverviewByPairing } from '../tasks/task-overview.service.ts';

/** The open periods the dashboard lists (most recent first); older ones are on the reporting page. */
const OPEN_PERIODS = 10;

/**
 * The state of the work in a year, as the actor may see it: each pairing's tasks due in it by light, and for the
 * open reporting periods of the year, who has not reported yet. With a pairing: that pairing and its sub-pairs.
 */
export async function workStatus(ctx: AuthedContext, year = Number(chinaToday().slice(0, 4)), pairingId?: string) {
  const [overview, cycles] = await Promise.all([
    taskOverviewByPairing(ctx, year, pairingId),
    listCyclePage(ctx, { status: 'open', year, pairingId, withSubPairs: true, page: 1, pageSize: OPEN_PERIODS }),
  ]);
  const owing = await Promise.all(cycles.items.map((c) => unreportedSlots(ctx, c.id)));
  return { year, overview, cycles: cycles.items, owing, today: cycles.today };
}
export type WorkStatusRows = Awaited<ReturnType<typeof workStatus>>;
