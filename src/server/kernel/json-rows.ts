import { Column, is, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { SelectResultFields } from 'drizzle-orm/query-builders/select.types';

type Field = Column | SQL;

/** Column kinds whose JSON form is what the driver gives; every other column goes as the text the driver receives. */
const AS_JSON = new Set(['boolean', 'number', 'array', 'json']);

/**
 * The rows of another table as one column of a query: a correlated subquery answering them as a JSON array, each
 * row decoded into the values a plain select of the same fields gives. A detail page then reads its row and the
 * lists it shows (moves, reports, files, sub-pairs) in one statement instead of one statement per list — each
 * statement is a round trip and, on PGlite, a turn of its single connection.
 *
 * Columns are sent as text (dates, timestamps and numeric exactly as the driver receives them: numeric never
 * passes through a JSON number) and go through the column's own decoder; booleans, numbers, arrays and JSON keep
 * their JSON form. An SQL field is taken as its JSON value. At most 50 fields (json_build_object's limit). `from`
 * may be a join (SQL), so a looked-up name is read once rather than by a subquery per field and per sort key.
 */
export function jsonRows<F extends Record<string, Field>>(
  fields: F,
  from: PgTable | SQL,
  where: SQL | undefined,
  orderBy: SQL[],
): SQL<SelectResultFields<F>[]> {
  const entries = Object.entries(fields);
  for (const [key] of entries) if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) throw new Error(`jsonRows: bad key ${key}`);
  const pairs = entries.map(
    ([key, f]) => sql`${sql.raw(`'${key}'`)}, ${is(f, Column) && !AS_JSON.has(f.dataType) ? sql`${f}::text` : f}`,
  );
  const columns = entries.filter((e): e is [string, Column] => is(e[1], Column) && e[1].dataType !== 'json');
  const decode = (rows: Record<string, unknown>[]) => {
    for (const row of rows)
      for (const [key, column] of columns) if (row[key] !== null) row[key] = column.mapFromDriverValue(row[key]);
    return rows as SelectResultFields<F>[];
  };
  return sql<SelectResultFields<F>[]>`(SELECT coalesce(json_agg(json_build_object(${sql.join(pairs, sql`, `)})
    ORDER BY ${sql.join(orderBy, sql`, `)}), '[]') FROM ${from}${where ? sql` WHERE ${where}` : sql``})`.mapWith(
    decode,
  );
}
