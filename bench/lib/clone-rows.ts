import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../src/server/db/database.ts';

/**
 * Bulk copies of rows the services made, for data sizes no service loop reaches in a bench's time: every column is
 * copied from its template row except those in `set`, so the copies have the shape the service gives (and follow
 * the table when columns are added). `templates` selects the template rows (the table is `x` there); in `set` and
 * `where`, `t` is the template row, `t._r` its rank (0-based, by id) among the templates, and `g` the copy number
 * (1-based) — or, when `copies` is a FROM item aliased `g`, one row of it per copy of each template.
 */
export async function cloneRows(
  db: DbOrTx,
  table: string,
  opts: { templates: SQL; copies: number | SQL; set: Record<string, SQL>; where?: SQL },
): Promise<number> {
  if (typeof opts.copies === 'number' && opts.copies < 1) return 0;
  const { rows } = await db.execute<{ column_name: string }>(sql`
    SELECT column_name FROM information_schema.columns
    WHERE table_schema = current_schema() AND table_name = ${table} AND is_generated = 'NEVER'
      AND (column_default IS NULL OR column_default NOT LIKE 'nextval(%')
    ORDER BY ordinal_position`);
  if (!rows.length) throw new Error(`no table ${table}`);
  for (const c of Object.keys(opts.set))
    if (!rows.some((r) => r.column_name === c)) throw new Error(`${table} has no column ${c}`);
  const ident = (c: string) => sql.raw(`"${c.replace(/"/g, '""')}"`);
  const columns = sql.join(
    rows.map((r) => ident(r.column_name)),
    sql`, `,
  );
  const values = sql.join(
    rows.map((r) => opts.set[r.column_name] ?? sql`t.${ident(r.column_name)}`),
    sql`, `,
  );
  const result = await db.execute(sql`
    INSERT INTO ${ident(table)} (${columns})
    SELECT ${values}
    FROM (SELECT x.*, (row_number() OVER (ORDER BY x.id) - 1)::int AS _r FROM ${ident(table)} x WHERE ${opts.templates}) t
    CROSS JOIN ${typeof opts.copies === 'number' ? sql`generate_series(1, ${opts.copies}::int) g` : opts.copies}
    ${opts.where ? sql`WHERE ${opts.where}` : sql``}`);
  return result.rowCount ?? 0;
}

/**
 * A stable uuid for copy `g` of the row with id `id` (so child rows can point at their parent's copy): an md5 with
 * the version nibble set to 4 and the variant to RFC 4122, so it passes the API's uuid validation (a bare md5 does
 * not, and a ledger page showing such a copy answered 500).
 */
export const copyId = (id: SQL) =>
  sql`overlay(overlay(md5(${id}::text || ':' || g::text) placing '4' from 13) placing '8' from 17)::uuid`;
