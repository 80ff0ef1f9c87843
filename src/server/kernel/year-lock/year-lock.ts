import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import { AppError, fieldError } from '../../http/app-error.ts';

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
