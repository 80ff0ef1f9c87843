import { dataVersionOf } from '../../db/data-version.ts';
import type { DbOrTx } from '../../db/database.ts';
import type { Actor } from '../../http/context.ts';

/**
 * Ledger totals and dashboard figures aggregate every visible project, which costs hundreds of milliseconds at
 * 100,000 projects on the embedded database. They are cached per scope and question under the database's data
 * version (src/server/db/data-version.ts: it moves with every write and commit, on PostgreSQL also with other
 * processes' commits), and concurrent askers of the same question share one computation. Reading the version
 * costs no query; when it cannot be trusted (or the handle is a transaction's) nothing is cached.
 */
const MAX_ENTRIES = 500;
/** Per database handle: one process may serve (or test) several databases, whose versions mean nothing to each other. */
const caches = new WeakMap<object, Map<string, { version: number; value: Promise<unknown> }>>();

export function scopeKey(actor: Actor): string {
  return actor.scope.all ? 'all' : [...actor.scope.pairingIds].sort().join(',');
}

export async function cachedByVersion<T>(db: DbOrTx, key: string, compute: () => Promise<T>): Promise<T> {
  const version = dataVersionOf(db)?.current;
  if (version === null || version === undefined) return compute();
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const hit = cache.get(key);
  if (hit && hit.version === version) return hit.value as Promise<T>;
  const value = compute();
  cache.set(key, { version, value });
  value.catch(() => cache.delete(key));
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  return value;
}
