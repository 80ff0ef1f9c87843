import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import type { Actor } from '../../http/context.ts';
import { projectLedgerVersion } from './projects.tables.ts';

/**
 * Ledger totals and dashboard figures aggregate every visible project, which costs hundreds of milliseconds at
 * 100,000 projects on the embedded database. They are cached per scope and question until the version row
 * changes (statement triggers on projects, parks and events bump it, whichever process writes), and concurrent
 * askers of the same question share one computation. Reading the version is one primary-key lookup.
 */
const MAX_ENTRIES = 500;
/** Per database handle: one process may serve (or test) several databases, whose versions mean nothing to each other. */
const caches = new WeakMap<object, Map<string, { version: number; value: Promise<unknown> }>>();

export function scopeKey(actor: Actor): string {
  return actor.scope.all ? 'all' : [...actor.scope.pairingIds].sort().join(',');
}

export async function ledgerVersion(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ v: projectLedgerVersion.version }).from(projectLedgerVersion).where(eq(projectLedgerVersion.id, 1));
  return row?.v ?? -1;
}

export async function cachedByVersion<T>(db: DbOrTx, key: string, compute: () => Promise<T>): Promise<T> {
  const version = await ledgerVersion(db);
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
