import { dataVersionOf } from '../db/data-version.ts';
import { noteReads, trackingReads } from '../db/routing.ts';
import type { DbOrTx } from '../db/database.ts';
import type { Actor } from '../http/context.ts';
import { scopeSet, scopeTag } from './pairing-scope.repository.ts';

/**
 * Figures that aggregate every visible row — ledger totals and dashboard figures over 100,000 projects (hundreds of
 * milliseconds on the embedded database), the status counts above a list of tracked items — are the same for every
 * page of a list and every user of the same scope. They are cached per scope and question under the database's data
 * version (src/server/db/data-version.ts: it moves with every write and commit, on PostgreSQL also with other
 * processes' commits), and concurrent askers of the same question share one computation. Reading the version
 * costs no query; when it cannot be trusted (or the handle is a transaction's) nothing is cached.
 */
const MAX_ENTRIES = 500;
/** Per database handle: one process may serve (or test) several databases, whose versions mean nothing to each other. */
const caches = new WeakMap<
  object,
  Map<
    string,
    { version: number; tables: Promise<Set<string>>; scope: ReadonlySet<string> | null; value: Promise<unknown> }
  >
>();

/**
 * `compute` reads for `actor`'s scope (every pairing-owned row it reads is of the scope's pairings): the answer is kept
 * per scope and `key`, and a write to another pairing's rows leaves it (src/server/db/data-version.ts).
 */
export async function cachedByVersion<T>(
  db: DbOrTx,
  actor: Pick<Actor, 'scope'>,
  question: string,
  compute: () => Promise<T>,
): Promise<T> {
  const dv = dataVersionOf(db);
  const version = dv?.current;
  if (version === null || version === undefined) return compute();
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const key = `${scopeTag(actor.scope)}|${question}`;
  const hit = cache.get(key);
  // Kept until one of the tables the computation read changes; whoever uses it depends on those tables too.
  if (hit && hit.version === version) {
    noteReads(await hit.tables);
    return hit.value as Promise<T>;
  }
  if (hit) {
    const tables = await hit.tables;
    if (dv!.unchangedSince(hit.version, tables, hit.scope)) {
      noteReads(tables);
      return hit.value as Promise<T>;
    }
  }
  const tracked = trackingReads(compute);
  const value = tracked.then((t) => t.value);
  // A failed computation is dropped below; its tables must not reject unobserved.
  cache.set(key, {
    version,
    scope: actor.scope.all ? null : scopeSet(actor.scope),
    tables: tracked.then(
      (t) => t.tables,
      () => new Set<string>(),
    ),
    value,
  });
  value.catch(() => cache.delete(key));
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  return value;
}
