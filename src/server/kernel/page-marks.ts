import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';

/**
 * Deep pages of a long list, started from a mark instead of an OFFSET from the top. However narrow the index, an
 * OFFSET walks every entry before the page: page 200 of the 20,000 cadres of the bench's roster walked 10,050 entries
 * (2.2 ms of the database's time on PostgreSQL, EXPLAIN ANALYZE; several times that on PGlite) for 50 rows. A list
 * keeps the key of every MARK_EVERY-th row of a filter in its order (read once per data version with
 * kernel/cached-by-version.ts), and a page walks from the nearest mark at or before it: fewer than MARK_EVERY
 * entries plus the page's own (0.2 ms for the same page).
 */
export const MARK_EVERY = 100;

/** A row's number in the list's order (`row_number() OVER (ORDER BY …)`) makes it a mark: the 1st, 101st, 201st… */
export const isMark = (rowNumber: SQLWrapper): SQL => sql`${rowNumber} % ${sql.raw(String(MARK_EVERY))} = 1`;

/**
 * Where the page at `offset` starts: `skip` rows after `mark` (the nearest mark at or before it), or `skip` rows from
 * the top when no mark is before it. `marks` are a filter's marks in the list's order.
 */
export function nearestMark<K>(marks: readonly K[], offset: number): { mark: K | undefined; skip: number } {
  const k = Math.min(Math.floor(offset / MARK_EVERY), marks.length - 1);
  return k > 0 ? { mark: marks[k], skip: offset - k * MARK_EVERY } : { mark: undefined, skip: offset };
}
