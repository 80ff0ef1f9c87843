import { type AnyColumn, type Placeholder, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../db/database.ts';

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
function nearestMark<K>(marks: readonly K[], offset: number): { mark: K | undefined; skip: number } {
  const k = Math.min(Math.floor(offset / MARK_EVERY), marks.length - 1);
  return k > 0 ? { mark: marks[k], skip: offset - k * MARK_EVERY } : { mark: undefined, skip: offset };
}

/**
 * Where the page at `offset` starts, asking for the marks only when the page is past the first mark's stretch: a list
 * read only at its first pages (as a busy office reads between writes) never pays for the marks' pass, which costs
 * several times a plain count of the filter (a window over every entry).
 */
export async function pageStart<K>(
  offset: number,
  marks: () => Promise<readonly K[]>,
): Promise<{ mark: K | undefined; skip: number }> {
  return offset < MARK_EVERY ? { mark: undefined, skip: offset } : nearestMark(await marks(), offset);
}

/** A mark of a list ordered by a day, latest first, then by id: the mark's day and id. */
export interface DayMark {
  day: string;
  id: string;
}

/**
 * A filter's marks, for a list ordered by `day` descending then `id` (meetings by date, cadres by start): one pass
 * over the filter's index entries. Run it inside the computation kept by cachedByVersion; the filter's total is a
 * plain count, kept apart (a first page needs it and not the marks).
 */
export async function dayMarks(
  db: DbOrTx,
  table: PgTable,
  day: AnyColumn,
  id: AnyColumn,
  where: SQL | undefined,
): Promise<DayMark[]> {
  const numbered = db
    .select({
      day: sql<string>`${day}::text`.as('day'),
      id: sql<string>`${id}`.as('id'),
      n: sql<number>`row_number() OVER (ORDER BY ${day} DESC, ${id})`.as('n'),
    })
    .from(table)
    .where(where)
    .as('numbered');
  return await db
    .select({ day: numbered.day, id: numbered.id })
    .from(numbered)
    .where(isMark(numbered.n))
    .orderBy(numbered.n);
}

/**
 * The page's ids from a mark, for a list ordered by `day` descending then `id`: `walk(after)` is the list's ids in its
 * order under a further condition, at most `end` of them. The rows of the mark's day from the mark's id on, then
 * those of earlier days, each walked from its own place in the index — as one condition on (day, id) the walk would
 * start at the day's first row, and many rows share a day (a roster's batch starts on one day) — and the page is
 * their slice. Its values are `fromDayMark`'s.
 */
export function idsFromDayMark(day: AnyColumn, id: AnyColumn, walk: (after: SQL, end: Placeholder) => SQLWrapper): SQL {
  const markDay = sql`${sql.placeholder('markDay')}::date`;
  const end = sql.placeholder('end');
  const sameDay = walk(sql`${day} = ${markDay} AND ${id} >= ${sql.placeholder('markId')}::uuid`, end);
  const earlier = walk(sql`${day} < ${markDay}`, end);
  return sql`${id} = ANY((ARRAY(${sameDay}) || ARRAY(${earlier}))[${sql.placeholder('start')}:${end}])`;
}

/** The values of `idsFromDayMark`'s placeholders for a page of `size` rows starting `skip` rows after `mark`. */
export const fromDayMark = (mark: DayMark, skip: number, size: number) => ({
  markDay: mark.day,
  markId: mark.id,
  start: skip + 1,
  end: skip + size,
});
