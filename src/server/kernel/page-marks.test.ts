import { randomUUID } from 'node:crypto';
import { asc, desc, fillPlaceholders, type SQL } from 'drizzle-orm';
import { date, pgTable, uuid } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../testing/test-database.ts';
import { testEngines } from '../testing/test-engines.ts';
import { type DayMark, fromDayMark, fromTop, idsFromDayMark, idsFromTop, MARK_EVERY } from './page-marks.ts';

/** A list ordered by day, latest first, then by id: many rows share a day, as a roster's batch shares its start. */
const listed = pgTable('page_marks_listed', { day: date().notNull(), id: uuid().primaryKey() });
const DAYS = ['2020-03-01', '2019-03-01', '2018-03-01'];
const PER_DAY = 150;

describe.each(testEngines())('pages from a mark on %s', (engine) => {
  let database: Database;
  let whole: { day: string; id: string }[];
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    await database.pool.query('CREATE TABLE page_marks_listed (day date NOT NULL, id uuid PRIMARY KEY)');
    await database.pool.query('CREATE INDEX page_marks_listed_order ON page_marks_listed (day DESC, id)');
    const rows = DAYS.flatMap((day) => Array.from({ length: PER_DAY }, () => ({ day, id: randomUUID() })));
    await database.db.insert(listed).values(rows);
    await database.pool.query('VACUUM ANALYZE page_marks_listed');
    whole = rows.sort((a, b) => (a.day === b.day ? (a.id < b.id ? -1 : 1) : a.day < b.day ? 1 : -1));
  });
  afterAll(async () => {
    await database.close();
  });

  /** The page of `size` rows at `offset`, from the nearest mark before it, as a list's page statement reads it. */
  const pageAt = (offset: number, size: number) => {
    const k = Math.floor(offset / MARK_EVERY);
    const mark: DayMark = whole[k * MARK_EVERY]!;
    const skip = offset - k * MARK_EVERY;
    const walk = (after: SQL) =>
      database.db.select({ id: listed.id }).from(listed).where(after).orderBy(desc(listed.day), asc(listed.id));
    const statement = database.db
      .select({ id: listed.id })
      .from(listed)
      .where(idsFromDayMark(listed.day, listed.id, walk))
      .orderBy(desc(listed.day), asc(listed.id))
      .toSQL();
    return { ...statement, params: fillPlaceholders(statement.params, fromDayMark(mark, skip, size)) };
  };
  const idsOf = async (offset: number, size: number) => {
    const { sql: text, params } = pageAt(offset, size);
    return (await database.pool.query<{ id: string }>(text, params)).rows.map((r) => r.id);
  };
  /** How many of the statement's walks ran (EXPLAIN ANALYZE: a walk never read says "never executed"). */
  const walksRun = async (offset: number, size: number) => {
    const { sql: text, params } = pageAt(offset, size);
    const plan = await database.pool.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) ${text}`,
      params,
    );
    const lines = plan.rows.map((r) => r['QUERY PLAN']);
    // The walks are the statement's sub-selects, under aliases of their own (the outer read has none).
    const walks = lines.filter((l) => / on page_marks_listed page_marks_listed_\d/.test(l));
    expect(walks, lines.join('\n')).toHaveLength(2);
    return walks.filter((l) => !l.includes('never executed')).length;
  };

  it('reads every page from its mark as the whole list has it, within a day, across days and at the end', async () => {
    for (const [offset, size] of [
      [100, 10],
      [120, 25],
      [130, 40],
      [250, 60],
      [290, 20],
      [400, 50],
      [430, 30],
      [440, 30],
    ] as const)
      expect(await idsOf(offset, size), `${offset} + ${size}`).toEqual(
        whole.slice(offset, offset + size).map((r) => r.id),
      );
  });

  it("walks the earlier days only when the page goes past the mark's day", async () => {
    // The mark (the 101st row) and the whole page on the first day: its walk alone.
    expect(await walksRun(100, 30)).toBe(1);
    // Rows 130-169 cross into the second day: both walks.
    expect(await walksRun(130, 40)).toBe(2);
    // The last page: the last day's rows from its mark, and nothing before that day is walked.
    expect(await walksRun(400, 50)).toBe(1);
  });

  it('reads pages of every length and place with one statement per shape, whose plan is kept after five runs', async () => {
    // The page's end is a value read through a subquery, not written into the text: one text for every page from a
    // mark, one for every page from the top, and PostgreSQL prices each run's plan as the plan for any value, so it
    // keeps that plan after a statement's first five runs (as a value, it planned every run afresh; written into the
    // text, every span of pages was a statement of its own, planned five times on every connection).
    const fromTheTop = (skip: number, size: number) => {
      const walk = database.db.select({ id: listed.id }).from(listed).orderBy(desc(listed.day), asc(listed.id));
      const statement = database.db
        .select({ id: listed.id })
        .from(listed)
        .where(idsFromTop(listed.id, walk))
        .orderBy(desc(listed.day), asc(listed.id))
        .toSQL();
      return { ...statement, params: fillPlaceholders(statement.params, fromTop(skip, size)) };
    };
    const pages = [
      [100, 10],
      [130, 40],
      [250, 60],
      [290, 20],
      [400, 50],
    ] as const;
    for (const [of, name] of [
      [pageAt, 'page_from_mark'],
      [(offset: number, size: number) => fromTheTop(offset % MARK_EVERY, size), 'page_from_top'],
    ] as const) {
      const statements = [...pages, ...pages].map(([offset, size]) => ({ offset, size, ...of(offset, size) }));
      expect(new Set(statements.map((st) => st.sql)).size, name).toBe(1);
      const client = await database.pool.connect();
      try {
        for (const { sql: text, params, offset, size } of statements) {
          const { rows } = await client.query<{ id: string }>({ name, text, values: params });
          const from = name === 'page_from_top' ? offset % MARK_EVERY : offset;
          expect(
            rows.map((r) => r.id),
            `${name} ${offset} + ${size}`,
          ).toEqual(whole.slice(from, from + size).map((r) => r.id));
        }
        const { rows } = await client.query<{ generic_plans: string; custom_plans: string }>(
          'SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE name = $1',
          [name],
        );
        expect(rows, name).toEqual([{ generic_plans: '5', custom_plans: '5' }]);
      } finally {
        client.release();
      }
    }
  });
});
