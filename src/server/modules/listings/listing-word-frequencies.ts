import type { AuthedContext } from '../../http/context.ts';
import { wordFrequencies } from './listings.repository.ts';

/** Document frequencies of the listings' words, per database, refreshed after this long. */
const FREQUENCIES_TTL_MS = 10 * 60_000;
export type Frequencies = Awaited<ReturnType<typeof wordFrequencies>> & { at: number };
const frequencies = new WeakMap<object, { current?: Frequencies; pending?: Promise<Frequencies> }>();

/**
 * The table's own word frequencies (jieba's corpus does not know that 产地直供 is in one listing of ten here). The
 * first call waits for them; later ones use what is there and refresh it in the background once stale.
 */
export async function tableFrequencies(ctx: AuthedContext): Promise<Frequencies> {
  const slot = frequencies.get(ctx.deps.db) ?? {};
  frequencies.set(ctx.deps.db, slot);
  const refresh = () => {
    slot.pending ??= wordFrequencies(ctx.db)
      .then((f) => (slot.current = { ...f, at: Date.now() }))
      .finally(() => (slot.pending = undefined));
    return slot.pending;
  };
  if (!slot.current) return refresh();
  if (Date.now() - slot.current.at > FREQUENCIES_TTL_MS) void refresh().catch(() => undefined);
  return slot.current;
}
