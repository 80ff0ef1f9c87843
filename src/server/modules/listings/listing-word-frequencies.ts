import type { DbOrTx } from '../../db/database.ts';
import type { AppDeps } from '../../http/context.ts';
import { wordFrequencies } from './listings.repository.ts';

/** Document frequencies of the listings' words, per database, refreshed after this long. */
const FREQUENCIES_TTL_MS = 10 * 60_000;
export type Frequencies = Awaited<ReturnType<typeof wordFrequencies>> & { at: number };
type Slot = { current?: Frequencies; pending?: Promise<Frequencies> };
const frequencies = new WeakMap<object, Slot>();

function slotOf(deps: Pick<AppDeps, 'db'>): Slot {
  const slot = frequencies.get(deps.db) ?? {};
  frequencies.set(deps.db, slot);
  return slot;
}

/** Counts the words again (ts_stat over the published listings: ~7.6 s at 200,000 on PostgreSQL), once at a time. */
export function refreshWordFrequencies(deps: Pick<AppDeps, 'db'>, db: DbOrTx = deps.db): Promise<Frequencies> {
  const slot = slotOf(deps);
  slot.pending ??= wordFrequencies(db)
    .then((f) => (slot.current = { ...f, at: Date.now() }))
    .finally(() => (slot.pending = undefined));
  return slot.pending;
}

/**
 * The table's own word frequencies (jieba's corpus does not know that 产地直供 is in one listing of ten here), as far
 * as they are known: nobody waits for them. Until the first count is there the caller chooses candidates by jieba's
 * idf alone (candidateQuery); a stale count is used while a new one runs in the background.
 */
export function tableFrequencies(deps: Pick<AppDeps, 'db'>): Frequencies | undefined {
  const slot = slotOf(deps);
  if (!slot.current || Date.now() - slot.current.at > FREQUENCIES_TTL_MS)
    void refreshWordFrequencies(deps).catch(() => undefined);
  return slot.current;
}

/** After many listings changed at once (an import), the next ranking recounts in the background. */
export function markWordFrequenciesStale(deps: Pick<AppDeps, 'db'>) {
  const slot = slotOf(deps);
  if (slot.current) slot.current.at = 0;
}

/**
 * Starts the first count when the server starts, without holding the start up; `stop` waits for a count under way,
 * so the database is not closed beneath it.
 */
export function warmWordFrequencies(deps: Pick<AppDeps, 'db'>, onError: (err: unknown) => void) {
  const running = refreshWordFrequencies(deps).catch(onError);
  return { stop: () => running.then(() => undefined) };
}
