import { randomUUID } from 'node:crypto';
import { getTableColumns, getTableName, sql, SQL, type Table } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';

/**
 * Inserts many rows as one JSON parameter (`jsonb_populate_recordset`) instead of one bind parameter per value:
 * a 500-row chunk of projects is 20,000 parameters the other way, which the embedded database parses several
 * times slower than one document. Columns the rows leave out get their plain default, a new uuid for `id`, or
 * now() for timestamps, since the record type ignores the table's SQL defaults.
 */
export async function insertViaJson<T extends Table>(
  db: DbOrTx,
  table: T,
  rows: Partial<T['$inferInsert']>[],
): Promise<void> {
  if (!rows.length) return;
  const columns = Object.entries(getTableColumns(table));
  const now = new Date().toISOString();
  // Columns are declared without names and the database casing is snake_case (drizzle.config.ts).
  const dbName = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  const docs = rows.map((row) =>
    Object.fromEntries(
      columns.map(([key, col]) => {
        const name = dbName(col.name);
        const v = (row as Record<string, unknown>)[key];
        if (v !== undefined) return [name, v instanceof Date ? v.toISOString() : v];
        if (col.default !== undefined && !(col.default instanceof SQL)) return [name, col.default];
        if (key === 'id') return [name, randomUUID()];
        if (col.columnType === 'PgTimestamp' && col.notNull) return [name, now];
        return [name, null];
      }),
    ),
  );
  const name = sql.identifier(getTableName(table));
  await db.execute(
    sql`INSERT INTO ${name} SELECT * FROM jsonb_populate_recordset(NULL::${name}, ${JSON.stringify(docs)}::jsonb)`,
  );
}
