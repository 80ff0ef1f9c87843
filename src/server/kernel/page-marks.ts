import { type AnyColumn, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../db/database.ts';
import { unseen } from './unseen-value.ts';

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
 * The first `end` rows of `walk` (the list's ids in its order), `end` being the page's end. The bound is read through a
 * subquery (an InitPlan), so the statement's text is one per filter shape whatever the page, and PostgreSQL prices
 * every run's plan as it prices the plan for any value. As a plain value, PostgreSQL planned every run afresh: its
 * plan for any value assumes a tenth of the filter's rows, costlier than the plans for the values given, so the kept
 * plan was never used, and planning a roster page took longer than running it (0.18–0.32 against 0.12–0.18 ms,
 * EXPLAIN ANALYZE on the bench's data). Written into the text (rounded up to 20), it was ~10 texts per filter shape,
 * each planned five times on every connection of the pool before its plan was kept: at the bench's length 40–60 % of
 * the page statements' runs were still planned. Read through the subquery, every run is priced alike (the same plans:
 * the list-order index walked under the Limit) and the plan is kept after five runs per connection.
 */
const firstOf = (walk: SQLWrapper): SQL => sql`ARRAY(${walk} LIMIT ${unseen(sql.placeholder('end'), 'int')})`;

/**
 * The page's ids, `skip` rows into the list's order from the top: the first `end` of `walk`, the list's ids in its
 * order, and the page is their slice. Its values are `fromTop`'s.
 */
export function idsFromTop(id: AnyColumn, walk: SQLWrapper): SQL {
  return sql`${id} = ANY((${firstOf(walk)})[${sql.placeholder('start')}:${sql.placeholder('end')}])`;
}

/** The values of `idsFromTop`'s placeholders for a page of `size` rows starting `skip` rows from the top. */
export const fromTop = (skip: number, size: number) => ({ start: skip + 1, end: skip + size });

/**
 * The page's ids from a mark, for a list ordered by `day` descending then `id`: `walk(after)` is the list's ids in its
 * order under a further condition, of which the first `end` are read. The rows of the mark's day from the
 * mark's id on, then those of earlier days, each walked from its own place in the index — as one condition on (day,
 * id) the walk would start at the day's first row, and many rows share a day (a roster's batch starts on one day) —
 * and the page is their slice. Its values are `fromDayMark`'s.
 *
 * The earlier days are walked only when the mark's day ends before the page does (a sub-select's walk runs when its
 * value is first read, and the CASE does not read it otherwise). Walked every time, it found nothing past the
 * filter's last row and went on to the index's end: a roster page by year and rank within one day walked every
 * older cadre's entry, 70-200 of a page's 180-310 buffers on the bench's data (EXPLAIN (ANALYZE, BUFFERS)).
 */
export function idsFromDayMark(day: AnyColumn, id: AnyColumn, walk: (after: SQL) => SQLWrapper): SQL {
  const markDay = sql`${sql.placeholder('markDay')}::date`;
  const sameDay = firstOf(walk(sql`${day} = ${markDay} AND ${id} >= ${sql.placeholder('markId')}::uuid`));
  const earlier = firstOf(walk(sql`${day} < ${markDay}`));
  const end = sql.placeholder('end');
  // OFFSET 0 keeps the mark's day's walk one value, read once, rather than pulled up into each of its uses.
  const walked = sql`(SELECT CASE WHEN cardinality(same_day) >= ${end}::int THEN same_day ELSE same_day || ${earlier} END FROM (SELECT ${sameDay} AS same_day OFFSET 0) AS from_mark)`;
  return sql`${id} = ANY(${walked}[${sql.placeholder('start')}:${end}])`;
}

/** The values of `idsFromDayMark`'s placeholders for a page of `size` rows starting `skip` rows after `mark`. */
export const fromDayMark = (mark: DayMark, skip: number, size: number) => ({
  markDay: mark.day,
  markId: mark.id,
  ...fromTop(skip, size),
});
