import { dataVersionOf } from '../db/data-version.ts';
import { noteReads, trackingReads } from '../db/routing.ts';
import type { DbOrTx } from '../db/database.ts';

/**
 * Figures kept per pairing and composed by each reader from the pieces of the pairings it sees. cachedByVersion keeps
 * a whole scope's answer, which a write to any one of its pairings drops: the national office's figures sum 220
 * pairings, and every project write anywhere made them be read again whole. Here each pairing's piece stays until a
 * table it was read from changes for that pairing (src/server/db/data-version.ts), so after a write only the written
 * pairing's piece is read again. The pieces one request lacks are read together, by one call of `read` (one
 * statement), and concurrent askers share it.
 */
interface Piece {
  version: number;
  scope: ReadonlySet<string>;
  /** Set when the read that made the piece is done (the same set for the pieces read together). */
  tables?: Set<string>;
  value: Promise<unknown>;
  /** The value, once read: a national office's ~220 kept pieces are then taken as they are, not awaited one by one. */
  done?: { value: unknown };
}
/** Per database handle, as in cachedByVersion; per question, a piece per pairing. */
const caches = new WeakMap<object, Map<string, Map<string, Piece>>>();
const MAX_ENTRIES = 20_000;

/**
 * The piece of each of `pairingIds` (in that order) for `question`; `read(ids)` reads the pieces of `ids`, reading
 * only rows of those pairings, and leaves out a pairing that has nothing (which gets `none`).
 */
export async function cachedPerPairing<T>(
  db: DbOrTx,
  pairingIds: readonly string[],
  question: string,
  read: (ids: string[]) => Promise<Map<string, T>>,
  none: T,
): Promise<T[]> {
  const dv = dataVersionOf(db);
  const version = dv?.current;
  if (version === null || version === undefined) {
    const read1 = await read([...pairingIds]);
    return pairingIds.map((id) => read1.get(id) ?? none);
  }
  let questions = caches.get(db);
  if (!questions) caches.set(db, (questions = new Map()));
  let cache = questions.get(question);
  if (!cache) questions.set(question, (cache = new Map()));
  const pieces: Piece[] = [];
  const missing: string[] = [];
  for (const id of pairingIds) {
    const hit = cache.get(id);
    if (hit && hit.version === version) pieces.push(hit);
    else if (hit?.tables && dv!.unchangedSince(hit.version, hit.tables, hit.scope)) {
      // Still as read, so as good as read now: the next asker at this version takes it without the check, which a
      // national office's ~220 pieces otherwise each go through again on every miss after any write.
      hit.version = version;
      pieces.push(hit);
    } else missing.push(id);
  }
  if (missing.length) {
    const tracked = trackingReads(() => read(missing));
    let m = 0;
    pairingIds.forEach((id, i) => {
      if (id !== missing[m]) return;
      m++;
      const piece: Piece = { version, scope: new Set([id]), value: Promise.resolve() };
      piece.value = tracked.then((t) => {
        piece.tables = t.tables;
        const value = t.value.get(id) ?? none;
        piece.done = { value };
        return value;
      });
      // A failed read is dropped, not kept; its rejection reaches the caller through the await below.
      piece.value.catch(() => cache.get(id) === piece && cache.delete(id));
      cache.delete(id);
      cache.set(id, piece);
      pieces.splice(i, 0, piece);
    });
    let size = 0;
    for (const c of questions.values()) size += c.size;
    for (const c of questions.values())
      while (size > MAX_ENTRIES && c.size) {
        c.delete(c.keys().next().value!);
        size--;
      }
  }
  const values = pieces.some((p) => !p.done)
    ? ((await Promise.all(pieces.map((p) => p.value))) as T[])
    : pieces.map((p) => p.done!.value as T);
  // Whoever uses the pieces depends on their tables (the response cache keeps its answer by them): the pieces read
  // together share one set, noted once.
  let noted: Set<string> | undefined;
  for (const p of pieces)
    if (p.tables && p.tables !== noted) {
      noted = p.tables;
      noteReads(noted);
    }
  return values;
}
