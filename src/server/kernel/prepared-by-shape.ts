import { type Placeholder, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { PgDialect } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../db/database.ts';
import type { Actor } from '../http/context.ts';
import { scopeTag } from './pairing-scope.repository.ts';

/**
 * A list's page statement, built once per shape and reused: Drizzle turning a list's statement into its text cost
 * 0.8–1 ms of CPU per request on the bench's cooperation lists (about a quarter of the server's work for an
 * uncached page), the same work every time for the same filters. The shape is which filters are given (their
 * values become placeholders, filled per request) and the actor's scope, whose pairing ids stay a constant parameter
 * of the statement: a statement prepared for one scope is never run for another. Anything else of the actor the
 * statement reads (a unit's own organisation) must be part of `shape`. Kept per database handle (a transaction's
 * statements belong to it), at most MAX_SHAPES, the oldest dropped first.
 */
const MAX_SHAPES = 500;
const caches = new WeakMap<object, Map<string, unknown>>();
export function preparedByShape<Q>(db: DbOrTx, actor: Pick<Actor, 'scope'>, shape: string, prepare: () => Q): Q {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const key = `${scopeTag(actor.scope)}|${shape}`;
  let found = cache.get(key) as Q | undefined;
  if (found === undefined) {
    found = prepare();
    cache.set(key, found);
    if (cache.size > MAX_SHAPES) cache.delete(cache.keys().next().value!);
  }
  return found;
}

/** Each filter value, or a placeholder standing for it in a statement built once per shape. */
export type Given<T> = { [K in keyof T]?: T[K] | Placeholder };

/**
 * The given filter values as placeholders of the same names (absent ones stay absent), and the shape they make: a
 * statement built from the placeholders serves every request giving the same filters.
 */
export function placeholdersOf<F extends Record<string, unknown>, K extends keyof F & string>(
  f: F,
  keys: readonly K[],
): { given: { [P in K]?: Placeholder }; shape: string } {
  const given: { [P in K]?: Placeholder } = {};
  const names: string[] = [];
  for (const k of keys)
    if (f[k] !== undefined) {
      given[k] = sql.placeholder(k);
      names.push(k);
    }
  return { given, shape: names.join(',') };
}

/**
 * A statement of plain SQL (table columns for names, placeholders for each request's values) prepared once, whose
 * rows are taken as the driver gives them, keyed by the names the statement gives its columns: no query builder and
 * no mapping of each row field by field, which for a page of 20 rows of 30 columns was a share of the request's CPU
 * (docs/BENCHMARKS.md §0). Every column must read as the driver gives it: text, uuid, numbers, booleans, dates and
 * numeric as text — as a select of the same columns answers them. Kept per shape with preparedByShape.
 */
export function preparedRows<T>(db: DbOrTx, statement: SQL): (values: Record<string, unknown>) => Promise<T[]> {
  // The database's own dialect (its casing of column names); Drizzle keeps it on the handle without typing it.
  const { dialect } = db as unknown as { dialect: PgDialect };
  const prepared = db._.session.prepareQuery(dialect.sqlToQuery(statement), undefined, undefined, false);
  return async (values) => ((await prepared.execute(values)) as unknown as { rows: T[] }).rows;
}

/**
 * A select's fields each under its own name (`… AS "name"`), so that a statement of Drizzle's query builder over them
 * can be run with preparedRows, its rows keyed as the fields are.
 */
export function underOwnNames<F extends Record<string, SQLWrapper>>(fields: F): { [K in keyof F]: SQL.Aliased } {
  return Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, sql`${field}`.as(name)])) as {
    [K in keyof F]: SQL.Aliased;
  };
}
