import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import { AppError, fieldError } from '../../http/app-error.ts';
import { yearLocks } from './year-locks.tables.ts';

/**
 * The open lock on a pairing's year, on the pairing itself or on a pairing above it (a pair's accepted summary
 * covers its sub-pairs' records, which it counted), or null.
 */
export async function yearLockOf(db: DbOrTx, pairingId: string, year: number) {
  const r = await db.execute<{ id: string; pairing_id: string }>(sql`
    WITH RECURSIVE up(id) AS (
      SELECT ${pairingId}::uuid
      UNION SELECT p.parent_id FROM pairings p JOIN up ON p.id = up.id WHERE p.parent_id IS NOT NULL
    )
    SELECT l.id, l.pairing_id FROM year_locks l JOIN up ON up.id = l.pairing_id
    WHERE l.year = ${year} AND l.unlocked_at IS NULL LIMIT 1`);
  return r.rows[0] ?? null;
}

/** The year a record counts in, from its date (YYYY-MM-DD or a Date), or null when it has none. */
export function yearOf(date: string | Date | null | undefined): number | null {
  if (!date) return null;
  return typeof date === 'string' ? Number(date.slice(0, 4)) : date.getUTCFullYear();
}

/**
 * Refuses a change to a record of a locked year: 409 `year_locked`, naming the year and the field whose date puts
 * the record in it. Every module that keeps records counted in the annual summary calls this in its change, inside
 * the change's transaction, for each year the record is in before and after the change.
 */
export async function assertYearsOpen(
  db: DbOrTx,
  pairingId: string,
  years: readonly (number | null)[],
  field: string,
): Promise<void> {
  for (const year of new Set(years)) {
    if (year === null) continue;
    if (await yearLockOf(db, pairingId, year))
      throw new AppError(409, 'year_locked', [fieldError(field, 'year_locked', { year })], { year });
  }
}

/** Opens a lock on the pairing's year (none when one is open already); the caller audits it. */
export async function lockYear(db: DbOrTx, pairingId: string, year: number, sourceId: string, userId: string) {
  if (await openLock(db, pairingId, year)) return false;
  await db.insert(yearLocks).values({ pairingId, year, sourceId, lockedBy: userId });
  return true;
}

async function openLock(db: DbOrTx, pairingId: string, year: number) {
  const [row] = await db
    .select()
    .from(yearLocks)
    .where(and(eq(yearLocks.pairingId, pairingId), eq(yearLocks.year, year), isNull(yearLocks.unlockedAt)))
    .for('update');
  return row ?? null;
}

/** Closes the pairing's open lock on the year with its reason; the lock row as it was, or null when none was open. */
export async function unlockYear(db: DbOrTx, pairingId: string, year: number, userId: string, reason: string) {
  const lock = await openLock(db, pairingId, year);
  if (!lock) return null;
  await db
    .update(yearLocks)
    .set({ unlockedAt: new Date(), unlockedBy: userId, unlockReason: reason })
    .where(eq(yearLocks.id, lock.id));
  return lock;
}

/** Whether the pairing's own year is locked (not one above it). */
export async function yearLocked(db: DbOrTx, pairingId: string, year: number): Promise<boolean> {
  const [row] = await db
    .select({ id: yearLocks.id })
    .from(yearLocks)
    .where(and(eq(yearLocks.pairingId, pairingId), eq(yearLocks.year, year), isNull(yearLocks.unlockedAt)));
  return !!row;
}
