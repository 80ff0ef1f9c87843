import { and, asc, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { SelectResultFields } from 'drizzle-orm/query-builders/select.types';
import type { SecondmentListQuery } from '../../../common/api/people.ts';
import type { DbOrTx } from '../../db/database.ts';
import type { Actor } from '../../http/context.ts';
import { cachedByVersion } from '../../kernel/cached-by-version.ts';
import { amongIds } from '../../kernel/page-ids.ts';
import { dayMarks, fromDayMark, fromTop, idsFromDayMark, idsFromTop, pageStart } from '../../kernel/page-marks.ts';
import { containing } from '../../kernel/like-pattern.ts';
import { unseen } from '../../kernel/unseen-value.ts';
import {
  type Given,
  placeholdersOf,
  preparedByShape,
  preparedRows,
  underOwnNames,
} from '../../kernel/prepared-by-shape.ts';
import { rowsInPairingScope, rowsInPairingScopeWritten } from '../../kernel/pairing-scope.repository.ts';
import { pairings } from '../pairings/pairings.tables.ts';
import { secondments } from './people.tables.ts';

/** Cadres of the pairings in the actor's scope; every read below goes through it. */
export const secondmentScope = (actor: Actor): SQL | undefined => rowsInPairingScope(actor, secondments.pairingId);

/** What a list shows: the masked numbers, never the ciphertexts. */
const summaryColumns = {
  id: secondments.id,
  pairingId: secondments.pairingId,
  pairingName: pairings.name,
  name: secondments.name,
  gender: secondments.gender,
  birthYear: secondments.birthYear,
  idNumberMasked: secondments.idNumberMasked,
  mobileMasked: secondments.mobileMasked,
  direction: secondments.direction,
  homeUnit: secondments.homeUnit,
  homePost: secondments.homePost,
  hostUnit: secondments.hostUnit,
  hostPost: secondments.hostPost,
  rank: secondments.rank,
  batch: secondments.batch,
  startsOn: secondments.startsOn,
  endsOn: secondments.endsOn,
  status: secondments.status,
  isDemo: secondments.isDemo,
};
const summaryQuery = (db: DbOrTx) =>
  db.select(summaryColumns).from(secondments).innerJoin(pairings, eq(pairings.id, secondments.pairingId));
export type SecondmentSummaryRow = SelectResultFields<typeof summaryColumns>;

export type SecondmentFilter = Omit<SecondmentListQuery, 'page' | 'pageSize'>;

/** The filters the list's condition reads (programmeId narrows the actor's scope before the list is asked). */
const FILTER_KEYS = ['pairingId', 'direction', 'rank', 'status', 'batch', 'year', 'q', 'demo'] as const;
type FilterValues = Pick<SecondmentFilter, (typeof FILTER_KEYS)[number]>;
type GivenFilter = Given<FilterValues>;

function filterOf(actor: Actor, f: GivenFilter, scope = secondmentScope(actor)): SQL | undefined {
  // The name/unit search: the pattern itself, or the placeholder its pattern fills.
  const like = typeof f.q === 'string' ? containing(f.q) : f.q;
  return and(
    scope,
    f.pairingId ? eq(secondments.pairingId, f.pairingId) : undefined,
    f.direction ? eq(secondments.direction, f.direction) : undefined,
    f.rank ? eq(secondments.rank, f.rank) : undefined,
    f.status ? eq(secondments.status, f.status) : undefined,
    f.batch ? eq(secondments.batch, f.batch) : undefined,
    // The year through a subquery: planned without its value, so a page statement is planned once for every year.
    // Given as a value, PostgreSQL 15 estimated each year's rows apart, priced the kept plan above those estimates
    // and planned the statement afresh on every run, the same plan each time (0.25 of a run's 0.63 ms).
    f.year
      ? sql`${secondments.startsOn} < make_date(${unseen(f.year, 'int')} + 1, 1, 1) AND ${secondments.endsOn} >= make_date(${unseen(f.year, 'int')}, 1, 1)`
      : undefined,
    like
      ? or(ilike(secondments.name, like), ilike(secondments.homeUnit, like), ilike(secondments.hostUnit, like))
      : undefined,
    f.demo !== undefined ? eq(secondments.isDemo, f.demo) : undefined,
  );
}

/** The default order, latest started first; its marks (below) are keys in this order. */
const defaultOrder = [desc(secondments.startsOn), asc(secondments.id)];

/**
 * A filter's total, the same for every page and either order: counted once per scope and filter and kept until the
 * cadres are written (kernel/cached-by-version.ts).
 */
const totalOf = (db: DbOrTx, actor: Actor, { sort: _sort, ...f }: SecondmentFilter) =>
  cachedByVersion(db, actor, `secondments|count|${JSON.stringify(f)}`, async () => {
    // Awaited inside: a query run lazily, after compute returned, would escape the tracking of what it read.
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(secondments).where(filterOf(actor, f));
    return row!.n;
  });

/**
 * The key of every MARK_EVERY-th cadre of a filter in the default order (kernel/page-marks.ts), kept per scope and
 * filter until the cadres are written: one pass over the filter's index entries, against one walk of up to every
 * entry before the page for each deep page (a roster of 20,000, pages 10,000 deep on average).
 */
const marksOf = (db: DbOrTx, actor: Actor, f: SecondmentFilter) =>
  cachedByVersion(
    db,
    actor,
    `secondments|marks|${JSON.stringify(f)}`,
    // Awaited inside: a query run lazily, after compute returned, would escape the tracking of what it read.
    async () => await dayMarks(db, secondments, secondments.startsOn, secondments.id, filterOf(actor, f)),
  );

export async function listSecondments(
  db: DbOrTx,
  actor: Actor,
  f: SecondmentFilter,
  paging: { page: number; pageSize: number } | 'all',
) {
  const orderOf = (sort: SecondmentFilter['sort']) =>
    sort === 'endsOn' ? [asc(secondments.endsOn), asc(secondments.id)] : defaultOrder;
  if (paging === 'all')
    return {
      items: await summaryQuery(db)
        .where(filterOf(actor, f))
        .orderBy(...orderOf(f.sort)),
      total: -1,
    };
  const offset = (paging.page - 1) * paging.pageSize;
  const values = { ...f, q: f.q === undefined ? undefined : containing(f.q), limit: paging.pageSize };
  // The page's ids first, in the list's order from secondments_list_order_idx (it holds the scope's and the common
  // filters' columns): the rows the OFFSET skips are index entries, not wide cadre rows read and sorted; only the
  // page's rows are read whole. Built once per filter shape and scope, run with this request's values.
  const { given, shape } = placeholdersOf(f, FILTER_KEYS);
  // The scope written into the text: the statement is prepared for this scope only.
  const scope = rowsInPairingScopeWritten(actor, secondments.pairingId);
  const inOrder = (sort: SecondmentFilter['sort'], after?: SQL) =>
    db
      .select({ id: secondments.id })
      .from(secondments)
      .where(and(filterOf(actor, given, scope), after))
      .orderBy(...orderOf(sort));
  // The page's rows as the driver gives them: every column reads as Drizzle would map it (text, uuid, dates as text,
  // numbers, booleans), without its mapping of each field of each row.
  const rowsOf = (ids: SQL) =>
    preparedRows<SecondmentSummaryRow>(
      db,
      db
        .select(underOwnNames(summaryColumns))
        .from(secondments)
        .innerJoin(pairings, eq(pairings.id, secondments.pairingId))
        .where(ids)
        .orderBy(...orderOf(f.sort))
        .getSQL(),
    );
  if (f.sort === 'endsOn') {
    // No index has this order (组织部's short list of cadres in post): the total is counted once per filter and
    // data version (kernel/cached-by-version.ts), the page is always read.
    const page = preparedByShape(db, actor, `secondments|${shape}|endsOn`, () =>
      rowsOf(
        amongIds(secondments.id, inOrder('endsOn').limit(sql.placeholder('limit')).offset(sql.placeholder('offset'))),
      ),
    );
    const [items, total] = await Promise.all([page({ ...values, offset }), totalOf(db, actor, f)]);
    return { items, total };
  }
  const total = await totalOf(db, actor, f);
  if (offset >= total) return { items: [], total };
  const { mark, skip } = await pageStart(offset, () => marksOf(db, actor, f));
  // The first ids from the top or the mark, to the page's end, and the page their slice (kernel/page-marks.ts).
  const page = preparedByShape(db, actor, `secondments|${shape}|${mark ? 'fromMark' : ''}`, () =>
    rowsOf(
      mark
        ? idsFromDayMark(secondments.startsOn, secondments.id, (after) => inOrder(undefined, after))
        : idsFromTop(secondments.id, inOrder(undefined)),
    ),
  );
  const items = await page({
    ...values,
    ...(mark ? fromDayMark(mark, skip, paging.pageSize) : fromTop(skip, paging.pageSize)),
  });
  return { items, total };
}

export async function findSecondment(db: DbOrTx, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}) {
  const q = db
    .select()
    .from(secondments)
    .where(and(eq(secondments.id, id), secondmentScope(actor)));
  const [row] = await (opts.forUpdate ? q.for('update') : q);
  return row;
}

/** A cadre with the pairing's name, in one query; undefined when out of scope. */
export async function findSecondmentDetail(db: DbOrTx, actor: Actor, id: string) {
  const [found] = await db
    .select({
      summary: summaryColumns,
      evaluation: secondments.evaluation,
      version: secondments.version,
    })
    .from(secondments)
    .innerJoin(pairings, eq(pairings.id, secondments.pairingId))
    .where(and(eq(secondments.id, id), secondmentScope(actor)));
  return found;
}
export type SecondmentDetailRow = NonNullable<Awaited<ReturnType<typeof findSecondmentDetail>>>;

export type SecondmentInsert = typeof secondments.$inferInsert;

/** Rows go in 500 to a statement (a roster of thousands stays well under PostgreSQL's parameter limit). */
/** The columns a new cadre record is given, with their types, for the one-statement insert below. */
const INSERTED: readonly [keyof SecondmentInsert, string][] = [
  ['id', 'uuid'],
  ['pairingId', 'uuid'],
  ['name', 'text'],
  ['gender', 'text'],
  ['birthYear', 'smallint'],
  ['idNumberCipher', 'text'],
  ['idNumberMasked', 'text'],
  ['idNumberIndex', 'text'],
  ['mobileCipher', 'text'],
  ['mobileMasked', 'text'],
  ['direction', 'text'],
  ['homeUnit', 'text'],
  ['homePost', 'text'],
  ['hostUnit', 'text'],
  ['hostPost', 'text'],
  ['rank', 'text'],
  ['batch', 'text'],
  ['startsOn', 'date'],
  ['endsOn', 'date'],
  ['status', 'text'],
  ['evaluation', 'text'],
  ['isDemo', 'boolean'],
];
const columnName = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * A roster's cadres in one statement: one array per column, unnested into rows. A multi-row VALUES list of 2,000
 * rows binds 44,000 parameters, which drizzle and the driver spent most of a roster import building and sending
 * (0.6–1.3 s of ~2 s on PostgreSQL); 22 arrays bind in a few milliseconds.
 */
export async function insertSecondments(db: DbOrTx, rows: readonly SecondmentInsert[]): Promise<void> {
  if (!rows.length) return;
  const columns = sql.join(
    INSERTED.map(([key]) => sql.identifier(columnName(key))),
    sql`, `,
  );
  const arrays = sql.join(
    INSERTED.map(
      ([key, type]) =>
        sql`${sql.param(rows.map((r) => r[key] ?? (key === 'isDemo' ? false : null)))}::${sql.raw(type)}[]`,
    ),
    sql`, `,
  );
  await db.execute(sql`INSERT INTO ${secondments} (${columns}) SELECT * FROM unnest(${arrays})`);
}

export async function updateSecondmentRow(
  db: DbOrTx,
  id: string,
  version: number,
  patch: Partial<SecondmentInsert>,
): Promise<boolean> {
  const updated = await db
    .update(secondments)
    .set({ ...patch, version: version + 1, updatedAt: new Date() })
    .where(and(eq(secondments.id, id), eq(secondments.version, version)))
    .returning({ id: secondments.id });
  return updated.length > 0;
}

/** Which of these (batch, blind index) pairs a pairing already holds, other than the record being edited. */
export async function takenPersonBatches(
  db: DbOrTx,
  pairingId: string,
  indexes: readonly string[],
  except?: string,
): Promise<Set<string>> {
  if (!indexes.length) return new Set();
  const rows = await db
    .select({ batch: secondments.batch, index: secondments.idNumberIndex })
    .from(secondments)
    .where(
      and(
        eq(secondments.pairingId, pairingId),
        inArray(secondments.idNumberIndex, [...new Set(indexes)]),
        except ? sql`${secondments.id} <> ${except}` : undefined,
      ),
    );
  return new Set(rows.map((r) => `${r.batch}|${r.index}`));
}

/** Up to `limit` cadres with a number sealed under another key than `keyId` (what a key rotation rewrites). */
export async function sealedUnderOtherKeys(db: DbOrTx, keyId: string, limit: number) {
  return db
    .select({ id: secondments.id, idNumberCipher: secondments.idNumberCipher, mobileCipher: secondments.mobileCipher })
    .from(secondments)
    .where(
      sql`split_part(${secondments.idNumberCipher}, '.', 2) <> ${keyId} OR split_part(${secondments.mobileCipher}, '.', 2) <> ${keyId}`,
    )
    .orderBy(asc(secondments.id))
    .limit(limit);
}

/** New ciphertexts of the same numbers; the record's version stays (its content did not change). */
export async function updateSealedFields(
  db: DbOrTx,
  rows: readonly { id: string; idNumberCipher: string; mobileCipher: string | null }[],
): Promise<void> {
  for (const r of rows)
    await db
      .update(secondments)
      .set({ idNumberCipher: r.idNumberCipher, mobileCipher: r.mobileCipher })
      .where(eq(secondments.id, r.id));
}
